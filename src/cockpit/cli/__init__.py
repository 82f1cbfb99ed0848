"""The `cockpit` command line: a thin shell over the core, one module per subcommand."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import keyword
import os
import re
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from cockpit.collector import collector_paused

# Each module defines `register(subparsers)`, which adds its parser and sets `run`.
COMMANDS = ("check", "rule", "init", "report", "status", "meeting", "schedule", "baseline",
            "referentials", "export", "import")

EXIT_USAGE = 2


class FrenchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None,
                  ) -> None:
        super().add_usage(usage, actions, groups, "usage : " if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    """argparse speaking French: help, section titles, usage errors (exit status 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", help="affiche cette aide")

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None,
    ) -> tuple[argparse.Namespace, list[str]]:
        # Options stand before or after the folder (`report status --format html DIR`): a
        # command's own parser reads its arguments intermixed. (The intermixed reading calls
        # this method again, which then does the plain reading.)
        if not self._intermixing and not any(
                isinstance(a, argparse._SubParsersAction) for a in self._actions):
            self._intermixing = True
            usage = self.usage
            if usage is None:   # argparse would cut "usage: " (7 characters) off the French one
                self.usage = self.format_usage()[len("usage : "):]
            try:
                return self.parse_known_intermixed_args(args, namespace)
            finally:
                self._intermixing = False
                self.usage = usage
        return super().parse_known_args(args, namespace)

    _intermixing = False

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        for english, french in _ARGPARSE_FRENCH:
            message = english.sub(french, message)
        sys.stderr.write(f"cockpit : erreur de commande : {message}\n")
        raise SystemExit(EXIT_USAGE)


_ARGPARSE_FRENCH = tuple((re.compile(english), french) for english, french in (
    (r"^unrecognized arguments: (.*)$", r"cockpit ne connaît pas : \1"),
    (r"^the following arguments are required: (.*)$", r"il manque : \1"),
    (r"^argument (\S+): invalid choice: (\S+) \(choose from (.*)\)$",
     r"argument \1 : choix invalide \2 (valeurs possibles : \3)"),
    (r"^argument (\S+): expected one argument$", r"argument \1 : une valeur est attendue"),
    (r"^argument (\S+): invalid (\w+) value: (.*)$", r"argument \1 : valeur invalide \3"),
))


TODAY_HELP = ("date du jour (AAAA-MM-JJ ; défaut : l'horloge de la machine) : date d'état "
              "quand cockpit.toml n'a pas de status_date, dates de « cockpit init », de "
              "« meeting new » et de « baseline save »")


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="cockpit",
        description="Le cockpit du chargé de projet : un dossier de projet en texte brut, "
        "vérifié critère par critère de son référentiel. « cockpit [DOSSIER] » ouvre "
        "l'application terminal ; les commandes ci-dessous travaillent sans elle.",
    )
    parser.add_argument("--debug", action="store_true", help="affiche la trace d'une erreur interne")
    parser.add_argument("--today", metavar="AAAA-MM-JJ", help=TODAY_HELP + " ; avant ou après "
                        "la commande et le dossier")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchParser)
    for name in COMMANDS:
        # `import` is a keyword: its module is import_.py
        importlib.import_module(f"cockpit.cli.{name}{'_' * keyword.iskeyword(name)}").register(
            subparsers)
    _document_today(subparsers)
    return parser


def _document_today(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Every command's help lists --today (main() reads it wherever it stands)."""
    for parser in subparsers.choices.values():
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            for action in nested:
                _document_today(action)
        else:
            parser.add_argument("--today", metavar="AAAA-MM-JJ", help=TODAY_HELP)


def _take_today(args_list: list[str]) -> tuple[list[str], dt.date | None]:
    """Remove `--today DATE` (or `--today=DATE`) from the arguments, wherever it stands."""
    rest: list[str] = []
    text: str | None = None
    items = iter(args_list)
    for item in items:
        if item == "--today":
            text = next(items, "")
        elif item.startswith("--today="):
            text = item.partition("=")[2]
        else:
            rest.append(item)
    if text is None:
        return rest, None
    from cockpit.cli.common import parse_date

    try:
        return rest, parse_date(text)
    except argparse.ArgumentTypeError as error:
        build_parser().error(f"argument --today : {error} ; par exemple 2026-10-16")
        raise  # error() exits; this line is never reached


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    args_list = [a for a in args_list if a != "--debug"]
    args_list, given = _take_today(args_list)
    # The one place where cockpit reads the clock: the core receives `today` from here.
    today = given or dt.date.today()
    if not args_list or not (args_list[0] in COMMANDS or args_list[0].startswith("-")):
        return _open_tui(args_list, today)
    parser = build_parser()
    args = parser.parse_args(args_list)
    args.debug = debug
    args.today = today
    if args.command is None:
        parser.print_help()
        return 0
    try:
        # A command runs once: the cyclic collector would only scan, again and again, the
        # objects of the loaded folder, which hold no cycles and are freed when it ends (5 %
        # of `cockpit check` on a 5,000-task folder). The TUI, which runs for hours, keeps it.
        # What the command prints passes through Neutralising: text from the folder never
        # sends a control sequence to the terminal.
        with collector_paused(), _neutralised_output(), _terminated_cleanly():
            return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader closed the pipe (`cockpit rule | head -2`): not an error. Later writes,
        # Python's own flush at exit included, go nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:
        if args.debug:
            raise
        sys.stderr.write(
            "cockpit : erreur interne (ce n'est pas votre dossier, c'est un défaut de cockpit). "
            "Relancez avec --debug pour voir la trace et signalez-la.\n"
        )
        return EXIT_USAGE


@contextlib.contextmanager
def _neutralised_output() -> Iterator[None]:
    from cockpit.cli.neutral import Neutralising

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Neutralising(sys.stdout), Neutralising(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextlib.contextmanager
def _terminated_cleanly() -> Iterator[None]:
    """SIGTERM (a `kill`, a CI timeout) ends the command as an exception would: an atomic
    save in progress removes its temporary file on the way out."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _open_tui(args: list[str], today: dt.date) -> int:
    """`cockpit [DIR]` opens the Textual cockpit."""
    from cockpit.cli.tui import run_tui

    return run_tui(args, today)
