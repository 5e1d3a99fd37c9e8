"""The cyclic garbage collector, paused while a document's model is built.

Recognizing a document allocates tens of thousands of containers (lines, cells, rows, pydantic
models), and nearly all of them live until the model is done. The collector starts a pass every
few hundred new containers and each pass finds nothing to free, only survivors to walk again: on
the bundled example that was about a twentieth of the parse. Reference counting still frees what
goes out of use at once; any reference cycle made meanwhile is collected after the pause.
Recognizing is pure CPU work bounded by the document (and by `Limits.max_seconds`), so the pause
is short; reading PDF and images, which can run long, is not paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Pause the collector for the block, unless someone else already has (then leave it to them)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
