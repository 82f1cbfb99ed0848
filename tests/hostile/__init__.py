"""A catalogue of hostile and broken project folders, and the runner that tries every command
on each (issue 13). `python tests/hostile/runner.py` prints the counts."""
