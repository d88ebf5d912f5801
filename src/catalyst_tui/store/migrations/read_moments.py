"""When each Street reading was read (store/estimates.py): a row of a day holds the day's last
reading, and "what changed since" (store/changes.py) places a revision at the moment it was read,
not at the start of its day. Rows stored before this have none: the start of their day stands."""

from __future__ import annotations

V_ESTIMATE_READ_AT = "ALTER TABLE estimates ADD COLUMN read_at TEXT"
