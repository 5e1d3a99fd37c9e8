"""Parsers and renderers that fail the way hostile files make a reader or a writer fail, for the safety tests.

A worker process imports this module by name (Settings.parser = "web_crashers:..."), so it is a
top-level module: conftest.py puts this folder on sys.path. Each misbehaves only for a file whose
name contains "crash" (a renderer: for a PDF only); any other is read (rendered) as usual, so the same
server can show it still works.
"""

import os
import resource
import signal
import time

from yusuan.web.parsing import parse_upload
from yusuan.web.rendering import render_document


def _unless_crash(misbehave):
    def parser(upload, progress):
        if "crash" not in upload.name:
            return parse_upload(upload, progress)
        progress("reading", pages=None)
        return misbehave()

    return parser


def _raise():
    raise RuntimeError("a bug in a reader")


def _segfault():
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file left behind
    os.kill(os.getpid(), signal.SIGSEGV)


def _hang():
    time.sleep(600)


def _eat_memory():
    hog = bytearray(8 * 1024 * 1024 * 1024)  # more than the worker's address-space cap
    return hog


raises = _unless_crash(_raise)
segfaults = _unless_crash(_segfault)
hangs = _unless_crash(_hang)
eats_memory = _unless_crash(_eat_memory)


def _pdf_only(misbehave):
    def renderer(request, progress):
        return misbehave() if request.fmt == "pdf" else render_document(request, progress)

    return renderer


pdf_render_hangs = _pdf_only(_hang)
pdf_render_segfaults = _pdf_only(_segfault)
