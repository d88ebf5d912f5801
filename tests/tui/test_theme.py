"""A theme switch recolours what the screens drew: the colours of a cell come from the app's
current theme (tui/palette.py), read here from the colours the widget draws and compared with
the theme's own variables as Textual defines them."""

from __future__ import annotations

from rich.color import Color as RichColor
from textual.color import Color
from textual.geometry import Region
from textual.theme import BUILTIN_THEMES

from catalyst_tui.thesis.vocabulary import STATUS_STYLE

from ..support.pilot import make_app, open_alab


def drawn_colours(app, selector: str) -> dict[str, set[str]]:
    """Each piece of text the widget draws (stripped), with the foreground colours it is in."""
    widget = app.screen.query_one(selector)
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    out: dict[str, set[str]] = {}
    for strip in strips:
        for segment in strip:
            text, style = segment.text.strip(), segment.style
            if text and style is not None and style.color is not None:
                out.setdefault(text, set()).add(hex_of(style.color))
    return out


def hex_of(color: RichColor) -> str:
    red, green, blue = color.get_truecolor()
    return f"#{red:02X}{green:02X}{blue:02X}"


def theme_colours(name: str) -> tuple[str, str]:
    """The theme's success text colour, and its muted foreground laid on its background: what
    a met status and an aside should be drawn in."""
    v = BUILTIN_THEMES[name].to_color_system().generate()
    muted = Color.parse(v["background"]) + Color.parse(v["foreground-muted"])
    return Color.parse(v["text-success"]).hex, muted.hex


async def test_switching_the_theme_recolours_the_ticker_screens_cells(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await pilot.pause()
        before = drawn_colours(app, "#checkpoint-table")
        assert {"✓ met", "—"} <= before.keys()  # a met checkpoint; one not valued yet
        success, muted = theme_colours("textual-dark")
        assert before["✓ met"] == {success} and before["—"] == {muted}

        app.theme = "nord"
        await pilot.pause()
        after = drawn_colours(app, "#checkpoint-table")
        success, muted = theme_colours("nord")
        assert after["✓ met"] == {success}, after["✓ met"]
        assert after["—"] == {muted}, after["—"]
        assert after["✓ met"] != before["✓ met"] and after["—"] != before["—"]


async def test_the_watchlist_is_drawn_again_in_the_new_theme(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        drawn = drawn_colours(app, "#tickers")
        success, _muted = theme_colours("textual-light")
        met = [colours for text, colours in drawn.items() if text.startswith("✓")]
        assert met and all(colours == {success} for colours in met), met


def test_every_status_colour_of_the_core_has_a_role():
    from catalyst_tui.tui.palette import ink

    palette = ink()
    for name in set(STATUS_STYLE.values()):
        assert palette.status(name) != name, name  # else the status would keep a fixed colour
