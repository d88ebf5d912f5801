"""bench/ helpers."""
