"""The five référentiels shipped as data, and their typed loader.

Each référentiel is one TOML file in ``data/`` named after its id. The loader
reads it with rtoml (a compiled TOML parser) from the package's own folder, validates its
shape and turns it into frozen dataclasses. Nothing here knows about a project
folder: probes that evaluate a project against a criterion come later and are
only *named* by the data (``Criterion.probes``).

See ``docs/referentials.md`` for the schema, the id scheme and the corrections
made to the source documents.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import rtoml

from cockpit.model.immutable import immutable
from cockpit.model.project import Phase

__all__ = [
    "Activity",
    "Capacity",
    "Criterion",
    "Deliverable",
    "Evaluation",
    "EvaluationPart",
    "Item",
    "Phase",
    "Probe",
    "Quantity",
    "Range",
    "Referential",
    "ReferentialDataError",
    "ActivityTask",
    "Thesis",
    "Unit",
    "UnknownCapacity",
    "UnknownCriterion",
    "UnknownReferential",
    "find_capacity",
    "find_criterion",
    "known_referential_ids",
    "list_referentials",
    "load_referential",
]

_DATA_DIR = "data"
# Beside this module, where setuptools installs the package data (pyproject.toml); found from
# the module's own path because importlib.resources took a third of importing the gap analysis.
_DATA = Path(__file__).parent / _DATA_DIR



# --------------------------------------------------------------------------- errors


class UnknownReferential(LookupError):
    """Raised for a référentiel id that is not shipped; carries the known ids."""

    def __init__(self, referential_id: str, known: tuple[str, ...]) -> None:
        self.referential_id = referential_id
        self.known = known
        super().__init__(f"unknown referential {referential_id!r}; known referentials: {', '.join(known)}")


class UnknownCapacity(LookupError):
    """Raised for a capacity id that the référentiel does not define."""

    def __init__(self, referential_id: str, capacity_id: str, known: tuple[str, ...]) -> None:
        self.referential_id = referential_id
        self.capacity_id = capacity_id
        self.known = known
        super().__init__(
            f"referential {referential_id!r} has no capacity {capacity_id!r}; "
            f"known capacities: {', '.join(known)}"
        )


class UnknownCriterion(LookupError):
    """Raised for a criterion id that the référentiel does not define."""

    def __init__(self, referential_id: str, criterion_id: str) -> None:
        self.referential_id = referential_id
        self.criterion_id = criterion_id
        super().__init__(f"referential {referential_id!r} has no criterion {criterion_id!r}")


class ReferentialDataError(ValueError):
    """A shipped data file does not follow the schema (a bug in the package)."""


# --------------------------------------------------------------------------- records


@immutable
class Probe:
    """A named check that can evidence a criterion from the project files.

    ``name`` identifies a probe function (to be registered later); ``params`` are
    the other keys of the inline table, passed to it as they are.
    """

    name: str
    params: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}), hash=False)


@immutable
class Quantity:
    """A quantified condition, e.g. "sur au moins deux exemples ... différentes".

    ``text`` is the verbatim phrase of the document; ``of`` says what is counted
    (a French noun: "réunion", "axe de progrès", "phase", "domaine"); ``distinct``
    says along which dimension the counted things must differ (e.g. "phase");
    ``among`` lists the admissible values when the document enumerates them.
    """

    text: str
    of: str
    min: int | None = None
    max: int | None = None
    distinct: str | None = None
    among: tuple[str, ...] = ()


@immutable
class Item:
    """A sub-item of a criterion (a bullet under a checkbox), possibly nested."""

    text: str
    items: tuple[Item, ...] = ()


@immutable
class Criterion:
    """One observable criterion, word for word."""

    id: str
    parent: str
    """The capacity id (or, for 003's oral-specific criteria, the activity id)."""
    facet: str
    """Key into ``Referential.facets``."""
    text: str
    items: tuple[Item, ...] = ()
    judgement: bool = False
    """True when only the board can judge it (oral, attitude, pertinence)."""
    quantity: Quantity | None = None
    """Quantified condition, its own or inherited from its capacity's conditions."""
    probes: tuple[Probe, ...] = ()

    def full_text(self) -> str:
        """The text followed by its sub-items, one per line, as a Markdown list."""
        lines = [self.text]
        lines.extend(_item_lines(self.items, 0))
        return "\n".join(lines)


def _item_lines(items: tuple[Item, ...], depth: int) -> Iterator[str]:
    for item in items:
        yield f"{'  ' * depth}- {item.text}"
        yield from _item_lines(item.items, depth + 1)


@immutable
class Unit:
    """A unit (CQPM 000), a bloc de compétences (001, 002, 003)."""

    id: str
    title: str
    knowledge: tuple[str, ...] = ()
    """Connaissances associées (002)."""


@immutable
class Capacity:
    """A capacité professionnelle (CQPM) or a compétence (002, 003)."""

    id: str
    title: str
    unit: Unit | None
    phase: Phase
    criteria: tuple[Criterion, ...]
    conditions: str | None = None
    """Conditions de réalisation, verbatim; sub-items on lines starting with "- "."""
    note: str | None = None
    """A parenthesis the document attaches to the title (scope, phase)."""
    quantity: Quantity | None = None
    """Quantified condition of the conditions de réalisation (also on its criteria)."""
    activity: str | None = None
    """003: the activity (A1.1…) the competence belongs to."""


@immutable
class ActivityTask:
    """003: a task of an activity; ids (T1…) are unique within their activity."""

    id: str
    title: str


@immutable
class EvaluationPart:
    """003: one épreuve of an evaluation mode, with its weight in % of the mode."""

    title: str
    weight: int | None = None


@immutable
class Deliverable:
    """003: what the candidate must produce, and the competences it evidences."""

    text: str
    competences: tuple[str, ...]


@immutable
class Evaluation:
    """003: the evaluation mode of an activity; ``weight`` is in % of the block."""

    title: str
    weight: int
    parts: tuple[EvaluationPart, ...]
    instructions: str
    deliverables: tuple[Deliverable, ...]
    jury: str | None = None
    criteria: tuple[Criterion, ...] = ()
    """Criteria of the mode itself, not of one competence (A4.1 oral)."""


@immutable
class Activity:
    """003: an activity of a block, its tasks, competences and evaluation."""

    id: str
    title: str
    unit: Unit
    tasks: tuple[ActivityTask, ...]
    competences: tuple[str, ...]
    evaluation: Evaluation


@immutable
class Range:
    """An inclusive numeric range."""

    min: int
    max: int


@immutable
class Thesis:
    """003: the professional thesis (mémoire and soutenance)."""

    mission_min_months: int
    pages: Range
    defence_minutes: Range
    presentation_minutes: Range
    questions_minutes: Range
    deliberation_minutes: Range
    jury_size: int
    requirements: tuple[str, ...]
    """The document's own sentences, verbatim."""


@immutable
class Referential:
    """One référentiel: its units, capacities and criteria (and 003's extras)."""

    id: str
    number: str
    kind: str
    title: str
    source: str
    capacity_label: str
    facets: Mapping[str, str] = field(hash=False)
    units: tuple[Unit, ...] = ()
    capacities: tuple[Capacity, ...] = ()
    assessment_modes: tuple[str, ...] = ()
    activities: tuple[Activity, ...] = ()
    thesis: Thesis | None = None

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """Every criterion of every capacity, in document order (not 003's oral ones)."""
        return tuple(c for cap in self.capacities for c in cap.criteria)

    @property
    def all_criteria(self) -> tuple[Criterion, ...]:
        """``criteria`` plus the criteria attached to evaluation modes (003)."""
        extra = tuple(c for act in self.activities for c in act.evaluation.criteria)
        return self.criteria + extra

    def capacity(self, capacity_id: str) -> Capacity:
        for cap in self.capacities:
            if cap.id == capacity_id:
                return cap
        raise UnknownCapacity(self.id, capacity_id, tuple(c.id for c in self.capacities))

    def criterion(self, criterion_id: str) -> Criterion:
        for crit in self.all_criteria:
            if crit.id == criterion_id:
                return crit
        raise UnknownCriterion(self.id, criterion_id)

    def unit(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    def activity(self, activity_id: str) -> Activity:
        for act in self.activities:
            if act.id == activity_id:
                return act
        raise KeyError(activity_id)


# --------------------------------------------------------------------------- loader


@cache
def known_referential_ids() -> tuple[str, ...]:
    """Ids of the shipped référentiels, sorted."""
    return tuple(
        sorted(entry.name.removesuffix(".toml") for entry in _DATA.iterdir() if entry.name.endswith(".toml"))
    )


@cache
def load_referential(referential_id: str) -> Referential:
    """Load a shipped référentiel by id; raises :class:`UnknownReferential`."""
    known = known_referential_ids()
    if referential_id not in known:
        raise UnknownReferential(referential_id, known)
    resource = _DATA / f"{referential_id}.toml"
    name = f"{_DATA_DIR}/{referential_id}.toml"
    try:
        data = rtoml.loads(resource.read_text(encoding="utf-8"))
    except rtoml.TomlParsingError as exc:
        raise ReferentialDataError(f"{name}: {exc}") from exc
    referential = _Parser(name).referential(data)
    if referential.id != referential_id:
        raise ReferentialDataError(f"{name}: id {referential.id!r} differs from the file name")
    return referential


def list_referentials() -> list[Referential]:
    """Every shipped référentiel, sorted by id."""
    return [load_referential(rid) for rid in known_referential_ids()]


def find_capacity(referential_id: str, capacity_id: str) -> Capacity:
    """A capacity by référentiel id and capacity id (``C4``, ``C1.2.3``)."""
    return load_referential(referential_id).capacity(capacity_id)


def find_criterion(referential_id: str, criterion_id: str) -> Criterion:
    """A criterion by référentiel id and criterion id (``C4.2``, ``C1.2.3.b``)."""
    return load_referential(referential_id).criterion(criterion_id)


class _Parser:
    """Turns the raw TOML of one file into records, with located errors."""

    def __init__(self, name: str) -> None:
        self.name = name

    # -- typed accessors

    def _fail(self, where: str, message: str) -> ReferentialDataError:
        return ReferentialDataError(f"{self.name}: {where}: {message}")

    def _table(self, value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self._fail(where, "expected a table")
        return value

    def _tables(self, raw: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = raw.get(key, [])
        if not isinstance(value, list):
            raise self._fail(where, f"{key!r} must be an array of tables")
        return [self._table(v, f"{where}.{key}[{i}]") for i, v in enumerate(value)]

    def _str(self, raw: dict[str, Any], key: str, where: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self._fail(where, f"{key!r} must be a non-empty string")
        return value

    def _opt_str(self, raw: dict[str, Any], key: str, where: str) -> str | None:
        if key not in raw:
            return None
        return self._str(raw, key, where)

    def _int(self, raw: dict[str, Any], key: str, where: str) -> int:
        value = raw.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._fail(where, f"{key!r} must be an integer")
        return value

    def _opt_int(self, raw: dict[str, Any], key: str, where: str) -> int | None:
        return self._int(raw, key, where) if key in raw else None

    def _strs(self, raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fail(where, f"{key!r} must be an array of strings")
        return tuple(value)

    def _bool(self, raw: dict[str, Any], key: str, where: str) -> bool:
        value = raw.get(key)
        if not isinstance(value, bool):
            raise self._fail(where, f"{key!r} must be true or false")
        return value

    def _range(self, raw: dict[str, Any], key: str, where: str) -> Range:
        table = self._table(raw.get(key), f"{where}.{key}")
        low, high = self._int(table, "min", key), self._int(table, "max", key)
        if low > high:
            raise self._fail(where, f"{key}: min > max")
        return Range(low, high)

    # -- records

    def referential(self, raw: dict[str, Any]) -> Referential:
        where = "referential"
        facets_raw = self._table(raw.get("facets"), "facets")
        facets: dict[str, str] = {}
        for key, label in facets_raw.items():
            if not isinstance(label, str):
                raise self._fail("facets", f"{key!r} must map to a label")
            facets[key] = label
        units = tuple(
            Unit(
                id=self._str(u, "id", "unit"),
                title=self._str(u, "title", "unit"),
                knowledge=self._strs(u, "knowledge", "unit"),
            )
            for u in self._tables(raw, "unit", where)
        )
        self._unique([u.id for u in units], "unit ids")
        by_unit = {u.id: u for u in units}
        capacities = tuple(self.capacity(c, by_unit, facets) for c in self._tables(raw, "capacity", where))
        self._unique([c.id for c in capacities], "capacity ids")
        activities = tuple(
            self.activity(a, by_unit, facets, capacities) for a in self._tables(raw, "activity", where)
        )
        self._unique([a.id for a in activities], "activity ids")
        for cap in capacities:
            if cap.activity is not None and cap.activity not in {a.id for a in activities}:
                raise self._fail(cap.id, f"unknown activity {cap.activity!r}")
        referential = Referential(
            id=self._str(raw, "id", where),
            number=self._str(raw, "number", where),
            kind=self._str(raw, "kind", where),
            title=self._str(raw, "title", where),
            source=self._str(raw, "source", where),
            capacity_label=self._str(raw, "capacity_label", where),
            facets=MappingProxyType(facets),
            units=units,
            capacities=capacities,
            assessment_modes=self._strs(raw, "assessment_modes", where),
            activities=activities,
            thesis=self.thesis(self._table(raw["thesis"], "thesis")) if "thesis" in raw else None,
        )
        self._unique([c.id for c in referential.all_criteria], "criterion ids")
        return referential

    def _unique(self, ids: list[str], what: str) -> None:
        seen: set[str] = set()
        for i in ids:
            if i in seen:
                raise self._fail(what, f"duplicate {i!r}")
            seen.add(i)

    def capacity(self, raw: dict[str, Any], units: dict[str, Unit], facets: dict[str, str]) -> Capacity:
        cid = self._str(raw, "id", "capacity")
        unit_id = self._opt_str(raw, "unit", cid)
        if unit_id is not None and unit_id not in units:
            raise self._fail(cid, f"unknown unit {unit_id!r}")
        phase_raw = self._str(raw, "phase", cid)
        try:
            phase = Phase(phase_raw)
        except ValueError:
            raise self._fail(cid, f"unknown phase {phase_raw!r}") from None
        quantity = self.quantity(raw, cid)
        criteria = tuple(
            self.criterion(c, cid, facets, quantity) for c in self._tables(raw, "criterion", cid)
        )
        if not criteria:
            raise self._fail(cid, "a capacity needs at least one criterion")
        return Capacity(
            id=cid,
            title=self._str(raw, "title", cid),
            unit=units[unit_id] if unit_id is not None else None,
            phase=phase,
            criteria=criteria,
            conditions=self._opt_str(raw, "conditions", cid),
            note=self._opt_str(raw, "note", cid),
            quantity=quantity,
            activity=self._opt_str(raw, "activity", cid),
        )

    def criterion(
        self,
        raw: dict[str, Any],
        parent: str,
        facets: dict[str, str],
        inherited: Quantity | None,
    ) -> Criterion:
        crid = self._str(raw, "id", parent)
        if not crid.startswith(parent + "."):
            raise self._fail(crid, f"criterion id must start with {parent + '.'!r}")
        facet = self._str(raw, "facet", crid)
        if facet not in facets:
            raise self._fail(crid, f"unknown facet {facet!r}")
        return Criterion(
            id=crid,
            parent=parent,
            facet=facet,
            text=self._str(raw, "text", crid),
            items=self.items(raw.get("items", []), crid),
            judgement=self._bool(raw, "judgement", crid),
            quantity=self.quantity(raw, crid) or inherited,
            probes=self.probes(raw.get("probes", []), crid),
        )

    def items(self, raw: object, where: str) -> tuple[Item, ...]:
        if not isinstance(raw, list):
            raise self._fail(where, "'items' must be an array")
        result: list[Item] = []
        for value in raw:
            if isinstance(value, str):
                result.append(Item(value))
            else:
                table = self._table(value, f"{where}.items")
                result.append(
                    Item(self._str(table, "text", where), self.items(table.get("items", []), where))
                )
        return tuple(result)

    def probes(self, raw: object, where: str) -> tuple[Probe, ...]:
        if not isinstance(raw, list):
            raise self._fail(where, "'probes' must be an array of inline tables")
        result: list[Probe] = []
        for value in raw:
            table = self._table(value, f"{where}.probes")
            name = self._str(table, "name", f"{where}.probes")
            params = {k: v for k, v in table.items() if k != "name"}
            result.append(Probe(name, MappingProxyType(params)))
        return tuple(result)

    def quantity(self, raw: dict[str, Any], where: str) -> Quantity | None:
        if "quantity" not in raw:
            return None
        table = self._table(raw["quantity"], f"{where}.quantity")
        quantity = Quantity(
            text=self._str(table, "text", f"{where}.quantity"),
            of=self._str(table, "of", f"{where}.quantity"),
            min=self._opt_int(table, "min", f"{where}.quantity"),
            max=self._opt_int(table, "max", f"{where}.quantity"),
            distinct=self._opt_str(table, "distinct", f"{where}.quantity"),
            among=self._strs(table, "among", f"{where}.quantity"),
        )
        if quantity.min is None and quantity.max is None:
            raise self._fail(where, "a quantity needs min or max")
        return quantity

    def activity(
        self,
        raw: dict[str, Any],
        units: dict[str, Unit],
        facets: dict[str, str],
        capacities: tuple[Capacity, ...],
    ) -> Activity:
        aid = self._str(raw, "id", "activity")
        unit_id = self._str(raw, "unit", aid)
        if unit_id not in units:
            raise self._fail(aid, f"unknown unit {unit_id!r}")
        tasks = tuple(
            ActivityTask(self._str(t, "id", aid), self._str(t, "title", aid))
            for t in self._tables(raw, "tasks", aid)
        )
        self._unique([t.id for t in tasks], f"{aid} task ids")
        ev = self._table(raw.get("evaluation"), f"{aid}.evaluation")
        where = f"{aid}.evaluation"
        known_caps = {c.id for c in capacities}
        deliverables: list[Deliverable] = []
        for d in self._tables(ev, "deliverables", where):
            comps = self._strs(d, "competences", where)
            unknown = [c for c in comps if c not in known_caps]
            if unknown or not comps:
                raise self._fail(where, f"deliverable with bad competences {comps!r}")
            deliverables.append(Deliverable(self._str(d, "text", where), comps))
        evaluation = Evaluation(
            title=self._str(ev, "title", where),
            weight=self._int(ev, "weight", where),
            parts=tuple(
                EvaluationPart(self._str(p, "title", where), self._opt_int(p, "weight", where))
                for p in self._tables(ev, "parts", where)
            ),
            instructions=self._str(ev, "instructions", where),
            deliverables=tuple(deliverables),
            jury=self._opt_str(ev, "jury", where),
            criteria=tuple(
                self.criterion(c, aid, facets, None) for c in self._tables(ev, "criterion", where)
            ),
        )
        return Activity(
            id=aid,
            title=self._str(raw, "title", aid),
            unit=units[unit_id],
            tasks=tasks,
            competences=tuple(c.id for c in capacities if c.activity == aid),
            evaluation=evaluation,
        )

    def thesis(self, raw: dict[str, Any]) -> Thesis:
        where = "thesis"
        return Thesis(
            mission_min_months=self._int(raw, "mission_min_months", where),
            pages=self._range(raw, "pages", where),
            defence_minutes=self._range(raw, "defence_minutes", where),
            presentation_minutes=self._range(raw, "presentation_minutes", where),
            questions_minutes=self._range(raw, "questions_minutes", where),
            deliberation_minutes=self._range(raw, "deliberation_minutes", where),
            jury_size=self._int(raw, "jury_size", where),
            requirements=self._strs(raw, "requirements", where),
        )
