"""cockpit: a plain-text project folder, a terminal cockpit, and the proof of every capacity."""

__version__ = "0.1.0"
