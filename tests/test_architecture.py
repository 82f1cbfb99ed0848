"""docs/architecture.md's layer list is the import-linter contract's, and every package of
cockpit stands in a layer."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "cockpit"


def contract_layers() -> list[list[str]]:
    """The layers contract, from the bottom, each layer a list of names without `cockpit.`."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return [[name.strip().removeprefix("cockpit.") for name in layer.split("|")]
            for layer in reversed(contract["layers"])]


def test_every_package_and_top_module_is_in_a_layer() -> None:
    layered = {name for layer in contract_layers() for name in layer}
    found = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    found |= {p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    assert found - {"templates"} == layered  # templates/ is data for cockpit init


def test_the_architecture_document_lists_the_layers_in_the_contract_order() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    paragraph = text[text.index("Layers, from the bottom"):]
    paragraph = " ".join(paragraph[:paragraph.index("\n\n")].split())
    positions = []
    for layer in contract_layers():
        spots = [m.start() for name in layer for m in re.finditer(rf"\b{name}\b", paragraph)]
        assert spots, f"layer {layer} missing from docs/architecture.md"
        positions.append(min(spots))
    assert positions == sorted(positions), paragraph
