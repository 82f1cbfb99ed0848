"""French words as the evidence matcher compares them: whole words, folded and stemmed.

A text becomes a tuple of stems: lower case, ligatures expanded (œ → oe, æ → ae), split
into words on anything that is not a letter or a digit (so « l'analyse » is « l » and
« analyse », « éco-conception » is « éco » and « conception »), the small grammatical
words dropped, each word stemmed by the Snowball French stemmer (PyStemmer, a C
extension: about a microsecond a word, against twenty for the pure Python port), then
its accents removed. Stemming the accented word is what Snowball expects: « validée »,
« validé », « validation » all give « valid », « délais » and « délai » give « del ».

A term (« retour d'expérience ») matches a text when its stems appear in the text's
stems contiguously, small words aside: « retours d'expériences » and « retour de
l'expérience » match, « ressources » never matches « sources », nor « charge » « cahier
des charges » unless « charge » is a word of it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

_WORD = re.compile(r"[^\W_]+|[€$%]")
_SMALL_WORDS = """
a à au aux avec ce ces cet cette d dans de des du en et l la le les leur leurs n ne ou où
par pour qu que qui s sa se ses son sur un une y est sont été être
"""
STOPWORDS = frozenset(_SMALL_WORDS.split())


@cache
def _stemmer() -> Callable[[str], str]:
    """The Snowball French stemmer, imported on first use (it is not needed to start)."""
    import Stemmer  # type: ignore[import-not-found]

    return Stemmer.Stemmer("french").stemWord  # type: ignore[no-any-return]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Words that Snowball gives the stem of an unrelated word, as Lucene's
# StemmerOverrideFilter keeps them apart: « direction » is not « directive », an « arrêt »
# of production is not an « arrêté » (a decree), « règles » are not a « règlement » (which
# joins « réglementation »). Keys and values are folded (no accents).
STEM_OVERRIDES = {
    "direction": "direction", "directions": "direction",
    "arrete": "arrete", "arretes": "arrete", "arretee": "arrete", "arretees": "arrete",
    "reglement": "reglement", "reglements": "reglement",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The folded stem of one lower-case word."""
    if word.isdigit() or len(word) <= 2:
        return _fold(word)
    folded = _fold(word)
    return STEM_OVERRIDES.get(folded) or _fold(_stemmer()(word))


@lru_cache(maxsize=16384)
def stems(text: str) -> tuple[str, ...]:
    """The stems of a text's words, small grammatical words left out."""
    lowered = text.lower().replace("œ", "oe").replace("æ", "ae")
    return tuple(stem(w) for w in _WORD.findall(lowered) if w not in STOPWORDS)


def contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Whether `needle` occurs in `haystack` as a contiguous run of stems."""
    if not needle:
        return False
    size = len(needle)
    if size == 1:
        return needle[0] in haystack
    first = needle[0]
    start = 0
    limit = len(haystack) - size
    while start <= limit:
        try:
            start = haystack.index(first, start, limit + 1)
        except ValueError:
            return False
        if haystack[start:start + size] == needle:
            return True
        start += 1
    return False
