"""The colours the TUI writes with, by role, read from the app's current theme: the one place a
cell, a title or a line gets its colour, so switching `app.theme` (ctrl+p, "theme") recolours
every screen (each screen's `recolour` shows it again; app.py calls them).

Rich Text takes a style when it is built, not when it is drawn, so a role resolves to the
theme's colour as a hex string (`$text-success` of textual-dark is "#8AD4A1"); the foreground
roles use the theme's text variants, made to be read on its background. Bold, underline and
the like are not colours: they stay as written. The core names its statuses' colours
(thesis/vocabulary.STATUS_STYLE, for the CLI's report); `status` maps those names to roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from textual.color import Color
from textual.theme import BUILTIN_THEMES, Theme

from .textual_private import active_app  # the app running in this context, as Textual sets it

DEFAULT_THEME = "textual-dark"  # Textual's own default: the palette outside a running app


@dataclass(frozen=True, slots=True)
class Palette:
    """Rich style strings, one per role (with the role's old name in the terminal's colours)."""

    muted: str  # an aside, a unit, a date, "—" ("dim"): $foreground-muted
    good: str  # a gain, a beat, met ("green"): $text-success
    bad: str  # a loss, overdue ("red"): $text-error
    alarm: str  # a miss, a flag ("bold red"): bold $text-error
    warning: str  # stale, due soon, uncertain ("yellow"): $text-warning
    primary: str  # pending, a filing ("dodger_blue2", "blue"): $text-primary
    secondary: str  # evidence found, refreshing, news ("cyan", "magenta"): $text-secondary
    badge: str  # a count that needs the user ("bold white on red"): on $error
    highlight: str  # the words matched in a passage ("bold black on yellow"): on $warning

    @property
    def pending(self) -> str:
        """A checkpoint waiting on its date: neither good nor bad."""
        return self.primary

    @property
    def info(self) -> str:
        """Something found or under way: evidence, a refresh running."""
        return self.secondary

    def status(self, name: str) -> str:
        """The role of a status colour named in the core (STATUS_STYLE's values)."""
        role = _STATUS_ROLES.get(name)
        return getattr(self, role) if role else name


# The core's status and verdict colours (thesis/vocabulary: STATUS_STYLE, VERDICT_STYLE) as roles.
_STATUS_ROLES = {
    "green": "good",
    "bold red": "alarm",
    "dodger_blue2": "primary",
    "yellow": "warning",
}


def palette_of(theme: Theme) -> Palette:
    """The roles in `theme`'s colours."""
    v = theme.to_color_system().generate()
    background = Color.parse(v["background"])

    def solid(name: str) -> str:  # a colour with alpha, laid on the background
        return (background + Color.parse(v[name])).hex

    def on(name: str) -> str:  # bold, in the contrasting text colour, on the colour `name`
        back = Color.parse(v[name])
        return f"bold {back.get_contrast_text(1.0).hex} on {back.hex}"

    return Palette(
        muted=solid("foreground-muted"),
        good=solid("text-success"),
        bad=solid("text-error"),
        alarm=f"bold {solid('text-error')}",
        warning=solid("text-warning"),
        primary=solid("text-primary"),
        secondary=solid("text-secondary"),
        badge=on("error"),
        highlight=on("warning"),
    )


_cache: dict[str, tuple[Theme, Palette]] = {}


def ink() -> Palette:
    """The palette of the running app's current theme (the default theme's outside an app)."""
    app = active_app.get(None)
    theme = app.current_theme if app is not None else BUILTIN_THEMES[DEFAULT_THEME]
    hit = _cache.get(theme.name)
    if hit is None or hit[0] is not theme:
        hit = _cache[theme.name] = (theme, palette_of(theme))
    return hit[1]


@runtime_checkable
class Recolours(Protocol):
    """A screen that shows what it shows again when the theme changes (app.py calls it)."""

    def recolour(self) -> None: ...
