"""Outside changes followed: catalysts.toml edited by hand (a valid change is reloaded and
shown, its new tickers fetched at once; an invalid one is said, its located errors on a banner
and in a toast, and the last good version stays in use), and the database written by another
process (the daemon, `catalyst mark`, `ack`), whose changes the screens then read."""

from __future__ import annotations

import logging

from .base import CatalystBase

log = logging.getLogger(__name__)

FILE_CHECK_SECONDS = 1.0


class ConfigWatch(CatalystBase):
    """The file's and the database's check, every FILE_CHECK_SECONDS (started by the app when
    `watch_file`)."""

    def check_file(self) -> None:
        try:
            change = self.workspace.check_file()
            # While this app's own cycle runs, its writes are read when it ends (_cycle_done):
            # read halfway, the rows would show prices before their checkpoints' verdicts.
            own_cycle = self.scheduler is not None and self.scheduler.refreshing
            written_elsewhere = not own_cycle and self.workspace.database_changed()
        except Exception as exc:  # a database hiccup: try again on the next tick
            log.exception("reloading the config failed")
            self.notify(f"could not reload the config: {exc}", severity="error")
            return
        if change is None:
            if written_elsewhere:
                self.refresh_views()
            return
        if change.error is not None:
            self.config_problem = change.error
            self._show_config_problem()
            lines = [str(issue) for issue in change.error.issues[:6]]
            more = len(change.error.issues) - len(lines)
            if more > 0:
                lines.append(f"... and {more} more")
            self.notify(
                "\n".join(lines) + "\nThe last good version stays in use.",
                title="catalysts.toml has errors",
                severity="error",
                timeout=20,
            )
            return
        self.config_problem = None
        self._show_config_problem()
        self._follow_config()
        self.notify("catalysts.toml changed: reloaded", timeout=3)
        self.refresh_views()
        if change.added:
            self._fetch_now()

    def _show_config_problem(self) -> None:
        from .widgets.banner import ConfigBanner

        for screen in self.screen_stack:
            for banner in screen.query(ConfigBanner):
                banner.show_problem(self.config_problem)
