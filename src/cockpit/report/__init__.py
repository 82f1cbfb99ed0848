"""Reports: French formatting, report documents (status, copil, rex, gap) and their
Markdown and HTML renderers. Pure core: no UI library; matplotlib only when drawing
HTML charts."""
