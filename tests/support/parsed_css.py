"""Each CSS text parsed once a test process, not once an app.

Textual parses an app's CSS again for every app it starts: the app's own file and every
widget's DEFAULT_CSS, about a seventh of a Pilot test's start-up on the demo's watchlist. A
test worker starts hundreds of apps on the same texts. Installed once for the whole suite
(tests/conftest.py imports it), a stylesheet's `_parse_rules` hands back the rules an earlier
app's parse made of the same text, from the same place, under the same variables (the theme's
colours): the parse itself is Textual's, a text that fails to parse fails every time (nothing
is kept of it), and the rules are only read once parsed. The method is pinned by
tests/tui/test_textual_private.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.css.stylesheet import Stylesheet

if TYPE_CHECKING:
    from textual.css.model import RuleSet

_parse_rules = Stylesheet._parse_rules
_PARSED: dict[tuple[Any, ...], list[RuleSet]] = {}
_VARIABLES = "_parsed_css_variables"  # on a stylesheet: (its variables dict, their key)


def _variables_key(sheet: Stylesheet) -> tuple[tuple[str, str], ...]:
    """The stylesheet's variables as a key, worked out again only when they are replaced."""
    variables = sheet._variables
    kept = getattr(sheet, _VARIABLES, None)
    if kept is None or kept[0] is not variables:
        kept = (variables, tuple(sorted(variables.items())))
        setattr(sheet, _VARIABLES, kept)
    return kept[1]


def _shared_parse_rules(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    key = (css, read_from, is_default_rules, tie_breaker, scope, _variables_key(self))
    rules = _PARSED.get(key)
    if rules is None:
        rules = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        _PARSED[key] = rules
    return list(rules)


Stylesheet._parse_rules = _shared_parse_rules  # type: ignore[method-assign]
