"""Diagnostics, the bottom layer every other layer may use: Diagnostic, Severity, the rule
table (Rule, define, RULES) and the codes of file-format problems (codes.py)."""
