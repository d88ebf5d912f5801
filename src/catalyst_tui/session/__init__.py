"""The parts of a TUI session that write: the workspace (the config and database one session
works on, its saves), its edits of catalysts.toml, and its watch on the database. What the
screens show is built by `views/`, read-only; the session asks the views for it."""
