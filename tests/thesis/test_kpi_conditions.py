"""The grammar of the KPIs read from words (thesis/conditions.py): `share(PRODUCT)` and
`growth(PRODUCT)` are ratios of a product, `guidance` a word metric compared with `==` or `!=`
and one of its words in double quotes; each wrong form is an error at the part that is wrong,
naming what is allowed, as a catalysts.toml issue at its line and column."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.config import ConfigError, parse_config
from catalyst_tui.thesis.catalogue import METRICS
from catalyst_tui.thesis.conditions import ConditionError, parse_condition
from catalyst_tui.thesis.kpis.statements import GUIDANCE_DIRECTIONS
from catalyst_tui.thesis.wording import format_value

WORDS = ", ".join(f'"{w}"' for w in GUIDANCE_DIRECTIONS)


@pytest.mark.parametrize(
    ("text", "metric", "op", "threshold", "product", "written"),
    [
        ("share(Scorpio) >= 20%", "share", ">=", 0.20, "Scorpio", "20%"),
        ("share( Data  Center ) < 5.5%", "share", "<", 0.055, "Data Center", "5.5%"),
        ("growth(Blackwell) >= 10%", "growth", ">=", 0.10, "Blackwell", "10%"),
        ("growth(Gaming) > -5%", "growth", ">", -0.05, "Gaming", "-5%"),
        # A word metric's threshold is its word's index in GUIDANCE_DIRECTIONS.
        ('guidance == "raised"', "guidance", "==", 0.0, "", '"raised"'),
        ('guidance != "cut"', "guidance", "!=", 1.0, "", '"cut"'),
        ('guidance=="Withdrawn"', "guidance", "==", 4.0, "", '"Withdrawn"'),
    ],
)
def test_each_new_form_parses(text, metric, op, threshold, product, written):
    c = parse_condition(text)
    assert (c.metric, c.op, c.threshold, c.line) == (metric, op, threshold, product)
    assert c.threshold_text == written


def test_a_word_metrics_index_is_written_back_as_its_word():
    assert METRICS["guidance"].words == GUIDANCE_DIRECTIONS
    assert [format_value("guidance", float(i)) for i in range(5)] == list(GUIDANCE_DIRECTIONS)
    held = parse_condition('guidance != "cut"')
    assert held.holds(0.0) and not held.holds(1.0)  # raised is not cut; cut is


@pytest.mark.parametrize(
    ("text", "offset", "message"),
    [
        ('guidance == "up"', 13, f'"up" is not a word guidance takes: one of {WORDS}'),
        ("guidance == raised", 12, 'write the word in double quotes: "raised"'),
        ("guidance == 5", 12, f"guidance is a word, not '5': write one of {WORDS}"),
        (
            'guidance >= "raised"',
            9,
            "guidance is a word: compare it with == or !=, e.g. 'guidance == \"raised\"'",
        ),
        ('guidance == "raised', 19, '"raised has no closing double quote'),
        ("guidance ==", 11, "missing a word in double quotes after '=='"),
        ('guidance(Scorpio) == "cut"', 9, "guidance takes nothing in parentheses"),
        (
            'guidance == "cut" or',
            18,
            "unexpected 'or' after the word: one condition is WORD-METRIC == \"WORD\"",
        ),
        (
            "gross_margin == 70%",
            13,
            "bad operator '==' on gross_margin, a number: use one of >=, <=, >, < "
            "(== and != compare a word metric: guidance)",
        ),
        (
            'share(Scorpio) >= "raised"',
            18,
            "share is a number, not a word: compare it with a number, e.g. 'share(Scorpio) >= 20%'",
        ),
        ("share >= 20%", 5, "share is of one product: name it, e.g. 'share(Scorpio)'"),
        ("growth(Blackwell) >= 10", 21, "growth is a ratio: write it with %, e.g. '10%'"),
        ("share(Scorpio) == 20%", 15, "bad operator '=='"),
    ],
)
def test_each_bad_form_is_an_error_at_its_part(text, offset, message):
    with pytest.raises(ConditionError) as info:
        parse_condition(text)
    assert message in info.value.message
    assert info.value.offset == offset


@given(st.sampled_from(GUIDANCE_DIRECTIONS), st.sampled_from(["==", "!="]), st.booleans())
def test_every_word_of_guidance_parses_in_any_case(word, op, upper):
    written = word.upper() if upper else word
    c = parse_condition(f'guidance {op} "{written}"')
    assert c.threshold == GUIDANCE_DIRECTIONS.index(word) and c.op == op


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_any_other_word_is_refused_at_the_word_naming_the_allowed_ones(word):
    if word in GUIDANCE_DIRECTIONS:
        return
    with pytest.raises(ConditionError) as info:
        parse_condition(f'guidance != "{word}"')
    assert info.value.offset == len('guidance != "')
    assert info.value.message == f'"{word}" is not a word guidance takes: one of {WORDS}'


THESIS = """
[tickers.PFE]
name = "Pfizer"
[[tickers.PFE.checkpoints]]
id = "guide"
title = "Guidance not cut"
kind = "guard"
{when}
"""


@pytest.mark.parametrize(
    ("when", "column"),
    [
        # A literal string: the condition is written as it reads. `when = '` is 8 columns, the
        # word's opening quote is at the condition's 12th character (0-based), its first letter
        # one after: column 8 + 1 + 13 = 22.
        ("""when = 'guidance != "up"'""", 22),
        # A basic string: each double quote is written \\" (one character more).
        ('''when = "guidance != \\"up\\""''', 23),
        ("""when = 'guidance >= "cut"'""", 18),
    ],
)
def test_a_bad_word_condition_in_the_file_is_located_at_its_part(when, column):
    with pytest.raises(ConfigError) as info:
        parse_config(THESIS.format(when=when), filename="catalysts.toml")
    [issue] = info.value.issues
    assert issue.line == 8 and issue.col == column, issue
    assert THESIS.format(when=when).splitlines()[7][column - 1] in "ug>"
