"""A pattern led by the characters a match of it may start with: a search refused at once
where none stands.

Python's `re` skips ahead to where a match may start only for a pattern that opens with a
literal or a class of literals; a pattern that opens with a word boundary, a look-around or a
word said in any case (`re.I`) is tried whole at every position of the text, every word of
its alternatives in turn. `led` puts before such a pattern a look-ahead of the characters its
first consumed character may be (the union over its alternatives, computed from the pattern's
own parse), so that a position no match may start at fails on one test of a class (and of a
word boundary first, where every alternative opens at one). The pattern matches what it
matched, at the same places: the look-ahead admits every character a match may open with,
under the pattern's own flags. A pattern that may match the empty string,
or open with any character, is returned as it is; so is one `re` itself skips ahead for (one
that opens with a literal or a class of literals not said in any case), which a look-ahead
before it would only slow.

Measured over bench/words.py's 10,000 sentences: the reader's searches by the patterns led so
cost some 150 ms less (docs/performance.md)."""

from __future__ import annotations

import re
from typing import Any

try:  # the parse `re` itself compiles from, and its compiler (CPython 3.11 and later)
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: every pattern stays as it is
    _compiler = _parser = None

_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_SHORTHAND = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


class _Anything(Exception):
    """The pattern may open with any character, or with none: no lead."""


def led(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled with `flags`, led by a look-ahead of the characters its match may
    open with; compiled as it is where none can be told (see the module's docstring)."""
    lead = first_class(pattern, flags)
    if lead is None or _skips_ahead(pattern, flags):
        return re.compile(pattern, flags)
    bound = r"\b" if _bounded(list(_parser.parse(pattern, flags))) else ""
    return re.compile(f"{bound}(?={lead})(?:{pattern})", flags)


def _bounded(items: list[Any]) -> bool:
    """Whether every match of the sequence `items` opens at a word boundary (`\\b` said before
    its first character, in each alternative): the lead then says the boundary first, and a
    position within a word fails on that one test, not on each alternative's own."""
    for op, av in items:
        name = str(op)
        if name == "AT" and str(av) == "AT_BOUNDARY":
            return True
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # consumes nothing: the boundary may still come
        if name == "SUBPATTERN":
            _group, add, drop, inner = av
            return not (add | drop) & ~re.I and _bounded(list(inner))  # a boundary of its flags
        if name == "ATOMIC_GROUP":
            return _bounded(list(av))
        if name == "BRANCH":
            return all(_bounded(list(alternative)) for alternative in av[1])
        return False  # a character, or a part that may be left out, before any boundary
    return False


def _skips_ahead(pattern: str, flags: int) -> bool:
    """Whether `re` itself skips ahead to where a match of `pattern` may start: it opens with
    a literal ("to be", ", which") or a class of literals ("[$€£]", "\\d") not said in any
    case, which `re` looks for by a scan of its own, some five times as fast as a look-ahead
    tried at every position (a look-ahead before it would hide it from `re`)."""
    parsed = _parser.parse(pattern, flags)
    flags |= parsed.state.flags
    if flags & re.IGNORECASE and flags & re.LOCALE:
        return False  # `re` looks for no prefix of these
    prefix, _skip, _all = _compiler._get_literal_prefix(parsed, flags)
    return bool(prefix or _compiler._get_charset_prefix(parsed, flags))


def first_class(pattern: str, flags: int = 0) -> str | None:
    """The class (as a pattern) of the characters a match of `pattern` may open with, or None
    where it may open with any character or match the empty string."""
    if _parser is None or flags & re.VERBOSE or _GLOBAL_FLAGS.match(pattern):
        return None  # no parse, comments, or flags of the whole pattern said at its start
    try:
        atoms, nullable = _firsts(list(_parser.parse(pattern, flags)), False)
    except _Anything:
        return None
    if nullable or not atoms:
        return None
    plain = sorted(atom for atom, folded in atoms if not folded)
    folded = sorted(atom for atom, folded in atoms if folded)
    leads = [f"[{''.join(plain)}]"] if plain else []
    if folded:  # a word said in any case within a pattern that is not itself (?i:…)
        leads.append(f"(?i:[{''.join(folded)}])")
    return leads[0] if len(leads) == 1 else f"(?:{'|'.join(leads)})"


def _firsts(items: list[Any], folded: bool) -> tuple[set[tuple[str, bool]], bool]:
    """The characters (each a class atom, and whether it is read in any case where the
    pattern is not) the sequence `items` may open with, and whether it may match nothing."""
    atoms: set[tuple[str, bool]] = set()
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # a boundary or a look-around consumes nothing
        if name == "LITERAL":
            return atoms | {(_escaped(av), folded)}, False
        if name == "IN":
            return atoms | _class_atoms(av, folded), False
        if name == "SUBPATTERN":
            _group, add, _drop, inner = av
            found, nullable = _firsts(list(inner), folded or bool(add & re.I))
        elif name == "ATOMIC_GROUP":
            found, nullable = _firsts(list(av), folded)
        elif name == "BRANCH":
            found, nullable = set(), False
            for alternative in av[1]:
                more, empty = _firsts(list(alternative), folded)
                found |= more
                nullable = nullable or empty
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            least, _most, inner = av
            found, nullable = _firsts(list(inner), folded)
            nullable = nullable or least == 0
        else:
            raise _Anything  # any character, a reference to a group, a condition
        atoms |= found
        if not nullable:
            return atoms, False
    return atoms, True


def _class_atoms(members: list[Any], folded: bool) -> set[tuple[str, bool]]:
    atoms: set[tuple[str, bool]] = set()
    for op, av in members:
        name = str(op)
        if name == "LITERAL":
            atoms.add((_escaped(av), folded))
        elif name == "RANGE":
            atoms.add((f"{_escaped(av[0])}-{_escaped(av[1])}", folded))
        elif name == "CATEGORY" and str(av) in _SHORTHAND:
            atoms.add((_SHORTHAND[str(av)], folded))
        else:
            raise _Anything  # a negated class, or a category of what something is not
    return atoms


def _escaped(code: int) -> str:
    return chr(code) if chr(code).isalnum() else re.escape(chr(code))
