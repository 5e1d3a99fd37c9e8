"""Write the words of one and two characters of jieba's dictionary into the package
(src/yusuan/checks/rules/hygiene/data/words.txt), for the hygiene rule that tells a name cut short from a word,
and the longer words (three to five characters) that end a classification name cut short ("科技馆" of
科技馆站, "交通费" of 其他交通费用: the cut leaves a whole word).

    pip install jieba==0.42.1 && python scripts/make_words.py

The rule needs only whether those strings are words; the list loads in a fraction of the time of jieba's
whole dictionary, and yusuan does not depend on jieba at run time.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import jieba

from yusuan.checks.rules.hygiene.cuts import cut_names

OUT = Path(__file__).resolve().parent.parent / "src/yusuan/checks/rules/hygiene/data/words.txt"


def main() -> None:
    dictionary = set()
    with (files("jieba") / "dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word = line.split(" ", 1)[0]
            if all("\u4e00" <= ch <= "\u9fff" for ch in word):
                dictionary.add(word)
    words = {word for word in dictionary if len(word) <= 2}
    words |= {short[-size:] for short in cut_names() for size in (3, 4, 5) if short[-size:] in dictionary}
    OUT.write_text(f"# jieba {jieba.__version__} dict.txt: its words of one and two characters, and the longer ones "
                   "that end a classification name cut short (MIT licence, see WORDS.md)\n"
                   + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
