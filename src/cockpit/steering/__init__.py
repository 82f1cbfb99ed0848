"""Steering analytics: risks, actions, meetings, indicators and variances, one module each.

Pure core: no I/O and no UI import; every function takes the loaded `Project` (and the
schedule or EVM when it needs them) and returns immutable values the reports render.
"""
