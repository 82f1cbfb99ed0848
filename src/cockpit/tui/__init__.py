"""The Textual cockpit: a thin shell over the core (see docs/tui.md)."""
