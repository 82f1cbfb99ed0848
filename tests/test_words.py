"""Words as the evidence matcher compares them: stems that Snowball confuses are kept apart."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from cockpit import referentials
from cockpit.referentials.concepts import concept, concept_data
from cockpit.referentials.words import stems


@pytest.mark.parametrize("text", [
    "Validation par la direction du site",        # not a « directive »
    "Arrêt de production de deux jours en août",  # not an « arrêté »
    "Règles de gestion des articles dans l'ERP",  # not a « règlement »
])
def test_a_word_of_another_family_is_no_regulation(text: str) -> None:
    assert not concept("@reglementation").matches(stems(text))


@pytest.mark.parametrize("text", [
    "Directive machines 2006/42/CE pour l'ensemble intégré",
    "Arrêté préfectoral d'autorisation d'exploiter",
    "Le règlement intérieur impose le port des EPI",
    "Les règlements européens applicables",
])
def test_the_regulation_words_themselves_still_match(text: str) -> None:
    assert concept("@reglementation").matches(stems(text))


def test_reglement_joins_reglementation() -> None:
    assert stems("règlement") == stems("réglementation")


def _terms() -> list[tuple[str, str]]:
    """Every term the gap analysis matches: the concepts, the document kinds, and the
    alternatives written inline in the référentiels' probes."""
    lexicon = Path(referentials.__file__).parent / "lexicon"
    data = Path(referentials.__file__).parent / "data"
    found = [(name, t) for name, (_, terms) in concept_data().items() for t in terms]
    kinds = tomllib.loads((lexicon / "kinds.toml").read_text(encoding="utf-8"))
    found += [(kind, t) for kind, names in kinds.items() for t in names]
    for path in sorted(data.glob("*.toml")):
        referential = tomllib.loads(path.read_text(encoding="utf-8"))
        for capacity in referential.get("capacity", []):
            for criterion in capacity.get("criterion", []):
                for spec in criterion.get("probes", []):
                    for key in ("sections", "mentions"):
                        for value in spec.get(key, []):
                            found += [(f"{path.stem} {criterion['id']}", a.strip())
                                      for a in value.split("|") if not a.strip().startswith("@")]
    return found


def test_no_term_of_several_words_shrinks_to_one_word() -> None:
    """Small words are not matched: « à éviter » would be « éviter », and « location
    d'entrepôt évitée » would prove a capitalisation; « courbe en S », any « courbe »."""
    shrunk = [(where, term) for where, term in _terms()
              if "&" not in term and not term.endswith("*")
              and len(re.findall(r"[^\W_]+", term.lower())) > 1 and len(stems(term)) == 1]
    assert shrunk == []
