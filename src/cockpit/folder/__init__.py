"""Read and write a project folder: TOML, Markdown with front matter, CSV; safe saves."""

from cockpit.folder.loader import LoadResult, load_project

__all__ = ["LoadResult", "load_project"]
