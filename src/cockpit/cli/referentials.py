"""`cockpit referentials [show ID [CAPACITY]]`: the shipped référentiels, their capacities,
criteria and the probes that evidence them."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Mapping

from cockpit.referentials import Capacity, Criterion, Referential


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "referentials", help="liste les référentiels et affiche leurs critères",
        description="Sans argument : les référentiels livrés. « show ID » : les capacités et "
        "critères d'un référentiel ; « show ID C4 » : une seule capacité.")
    parser.add_argument("action", nargs="?", choices=["show"], help="show : afficher un référentiel")
    parser.add_argument("referential", nargs="?", help="identifiant du référentiel")
    parser.add_argument("capacity", nargs="?", help="identifiant d'une capacité, par exemple C4")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.referentials import UnknownReferential, list_referentials, load_referential

    if args.action is None:
        return _list(list_referentials())
    if not args.referential:
        sys.stderr.write("cockpit : indiquez le référentiel : cockpit referentials show ID\n")
        return 2
    try:
        referential = load_referential(args.referential)
    except UnknownReferential as error:
        close = difflib.get_close_matches(args.referential, list(error.known), n=1)
        hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
        sys.stderr.write(f"cockpit : référentiel « {args.referential} » inconnu.{hint} "
                         f"Connus : {', '.join(error.known)}\n")
        return 2
    capacities = referential.capacities
    if args.capacity:
        capacities = tuple(c for c in capacities if c.id == args.capacity)
        if not capacities:
            ids = [c.id for c in referential.capacities]
            close = difflib.get_close_matches(args.capacity, ids, n=1)
            hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
            sys.stderr.write(f"cockpit : {referential.id} n'a pas de capacité "
                             f"« {args.capacity} ».{hint} Capacités : {', '.join(ids)}\n")
            return 2
    _print(show_lines(referential, capacities))
    return 0


def _print(lines: list[str]) -> None:
    try:
        from rich.markup import escape

        from cockpit.cli.console import console as pipe_console
    except ImportError:  # pragma: no cover - rich is a dependency, plain text otherwise
        print("\n".join(lines))
        return
    console = pipe_console(soft_wrap=True)
    for line in lines:
        text = escape(line)
        if line.startswith("══") or line.startswith("──"):
            text = f"[bold]{text}[/bold]"
        elif line.startswith("■"):
            text = f"[bold cyan]{text}[/bold cyan]"
        console.print(text)


def _list(referentials: list[Referential]) -> int:
    rows = [(r.id, r.kind, r.title, len(r.capacities), len(r.criteria),
             sum(1 for k in r.criteria if k.judgement)) for r in referentials]
    width = max(len(r[0]) for r in rows)
    print(f"{'identifiant':<{width}}  type  capacités  critères  jury  titre")
    for rid, kind, title, capacities, criteria, judgement in rows:
        print(f"{rid:<{width}}  {kind:<4}  {capacities:>9}  {criteria:>8}  {judgement:>4}  {title}")
    print("\n« cockpit referentials show ID [CAPACITÉ] » affiche les critères.")
    return 0


def show_lines(referential: Referential, capacities: tuple[Capacity, ...]) -> list[str]:
    """The référentiel as readable French text (plain, for tests and pipes)."""
    from cockpit.referentials.probes import PROBES

    facets = dict(referential.facets)
    label = referential.capacity_label
    out = [f"══ {referential.title} ({referential.id}, {referential.kind} "
           f"{referential.number})", ""]
    unit = None
    for capacity in capacities:
        if capacity.unit is not None and capacity.unit != unit:
            unit = capacity.unit
            out.append(f"── {unit.id} — {unit.title}")
        note = f" {capacity.note}" if capacity.note else ""
        out.append(f"■ {capacity.id} {capacity.title}{note}")
        out.append(f"  {label} · phase : {capacity.phase.value}")
        if capacity.conditions:
            out.append("  Conditions :")
            out.extend(f"    {line}" for line in capacity.conditions.splitlines() if line.strip())
        if capacity.quantity is not None:
            out.append(f"  Condition quantifiée : {capacity.quantity.text}")
        for criterion in capacity.criteria:
            out.extend(_criterion_lines(criterion, facets, PROBES))
        out.append("")
    return out


def _criterion_lines(criterion: Criterion, facets: dict[str, str],
                     probes: Mapping[str, object]) -> list[str]:
    flag = "jugement du jury (à justifier dans evidence.toml)" if criterion.judgement else ""
    facet = facets.get(criterion.facet, criterion.facet)
    out = [f"  {criterion.id}  [{facet}]{' — ' + flag if flag else ''}"]
    out.extend(f"      {line}" for line in criterion.full_text().splitlines())
    if criterion.quantity is not None:
        out.append(f"      quantité : {criterion.quantity.text}")
    for probe in criterion.probes:
        spec = probes.get(probe.name)
        summary = getattr(spec, "summary", "sonde inconnue")
        params = ", ".join(f"{k} = {_value(v)}" for k, v in probe.params.items())
        out.append(f"      ↳ sonde {probe.name}{f' ({params})' if params else ''} : {summary}")
    if not criterion.probes and not criterion.judgement:
        out.append("      ↳ aucune sonde : pointez la preuve dans evidence.toml")
    return out


def _value(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)
