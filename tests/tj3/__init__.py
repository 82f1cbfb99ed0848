"""Schedule test support: Project builders, and the comparison with TaskJuggler 3."""
