"""Decision matrices: each option's score weighted by the criteria."""

from __future__ import annotations

from cockpit.model import Decision, DecisionOption


def weighted_score(decision: Decision, option: DecisionOption) -> float:
    """The option's scores weighted by the criteria's weights (a missing score counts 0)."""
    weights = {c.id: c.weight for c in decision.criteria}
    scores = dict(option.scores)
    return sum(scores.get(c, 0.0) * w for c, w in weights.items()) / (sum(weights.values()) or 1.0)
