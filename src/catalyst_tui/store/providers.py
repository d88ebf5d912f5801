"""What every process knows about the providers: Yahoo's cookie and crumb, how each provider has
answered lately (and whether it is paused), and how many requests each refresh made to each."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..market.models import YahooSession
from .columns import iso, moment
from .door import Door
from .records import ProviderHealth

if TYPE_CHECKING:
    from collections.abc import Mapping


# A provider that refused (429, an HTML page for data) waits this long, doubled at each refusal
# in a row, up to the cap: minutes, then hours.
FIRST_PAUSE = dt.timedelta(minutes=5)
LONGEST_PAUSE = dt.timedelta(hours=6)


class Providers(Door):
    # -- sessions --------------------------------------------------------------------------------
    def session(self, provider: str) -> YahooSession | None:
        row = self._conn.execute(
            "SELECT cookie, crumb, obtained_at FROM provider_sessions WHERE provider = ?",
            [provider],
        ).fetchone()
        if row is None:
            return None
        obtained = moment(row[2])
        return None if obtained is None else YahooSession(row[0], row[1], obtained)

    def save_session(self, provider: str, session: YahooSession) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO provider_sessions (provider, cookie, crumb, obtained_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT(provider) DO UPDATE SET"
                " cookie = excluded.cookie, crumb = excluded.crumb,"
                " obtained_at = excluded.obtained_at",
                [provider, session.cookie, session.crumb, iso(session.obtained_at)],
            )

    # -- health and pauses -----------------------------------------------------------------------
    def health(self) -> dict[str, ProviderHealth]:
        return {
            row[0]: ProviderHealth(
                row[0], moment(row[1]), moment(row[2]), row[3], moment(row[4]), row[5]
            )
            for row in self._conn.execute(
                "SELECT provider, last_success, last_failure, failure, paused_until, strikes"
                " FROM provider_health ORDER BY provider"
            )
        }

    def paused(self, now: dt.datetime) -> dict[str, dt.datetime]:
        """The providers paused at `now`, with the end of their pause."""
        return {
            name: health.paused_until
            for name, health in self.health().items()
            if health.paused_until is not None and health.paused_until > now
        }

    def record(
        self,
        now: dt.datetime,
        *,
        succeeded: set[str],
        failed: Mapping[str, str],
        refused: Mapping[str, str],
        requests: Mapping[str, int],
    ) -> None:
        """One refresh's verdicts in one transaction: a provider that answered clears its
        strikes; one that failed keeps them; one that `refused` (why) is paused, FIRST_PAUSE
        doubled for each refusal in a row, at most LONGEST_PAUSE."""
        stamp = iso(now)
        with self._store.transaction() as conn:
            for name in set(succeeded) | set(failed) | set(refused):
                conn.execute("INSERT OR IGNORE INTO provider_health (provider) VALUES (?)", [name])
            for name in succeeded - set(refused):
                conn.execute(
                    "UPDATE provider_health SET last_success = ?, strikes = 0 WHERE provider = ?",
                    [stamp, name],
                )
            for name, why in failed.items():
                if name not in refused:
                    conn.execute(
                        "UPDATE provider_health SET last_failure = ?, failure = ?"
                        " WHERE provider = ?",
                        [stamp, why[:300], name],
                    )
            for name, why in refused.items():
                strikes = conn.execute(
                    "SELECT strikes FROM provider_health WHERE provider = ?", [name]
                ).fetchone()[0]
                pause = min(FIRST_PAUSE * 2 ** min(strikes, 16), LONGEST_PAUSE)
                conn.execute(
                    "UPDATE provider_health SET last_failure = ?, failure = ?,"
                    " paused_until = ?, strikes = strikes + 1 WHERE provider = ?",
                    [stamp, why[:300], iso(now + pause), name],
                )
            conn.executemany(
                "INSERT INTO provider_requests (provider, at, requests) VALUES (?, ?, ?)",
                [(name, stamp, count) for name, count in requests.items() if count],
            )
            # Counts older than a week answer no question status asks.
            conn.execute(
                "DELETE FROM provider_requests WHERE at < ?", [iso(now - dt.timedelta(days=7))]
            )

    def requests_since(self, since: dt.datetime) -> dict[str, int]:
        return dict(
            self._conn.execute(
                "SELECT provider, SUM(requests) FROM provider_requests WHERE at >= ?"
                " GROUP BY provider",
                [iso(since)],
            ).fetchall()
        )
