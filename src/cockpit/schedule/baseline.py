"""Baselines: the planned dates recorded under a name, and variances against them.

`cockpit baseline save NAME` writes `baselines/NAME.toml` (a FORMAT addition, see
docs/schedule.md):

    # Planning de référence « v1 », enregistré par cockpit le 2026-02-02.
    name = "v1"
    saved = 2026-02-02
    start = 2026-01-05
    finish = 2026-09-18

    [[task]]
    id = "cdc"
    start = 2026-02-03
    finish = 2026-02-12

The plan at a git revision (`--against REV`) is read with `git show REV:./file`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from cockpit.model import Project
from cockpit.model.immutable import immutable
from cockpit.schedule.cpm import Schedule

BASELINE_DIR = "baselines"
NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*$")
# The files the schedule is computed from, as the plan at a revision needs them.
PLAN_FILES = ("cockpit.toml", "wbs.toml")


class BaselineError(Exception):
    """A baseline or revision that cannot be read; the message is French."""


@immutable
class Baseline:
    name: str
    saved: dt.date | None
    start: dt.date | None
    finish: dt.date | None
    tasks: dict[str, tuple[dt.date, dt.date]]


@immutable
class BaselineVariance:
    """Start and finish variance of one task in working days (positive: later than planned)."""

    task: str
    name: str
    wbs: str
    reference_start: dt.date | None
    reference_finish: dt.date | None
    start: dt.date
    finish: dt.date
    start_variance: int | None
    finish_variance: int | None


def baseline_path(root: Path, name: str) -> Path:
    return root / BASELINE_DIR / f"{name}.toml"


def render_baseline(name: str, schedule: Schedule, saved: dt.date) -> str:
    lines = [
        f"# Planning de référence « {name} », enregistré par cockpit le {saved.isoformat()}.",
        "# Ne pas modifier à la main : « cockpit baseline save » le réécrit.",
        f"name = {_quote(name)}",
        f"saved = {saved.isoformat()}",
        f"start = {schedule.start.isoformat()}",
        f"finish = {schedule.finish.isoformat()}",
    ]
    for task in schedule.tasks:
        lines += ["", "[[task]]", f"id = {_quote(task.id)}",
                  f"start = {task.start.isoformat()}", f"finish = {task.finish.isoformat()}"]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def save_baseline(root: Path, name: str, schedule: Schedule, saved: dt.date) -> Path:
    if not NAME.match(name):
        raise BaselineError(f"nom de référence « {name} » invalide : lettres, chiffres, "
                            "« . », « _ » et « - » seulement")
    from cockpit.folder.save import SaveError, write_output

    path = baseline_path(root, name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_output(None, path, render_baseline(name, schedule, saved).encode("utf-8"))
    except (OSError, SaveError) as error:
        raise BaselineError(str(error)) from error
    return path


def saved_names(root: Path) -> list[str]:
    """The names of the baselines of baselines/, sorted; BaselineError (French) when the folder
    cannot be listed (permissions, a file or a link out of the project in its place)."""
    from cockpit.folder.sources import french_os_error, list_folder

    try:
        return [PurePosixPath(p).stem for p in list_folder(root, BASELINE_DIR, ".toml")]
    except OSError as error:
        raise BaselineError(f"{BASELINE_DIR}/ illisible : {french_os_error(error)}") from error


def load_baseline(root: Path, name: str) -> Baseline:
    from cockpit.folder.sources import french_os_error, read_regular

    if not NAME.match(name):
        raise BaselineError(f"nom de référence « {name} » invalide : lettres, chiffres, "
                            "« . », « _ » et « - » seulement (une référence est un fichier "
                            f"de {BASELINE_DIR}/ du dossier du projet)")
    path = baseline_path(root, name)
    try:
        read = read_regular(root, f"{BASELINE_DIR}/{name}.toml")
    except OSError as error:
        raise BaselineError(f"référence « {name} » ({BASELINE_DIR}/{name}.toml) illisible : "
                            f"{french_os_error(error)}") from error
    if read is None:
        known = saved_names(root)
        listing = ", ".join(known) if known else "aucune"
        raise BaselineError(f"pas de référence « {name} » ({path}) ; références "
                            f"enregistrées : {listing}")
    import tomllib  # here, not at the top: `cockpit check` imports this module, rarely this

    try:
        data = tomllib.loads(read[0].decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        raise BaselineError(f"référence « {name} » ({BASELINE_DIR}/{name}.toml) illisible : "
                            "ce n'est pas un fichier TOML en UTF-8") from error
    tasks: dict[str, tuple[dt.date, dt.date]] = {}
    for row in data.get("task", []):
        if (isinstance(row, dict) and isinstance(row.get("id"), str)
                and isinstance(row.get("start"), dt.date)
                and isinstance(row.get("finish"), dt.date)):
            tasks[row["id"]] = (row["start"], row["finish"])

    def date_of(key: str) -> dt.date | None:
        value = data.get(key)
        return value if isinstance(value, dt.date) else None

    return Baseline(name, date_of("saved"), date_of("start"), date_of("finish"), tasks)


def baseline_of(schedule: Schedule, name: str) -> Baseline:
    """The dates of a schedule, as a baseline (the plan at a git revision)."""
    return Baseline(name, None, schedule.start, schedule.finish,
                    {t.id: (t.start, t.finish) for t in schedule.tasks})


def variances(schedule: Schedule, baseline: Baseline) -> list[BaselineVariance]:
    cal = schedule.calendar
    out: list[BaselineVariance] = []
    for task in schedule.tasks:
        ref = baseline.tasks.get(task.id)
        if ref is None:
            out.append(BaselineVariance(task.id, task.name, task.wbs, None, None, task.start,
                                task.finish, None, None))
            continue
        out.append(BaselineVariance(
            task.id, task.name, task.wbs, ref[0], ref[1], task.start, task.finish,
            cal.boundary(task.start) - cal.boundary(ref[0]),
            cal.boundary_after(task.finish) - cal.boundary_after(ref[1]),
        ))
    return out


def finish_variance(schedule: Schedule, baseline: Baseline) -> int | None:
    if baseline.finish is None:
        return None
    cal = schedule.calendar
    return cal.boundary_after(schedule.finish) - cal.boundary_after(baseline.finish)


def plan_at_revision(root: Path, revision: str,
                     load: Callable[[Path], Project]) -> Project:
    """The project as it was at a git revision: its plan files, extracted and loaded."""
    import subprocess  # here, not at the top: only `--against REV` needs them
    import tempfile

    if not revision or revision.startswith("-"):
        raise BaselineError(f"révision « {revision} » invalide")
    with tempfile.TemporaryDirectory(prefix="cockpit-rev-") as tmp:
        for name in PLAN_FILES:
            try:
                result = subprocess.run(
                    ["git", "show", f"{revision}:./{name}"], cwd=root, capture_output=True,
                    check=False,
                )
            except OSError as error:
                raise BaselineError(f"git introuvable : {error}") from error
            if result.returncode != 0:
                if name == "cockpit.toml":
                    message = result.stderr.decode("utf-8", "replace").strip()
                    raise BaselineError(f"impossible de lire {name} à la révision "
                                        f"« {revision} » : {message}")
                continue
            (Path(tmp) / name).write_bytes(result.stdout)
        return load(Path(tmp))
