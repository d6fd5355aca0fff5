"""termbase."""
