"""Concepts: what a criterion's evidence talks about, with the words French authors use.

A concept is named in the référentiel data, either inline as alternatives separated by
« | » (`"périmètre|limites"`) or by reference to lexicon/concepts.toml (`"@rex"`), where
each concept has a label and its terms: French words, synonyms, abbreviations (REX,
retour d'expérience, leçons apprises…), kept there for a domain expert to review. Both
may be mixed (`"@risques|aléas"`). A term ending in « * » matches any word that starts
with it (`"automati*"`); every other term matches whole words after folding and stemming
(cockpit.referentials.words).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import rtoml

from cockpit.model.immutable import immutable
from cockpit.referentials.words import contains, stems

CONCEPTS = Path(__file__).parent / "lexicon" / "concepts.toml"
KINDS = Path(__file__).parent / "lexicon" / "kinds.toml"


@immutable
class Concept:
    label: str
    terms: tuple[str, ...]
    """As written, for the messages (« termes cherchés : … »)."""
    stemmed: tuple[tuple[str, ...], ...]
    prefixes: tuple[str, ...] = ()
    together: tuple[tuple[tuple[str, ...], ...], ...] = ()
    """Terms written « a & b »: every part in the same passage, in any order."""
    firsts: frozenset[str] = frozenset()
    """The first stem of every term and of every first part: a passage holding none of
    them matches no term, which one set lookup tells (most passages, on a large folder)."""

    def matches(self, words: tuple[str, ...]) -> bool:
        if not self.firsts.isdisjoint(words):
            if any(contains(words, term) for term in self.stemmed):
                return True
            if any(all(contains(words, part) for part in parts) for parts in self.together):
                return True
        return bool(self.prefixes) and any(w.startswith(p) for p in self.prefixes for w in words)

    def shown_terms(self, limit: int = 8) -> str:
        shown = ", ".join(f"« {t} »" for t in self.terms[:limit])
        return shown + (" …" if len(self.terms) > limit else "")


@cache
def concept_data() -> dict[str, tuple[str, tuple[str, ...]]]:
    raw = rtoml.loads(CONCEPTS.read_text(encoding="utf-8"))
    return {name: (str(table["label"]), tuple(str(t) for t in table["terms"]))
            for name, table in raw.items()}


class UnknownConcept(KeyError):
    pass


@cache
def concept(spec: str) -> Concept:
    """The concept a spec names: « a|b|@c »; the label is the first alternative's."""
    label = ""
    terms: list[str] = []
    for alternative in (a.strip() for a in spec.split("|")):
        if not alternative:
            continue
        if alternative.startswith("@"):
            name = alternative[1:]
            data = concept_data()
            if name not in data:
                raise UnknownConcept(name)
            own_label, own_terms = data[name]
            label = label or own_label
            terms.extend(own_terms)
        else:
            label = label or alternative
            terms.append(alternative)
    unique = tuple(dict.fromkeys(terms))
    stemmed = tuple(s for t in unique if not t.endswith("*") and "&" not in t and (s := stems(t)))
    prefixes = tuple(_prefix(t) for t in unique if t.endswith("*"))
    together = tuple(tuple(s for part in t.split("&") if (s := stems(part)))
                     for t in unique if "&" in t)
    firsts = frozenset(t[0] for t in stemmed) | frozenset(p[0][0] for p in together if p)
    return Concept(label[:1].upper() + label[1:], unique, stemmed, prefixes, together, firsts)


@cache
def _kinds() -> dict[str, list[str]]:
    return dict(rtoml.loads(KINDS.read_text(encoding="utf-8")))


@cache
def kind_terms(kind: str) -> tuple[tuple[str, ...], ...]:
    """The stemmed names a document of this kind goes by (lexicon/kinds.toml), the kind
    itself included (« plan-de-validation » → « plan de validation »)."""
    names = _kinds().get(kind, [])
    return tuple(s for n in (kind.replace("-", " "), *names) if (s := stems(str(n))))


def _prefix(term: str) -> str:
    """The stem of a prefix (« économi* » → « econom »), which starts the stems of the
    words it begins."""
    return "".join(stems(term[:-1])) or term[:-1].lower()
