"""The line that stays on every screen while catalysts.toml is invalid: its first located error,
that the last good version is in use, and that edits wait until the file is fixed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from .. import format as fmt

if TYPE_CHECKING:
    from ...config import ConfigError


class ConfigBanner(Static):
    DEFAULT_CSS = """
    ConfigBanner {
        display: none;
        height: auto;
        background: $error;
        color: $text;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.show_problem(getattr(self.app, "config_problem", None))

    def show_problem(self, problem: ConfigError | None) -> None:
        if problem is None or not problem.issues:
            self.display = False
            return
        count = len(problem.issues)
        more = f" (and {count - 1} more)" if count > 1 else ""
        self.update(
            fmt.plain(
                f"catalysts.toml is invalid: {problem.issues[0]}{more}. The last good version "
                "is in use; edits wait until the file is fixed."
            )
        )
        self.display = True
