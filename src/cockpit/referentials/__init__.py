"""The référentiels (certification frameworks) shipped as data, and their loader.

The public API is :mod:`cockpit.referentials.catalog`'s ``__all__``, re-exported here.
"""

from cockpit.referentials.catalog import *  # noqa: F403
from cockpit.referentials.catalog import __all__ as __all__
