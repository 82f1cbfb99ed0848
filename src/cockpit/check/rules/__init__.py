"""The validation passes, one module per area; importing this package registers them all."""

from cockpit.check.rules import consistency, references, schedule, steering

__all__ = ["consistency", "references", "schedule", "steering"]
