"""Issue 13 on a real terminal: escape sequences planted in the folder (colours, cursor moves,
title changes, DCS strings, 8-bit C1 controls) are shown, never sent, by every command that
prints text from the folder, when its output is a terminal and Rich writes colours.

Each command runs in its own process with a pseudo-terminal as stdout and stderr, so Rich and
the output streams see a terminal, as a user's shell would give them."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from helpers_terminal import CONTROL, PAYLOAD, PLANTED, SGR, SHOWN, hostile_terminal_folder


def _on_a_terminal(*argv: str) -> str:
    """What the command writes to a terminal (stdout and stderr), as text."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "160", "LINES": "50", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "cockpit", *argv, "--today", "2026-12-04"],
        stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) in (0, 1), b"".join(chunks)[-2000:]
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_the_planted_payload_holds_every_kind_of_sequence(tmp_path: Path) -> None:
    root = hostile_terminal_folder(tmp_path / "p")
    text = (root / "wbs.toml").read_text(encoding="utf-8")
    import tomllib

    names = [t["name"] for t in tomllib.loads(text)["task"]]
    assert f"Cadrage{PAYLOAD}" in names


@pytest.mark.parametrize("command", [
    ("check",),
    ("meeting", "list"),
    ("schedule",),
    ("status",),
    ("report", "status"),
    ("report", "copil"),
])
def test_no_sequence_from_the_folder_reaches_the_terminal(tmp_path: Path, command: tuple[str, ...]) -> None:
    root = hostile_terminal_folder(tmp_path / "p")
    output = _on_a_terminal(*command, str(root))
    for kind, sequence in PLANTED.items():
        assert sequence not in output, kind
    # What is left once cockpit's own colours are taken out holds no control character.
    assert not CONTROL.search(SGR.sub("", output)), CONTROL.search(SGR.sub("", output))
    assert SHOWN in output  # the text from the folder is there, shown


def test_cockpit_still_writes_its_own_colours_on_a_terminal(tmp_path: Path) -> None:
    output = _on_a_terminal("status", str(hostile_terminal_folder(tmp_path / "p")))
    assert SGR.search(output)


def test_json_keeps_the_sequences_as_json_escapes(tmp_path: Path) -> None:
    output = _on_a_terminal("check", str(hostile_terminal_folder(tmp_path / "p")), "--format", "json")
    assert not CONTROL.search(output)
    document = json.loads(output.split("\n\n")[0])
    messages = " ".join(d["message"] for d in document["diagnostics"])
    assert "inconnue" in messages
