"""`yusuan synth N --out DIR`: N files and their manifest, spread over a few sub-folders.

Files go into sub-folders of 1,000 (000/, 001/, …) so that no folder grows huge. The manifest is
written as the files are, so an interrupted run leaves a consistent (shorter) collection.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import YusuanError
from .build import choose_defect
from .manifest import MANIFEST_NAME, Entry, write_line
from .render import render_bytes

PER_FOLDER = 1000


@dataclass(frozen=True)
class SynthOptions:
    count: int
    seed: int = 0
    error_rate: float = 0.0
    formats: tuple[str, ...] = ("txt",)


def file_name(index: int, fmt: str) -> str:
    return f"{index // PER_FOLDER:03d}/{index:06d}.{fmt}"


def make_one(options: SynthOptions, index: int, out: Path) -> Entry:
    built = choose_defect(options.seed, index, options.error_rate)
    fmt = options.formats[index % len(options.formats)]
    data = render_bytes(built.disclosure, fmt)
    name = file_name(index, fmt)
    path = out / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    d = built.disclosure
    return Entry(name, index, fmt, hashlib.sha256(data).hexdigest(), d.department, d.year, built.defects)


def _check(options: SynthOptions, out: Path) -> None:
    if options.count < 1:
        raise YusuanError(f"文件数 {options.count} 无效。请输入正整数。")
    if not 0 <= options.error_rate <= 1:
        raise YusuanError(f"--errors 的值 {options.error_rate} 无效。请输入 0 到 1 之间的比例，如 0.2。")
    if (out / MANIFEST_NAME).exists():
        raise YusuanError(f"“{out}”中已有生成的文件（{MANIFEST_NAME}）。请指定一个新的文件夹。")


def generate(options: SynthOptions, out: Path, progress: Callable[[Entry], None] | None = None) -> int:
    """Write `options.count` files and the manifest into `out`; returns how many have a defect."""
    _check(options, out)
    out.mkdir(parents=True, exist_ok=True)
    defective = 0
    with (out / MANIFEST_NAME).open("w", encoding="utf-8") as manifest:
        write_line(manifest, {"seed": options.seed, "count": options.count, "error_rate": options.error_rate,
                              "formats": list(options.formats)})
        for index in range(options.count):
            entry = make_one(options, index, out)
            write_line(manifest, entry.as_dict())
            defective += bool(entry.defects)
            if progress is not None:
                progress(entry)
    return defective
