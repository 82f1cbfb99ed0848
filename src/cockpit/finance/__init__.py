"""Budget and earned value: planned cost spread, EVM, S-curve, commitment forecast.

Pure core (see docs/finance.md): money is Decimal, a ratio without denominator is None.
"""

from cockpit.finance.curves import CurvePoint, MonthCommitment, commitments, s_curve
from cockpit.finance.evm import (
    EacMethod,
    Evm,
    EvmReport,
    compute_evm,
    project_evm,
    status_date_of,
)
from cockpit.finance.planned import PlannedBudget, PlannedCost, plan_costs

__all__ = [
    "CurvePoint", "EacMethod", "Evm", "EvmReport", "MonthCommitment", "PlannedBudget",
    "PlannedCost", "commitments", "compute_evm", "plan_costs", "project_evm", "s_curve",
    "status_date_of",
]
