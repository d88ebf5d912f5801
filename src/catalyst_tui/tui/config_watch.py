"""Outside changes followed: catalysts.toml edited by hand (a valid change is reloaded and
shown, its new tickers fetched at once; an invalid one is said, its located errors on a banner
and in a toast, and the last good version stays in use), the database written by another
process (the daemon, `catalyst mark`, `ack`), whose changes the screens then read, and the
database replaced (a backup renamed over it), which is opened in its place. The loop only
looks (a stat, SQLite's data_version); a reload and a reopen, which write, run in a worker
thread."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .base import CatalystBase

if TYPE_CHECKING:
    from ..session.workspace import Reload

log = logging.getLogger(__name__)

FILE_CHECK_SECONDS = 1.0


class ConfigWatch(CatalystBase):
    """The file's and the database's check, every FILE_CHECK_SECONDS (started by the app when
    `watch_file`)."""

    _reloading = False  # a reload of catalysts.toml is under way in a worker
    _reopening = False  # the replaced database is being opened in a worker
    _refused: tuple[int, int] | None = None  # the replacement that could not be opened

    def check_file(self) -> None:
        workspace = self.workspace
        try:
            replacement = workspace.replacement()
            if replacement is not None:
                if replacement != self._refused:  # a file that failed is tried no more
                    self._reopen(replacement)
                return
            if workspace.file_changed() and not self._reloading:
                self._reloading = True

                def reload() -> Reload | None:
                    try:
                        return workspace.check_file()
                    finally:
                        self._reloading = False

                self.save_in_thread("the reload of catalysts.toml", reload, self._reloaded)
            # While this app's own cycle runs, its writes are read when it ends (_cycle_done):
            # read halfway, the rows would show prices before their checkpoints' verdicts.
            own_cycle = self.scheduler is not None and self.scheduler.refreshing
            written_elsewhere = not own_cycle and workspace.database_changed()
        except Exception as exc:  # a database hiccup: try again on the next tick
            log.exception("checking the database failed")
            self.notify(f"could not read the database: {exc}", severity="error")
            return
        if written_elsewhere:
            self.refresh_views()

    def _reloaded(self, change: Reload | None) -> None:
        if change is None:
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

    def _reopen(self, replacement: tuple[int, int]) -> None:
        """The file at the database's path is another (a backup restored): opened in a worker,
        synced with the config, then read from; the old file's figures are not shown again."""
        if self._reopening:
            return
        workspace = self.workspace
        path = workspace.store.path
        self._reopening = True

        def run() -> None:
            try:
                workspace.open_replacement()
            except Exception as exc:
                self.call_from_thread(self._reopen_failed, replacement, exc)
                return
            self.call_from_thread(self._reopened)

        log.info("database %s was replaced: opening the new file", path)
        self.run_worker(run, name="the database's reopening", thread=True, exit_on_error=False)

    def _reopened(self) -> None:
        self._reopening = False
        workspace = self.workspace
        workspace.use_replacement()
        if self.scheduler is not None:
            self.scheduler.store = workspace.store
        self.notify(
            f"database {workspace.store.path} was replaced: showing the new file", timeout=6
        )
        self.refresh_views()

    def _reopen_failed(self, replacement: tuple[int, int], exc: Exception) -> None:
        """Said once for each file put there; another file renamed over it is tried."""
        self._reopening = False
        self._refused = replacement
        self.notify(
            f"the database was replaced and the new file cannot be used: {exc}. The figures "
            "shown are the old file's until another is put there",
            severity="error",
            timeout=30,
        )

    def _show_config_problem(self) -> None:
        from .widgets.banner import ConfigBanner

        for screen in self.screen_stack:
            for banner in screen.query(ConfigBanner):
                banner.show_problem(self.config_problem)
