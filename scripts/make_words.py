"""Write the words of one and two characters of jieba's dictionary into the package
(src/yusuan/checks/rules/hygiene/data/words.txt), for the hygiene rule that tells a name cut short from a word.

    pip install jieba==0.42.1 && python scripts/make_words.py

The rule needs only whether a string of one or two characters is a word; the list loads in a fraction
of the time of jieba's whole dictionary, and yusuan does not depend on jieba at run time.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parent.parent / "src/yusuan/checks/rules/hygiene/data/words.txt"


def main() -> None:
    words = set()
    with (files("jieba") / "dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word = line.split(" ", 1)[0]
            if len(word) <= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
                words.add(word)
    OUT.write_text(f"# jieba {jieba.__version__} dict.txt: its words of one and two characters (MIT licence, see WORDS.md)\n"
                   + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
