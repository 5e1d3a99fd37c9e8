"""Write docs/rules.md from the rule registry: `python scripts/gen_rules_doc.py` (or `--check`)."""

from __future__ import annotations

import sys
from pathlib import Path

from yusuan.checks.report.rules_doc import render_rules_markdown

RULES_MD = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = render_rules_markdown()
    if "--check" in argv:
        current = RULES_MD.read_text("utf-8") if RULES_MD.exists() else ""
        if current != text:
            print(f"{RULES_MD} is out of date; run: python scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    RULES_MD.write_text(text, "utf-8")
    print(f"wrote {RULES_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
