"""Your word on a passage (store/evidence.py): accepted, with the stance the machine read in it
when you accepted it (thesis/evidence/stance.py), or dismissed (its `dismissed_at`, as before: the
passages dismissed before this stay dismissed). Never both: the database refuses it."""

from __future__ import annotations

V_EVIDENCE_ACCEPTED = ";\n".join(
    [
        "ALTER TABLE evidence ADD COLUMN accepted_at TEXT"
        " CHECK (accepted_at IS NULL OR dismissed_at IS NULL)",
        "ALTER TABLE evidence ADD COLUMN accepted_stance TEXT NOT NULL DEFAULT ''",
    ]
)
