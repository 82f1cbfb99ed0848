"""The validation passes, one module per area; importing this package registers them all."""

from cockpit.check.rules import consistency, references

__all__ = ["consistency", "references"]
from cockpit.check.rules import schedule  # noqa: F401  (planning rules, S…)
from cockpit.check.rules import steering  # noqa: F401  (budget and steering rules)
