"""The validation passes, one module per area; check/table.py lists them."""
