"""Finding the documents to process: files named on the command line, folders walked, and list files.

Everything here is a generator: a collection of millions of files is never held in memory, only
walked (`count` walks it once more, without keeping anything, so the progress bar knows the total).
A folder is walked in name order, so two runs meet the files in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import YusuanError
from ..readers.registry import SUFFIXES

# What a disclosure is published as: the suffixes of the formats read. Readers choose by content; the
# suffix only picks files out of a folder (a file named on the command line is always taken).
DOCUMENT_SUFFIXES = SUFFIXES


def is_document(name: str) -> bool:
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES


def walk(folder: Path) -> Iterator[Path]:
    """Document files under `folder`, depth first, in name order; hidden files and folders are skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        raise YusuanError(f"无法读取文件夹“{folder}”：{error.strerror}。请检查路径和权限。") from error
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(Path(entry.path))
        elif entry.is_file() and is_document(entry.name):
            yield Path(entry.path)


def listed(list_file: Path) -> Iterator[Path]:
    """Paths from a list file, one a line (as a downloader writes them); relative paths are taken from
    the list file's folder; blank lines and lines starting with # are skipped. A tab may follow the
    path with the address it was downloaded from: only the path is used."""
    try:
        stream = list_file.open(encoding="utf-8")
    except OSError as error:
        raise YusuanError(f"无法读取文件列表“{list_file}”：{error.strerror}。请检查路径。") from error
    with stream:
        for line in stream:
            text = line.split("\t", 1)[0].strip()
            if text and not text.startswith("#"):
                yield (list_file.parent / text) if not os.path.isabs(text) else Path(text)


def discover(paths: Iterable[Path], list_files: Iterable[Path] = ()) -> Iterator[Path]:
    """Every document named or found, in the order given. A missing path is an error before any work."""
    for path in paths:
        if path.is_dir():
            yield from walk(path)
        elif path.exists():
            yield path
        else:
            raise YusuanError(f"找不到“{path}”。请检查路径是否正确。")
    for list_file in list_files:
        yield from listed(list_file)


def count(paths: Iterable[Path], list_files: Iterable[Path] = ()) -> int:
    return sum(1 for _ in discover(paths, list_files))


def check_paths(paths: Iterable[Path], list_files: Iterable[Path] = ()) -> None:
    """Fail early, before an archive is opened, when a path named on the command line does not exist."""
    for path in [*paths, *list_files]:
        if not path.exists():
            raise YusuanError(f"找不到“{path}”。请检查路径是否正确。")
