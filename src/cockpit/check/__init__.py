"""`cockpit check`: the diagnostics registry, the rules, and the run that gathers them."""
