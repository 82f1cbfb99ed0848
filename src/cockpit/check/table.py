"""Every code of cockpit and every validation pass, registered here explicitly.

A module that defines rules or passes is listed below; nothing registers itself on import.
The order of PASSES is the order in which they run.
"""

from __future__ import annotations

from cockpit.check import analysis
from cockpit.check.registry import passes_of
from cockpit.check.rules import (
    configuration,
    consistency,
    expected,
    references,
    schedule,
    steering,
)
from cockpit.diagnostics import codes
from cockpit.diagnostics.registry import RuleTable

RULES = RuleTable.collect(codes, references, consistency, schedule, steering, configuration,
                          analysis)
PASSES = passes_of(expected, references, consistency, schedule, steering)
