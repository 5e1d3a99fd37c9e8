"""One synthetic document, rebuilt exactly from (seed, index, defect kind): facts, defect, disclosure.

Generation and evaluation both call `build`, so the evaluation knows what each file prints without
storing it: the facts come from one random stream, the defect from another, each seeded by
(seed, index), whatever the error rate or the formats.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..compose import derive
from ..model import Disclosure
from .defect import Injected
from .defects import BY_NAME, KINDS
from .facts import synth_facts

TRIES = 8  # a kind that does not apply to a document (no empty table to strip...) gives way to another


@dataclass
class Built:
    disclosure: Disclosure
    defects: list[Injected]


def _stream(seed: int, index: int, purpose: str) -> random.Random:
    return random.Random(f"{seed}/{index}/{purpose}")


def build(seed: int, index: int, kind: str | None = None) -> Built:
    """The document `index` of a collection, clean (`kind` None) or with that defect."""
    facts = synth_facts(_stream(seed, index, "facts"))
    if kind is None:
        return Built(derive(facts, strict=False), [])
    chosen, rng = BY_NAME[kind], _stream(seed, index, "defect")
    where = {}
    if chosen.stage == "facts":
        edited = chosen.edit(rng, facts)
        if edited is None:
            raise ValueError(f"defect {kind} does not apply to document {index}")
        facts, where = edited
    disclosure = derive(facts, strict=False)
    if chosen.stage == "model":
        edited = chosen.edit(rng, disclosure)
        if edited is None:
            raise ValueError(f"defect {kind} does not apply to document {index}")
        disclosure, where = edited
    return Built(disclosure, [chosen.injected(where)])


def choose_defect(seed: int, index: int, error_rate: float) -> Built:
    """Clean with probability 1 - error_rate; else a kind drawn at random among those that apply."""
    rng = _stream(seed, index, "choice")
    if rng.random() >= error_rate:
        return build(seed, index)
    for kind in rng.sample(KINDS, min(TRIES, len(KINDS))):
        try:
            return build(seed, index, kind.name)
        except ValueError:
            continue
    return build(seed, index)
