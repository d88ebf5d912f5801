"""Notification channels beyond the desktop (notify/remote.py): each outbox row's kind, and each
channel's delivery of a row, claimed, sent or retried, recorded apart from the desktop's."""

# The kind of each notification (notify/alert_kinds.py declares them): what a channel's `kinds`
# picks.
# A row written before it has '' and goes to the desktop only.
V_CHANNEL_DELIVERIES = ";\n".join(
    [
        "ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE channel_deliveries (
            outbox_id INTEGER NOT NULL REFERENCES outbox(id),
            channel TEXT NOT NULL,
            claimed_by TEXT,
            claimed_at TEXT,
            sent_at TEXT,
            gave_up_at TEXT,
            next_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            last_error_at TEXT,
            PRIMARY KEY (outbox_id, channel)
        )""",
        "CREATE INDEX outbox_by_kind ON outbox(kind, created_at)",
    ]
)
