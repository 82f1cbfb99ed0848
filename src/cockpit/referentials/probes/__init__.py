"""Evidence probes: each reads the project model and says what evidences a criterion.

Probes are registered by name (`PROBES`), one module per family, and named with their
parameters by the référentiel data (`probes = [{ name = "meetings", min = 2 }]`).
See docs/probes.md.
"""

from cockpit.referentials.probes import documents, meetings, planning, registers  # noqa: F401
from cockpit.referentials.probes.base import PROBES, Facts, Finding, ProbeSpec, run_probe

__all__ = ["PROBES", "Facts", "Finding", "ProbeSpec", "run_probe"]
