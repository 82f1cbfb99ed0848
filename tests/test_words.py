"""Words as the evidence matcher compares them: stems that Snowball confuses are kept apart."""

from __future__ import annotations

import pytest

from cockpit.referentials.concepts import concept
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
