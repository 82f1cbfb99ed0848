"""Accent and ligature folding: what the user wrote with « œ » matches « oe », and back."""

from __future__ import annotations

from cockpit.cli.init import _identifier
from cockpit.folder.fields import ascii_text, fold
from cockpit.folder.markdown import same_anchor
from cockpit.steering.meetings import slug


def test_ligatures_fold_like_their_letters() -> None:
    assert fold("Mise en Œuvre") == fold("mise en oeuvre") == "mise en oeuvre"
    assert fold("Cæcum") == "caecum" and fold("Straße") == "strasse"
    assert fold("  Évaluation ") == "evaluation"


def test_slugs_and_identifiers_keep_the_oe() -> None:
    assert slug("Main d'œuvre") == "main-d-oeuvre"
    assert ascii_text("Cœur de métier") == "Coeur de metier"
    assert _identifier("Mise en œuvre") == "MISE-EN-OEUVRE"


def test_anchors_match_across_ligatures() -> None:
    assert same_anchor("Mise en œuvre", "mise-en-oeuvre")

