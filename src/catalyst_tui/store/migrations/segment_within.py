"""A member that is a part of another beside it (reading/xbrl/aggregates.py `mark_within`), kept
so a stored split counts it once, in the member that holds it."""

V_SEGMENT_WITHIN = "ALTER TABLE segment_members ADD COLUMN within INTEGER NOT NULL DEFAULT 0"
