"""catalysts.toml validation: the bundled file, a corpus of broken files, fuzzed input."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalyst_tui.config import ConfigError, load_config, parse_config, parse_interval
from catalyst_tui.config.scan import Pos, locate
from catalyst_tui.market.registry import SEC, YAHOO
from catalyst_tui.thesis.conditions import ConditionError, parse_condition

from ..conftest import BUNDLED_CONFIG, REPO

BROKEN = sorted((REPO / "tests" / "fixtures" / "broken").glob("*.toml"))
EXPECT = re.compile(r"^# expect: (\d+) (.+)$", re.M)


def test_corpus_is_large_enough():
    assert len(BROKEN) >= 20


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_reports_every_error_at_its_line_and_key(path: Path):
    text = path.read_text()
    expected = {(int(line), "" if key == "-" else key) for line, key in EXPECT.findall(text)}
    assert expected, f"{path.name} declares no '# expect:' lines"
    with pytest.raises(ConfigError) as info:
        load_config(path)
    got = {(issue.line, issue.key) for issue in info.value.issues}
    assert got == expected
    for issue in info.value.issues:
        assert str(issue).startswith(f"{path}:{issue.line}:{issue.col}: ")
        assert issue.message


def test_bundled_thesis_validates_with_every_alab_checkpoint():
    config = load_config(BUNDLED_CONFIG)
    assert {"ALAB", "CRDO", "LITE", "COHR", "NVDA", "MRVL", "AVGO", "ANET"} <= set(config.tickers)
    alab = config.tickers["ALAB"]
    kinds = [c.kind for c in alab.checkpoints]
    assert kinds.count("milestone") >= 6
    assert kinds.count("target") >= 3
    assert kinds.count("guard") >= 3
    conditions = {c.when.text for c in alab.checkpoints if c.when}
    assert {"gross_margin >= 70%", "operating_margin >= 20%", "weight <= 15%"} <= conditions
    assert "revenue_vs_guide >= 0%" in conditions  # the guide is the company's own, each quarter
    assert all(c.source for c in alab.checkpoints), "every ALAB checkpoint names its source"
    assert len(alab.lots) == 1 and "example" in alab.lots[0].note.lower()
    assert config.providers.of(SEC).user_agent is None  # left commented out on purpose


def test_packaged_example_is_the_repository_file():
    from catalyst_tui.paths import bundled_example

    assert bundled_example() == BUNDLED_CONFIG.read_bytes()


def test_every_bundled_feed_says_whose_it_is_and_how_to_find_your_own():
    """A reader copying a feed from the example needs to know whose page it is: each URL of
    every ticker's `feeds` has on its own line the company it is of and where it is from (its
    investor-relations site, or SEC EDGAR with the CIK in the URL), and each ticker's comment
    above says how to find one's own company's (its CIK in SEC's company_tickers.json)."""
    config = load_config(BUNDLED_CONFIG)
    lines = BUNDLED_CONFIG.read_text(encoding="utf-8").splitlines()
    seen = 0
    for symbol, ticker in config.tickers.items():
        for url in ticker.feeds:
            [line] = [ln for ln in lines if ln.strip().startswith(f'"{url}"')]
            said = line.partition(f'"{url}",')[2].strip()
            assert said.startswith("# ") and ticker.name in said, (symbol, line)
            if "sec.gov" in url:
                cik = url.split("CIK=")[1].split("&")[0]
                assert said.startswith(f"# SEC EDGAR: {ticker.name}") and f"CIK {cik}" in said
            else:
                assert "investor-relations site" in said
            seen += 1
        if ticker.feeds:
            start = lines.index(f"[tickers.{symbol}]")
            above = " ".join(lines[start : lines.index("feeds = [", start)])
            assert "Your own company's:" in above and "CIK" in above, symbol
    assert seen == 9  # ALAB's two, and each other company's EDGAR feed


def test_error_message_matches_the_documented_shape(tmp_path: Path):
    path = tmp_path / "catalysts.toml"
    path.write_text(
        "[tickers.ALAB]\n\n[[tickers.ALAB.checkpoints]]\nid = 'a'\ntitle = 'A'\n"
        "kind = 'milestone'\n\n[[tickers.ALAB.checkpoints]]\nid = 'b'\ntitle = 'B'\n"
        "kind = 'milestone'\n\n[[tickers.ALAB.checkpoints]]\nid = 'c'\ntitle = 'C'\n"
        "kind = 'milestone'\ndue = '2027-13-01'\n"
    )
    with pytest.raises(ConfigError) as info:
        load_config(path)
    messages = [str(i) for i in info.value.issues]
    assert (
        f"{path}:17:7: tickers.ALAB.checkpoints[2].due: '2027-13-01' is not a date "
        in (messages[-1][: len(str(path)) + 68])
    )


def test_valid_config_builds_the_typed_model():
    config = parse_config(
        """
        [settings]
        refresh = "2m"
        providers = ["stooq", "yahoo"]
        notify = ["missed", "met"]
        timezone = "America/New_York"
        [providers.sec]
        user_agent = "Jane Doe jane@example.com"
        [tickers."BRK.B"]
        [[tickers."BRK.B".lots]]
        shares = 3
        cost = 410.25
        date = 2024-01-02
        [tickers.ALAB]
        [[tickers.ALAB.checkpoints]]
        id = "q2-guide"
        title = "Q2 guide"
        kind = "target"
        due = 2026-08-31
        when = "revenue_q >= 360M"
        period_end = 2026-06-30
        """
    )
    assert config.settings.refresh_seconds == 120
    assert config.settings.providers == ("stooq", "yahoo")
    assert config.tickers["BRK.B"].lots[0].date == dt.date(2024, 1, 2)
    assert config.tickers["BRK.B"].group == "watchlist"
    checkpoint = config.tickers["ALAB"].checkpoints[0]
    assert checkpoint.when is not None and checkpoint.when.threshold == 360e6
    assert checkpoint.period_end == dt.date(2026, 6, 30)
    assert config.providers.of(SEC).user_agent == "Jane Doe jane@example.com"
    assert config.providers.of(YAHOO).base_url == "https://query1.finance.yahoo.com"


def test_unreadable_and_missing_files_are_config_errors(tmp_path: Path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match="is a directory"):
        load_config(tmp_path)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b"[tickers.ALAB]\nname = '\xe9'\n")
    with pytest.raises(ConfigError, match="not UTF-8") as info:
        load_config(latin)
    assert (info.value.issues[0].line, info.value.issues[0].col) == (2, 9)


# -- the condition grammar ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric", "op", "threshold"),
    [
        ("gross_margin >= 70%", "gross_margin", ">=", 0.70),
        ("revenue_q>=360M", "revenue_q", ">=", 360e6),
        ("revenue_fy >= 1.55B", "revenue_fy", ">=", 1.55e9),
        ("price < 12.5", "price", "<", 12.5),
        ("market_cap > 250K", "market_cap", ">", 250e3),
        ("change_pct > -5%", "change_pct", ">", -0.05),
        ("  weight <= 15%  ", "weight", "<=", 0.15),
    ],
)
def test_condition_parses(text, metric, op, threshold):
    condition = parse_condition(text)
    assert (condition.metric, condition.op) == (metric, op)
    assert condition.threshold == pytest.approx(threshold)


@pytest.mark.parametrize(
    ("text", "offset", "fragment"),
    [
        ("grossmargin >= 70%", 0, "did you mean 'gross_margin'"),
        ("price == 3", 6, "bad operator '=='"),
        ("price => 3", 6, "bad operator '=>'"),
        ("price >= abc", 9, "'abc' is not a number"),
        ("price >= 5%", 9, "price is not a ratio"),
        ("gross_margin >= 0.7", 16, "gross_margin is a ratio"),
        ("gross_margin >= 70M", 16, "write a percentage"),
        ("revenue_q >= 360X", 13, "bad number suffix 'X'"),
        ("price >= 1 or price < 2", 11, "unexpected 'or'"),
        ("price", 5, "missing operator"),
        ("price >=", 8, "missing number"),
        ("", 0, "empty condition"),
        (">= 5", 0, "starts with a metric name"),
        ("__import__('os') >= 1", 0, "unknown metric"),
    ],
)
def test_condition_errors_name_the_bad_part(text, offset, fragment):
    with pytest.raises(ConditionError) as info:
        parse_condition(text)
    assert fragment in info.value.message
    assert info.value.offset == offset


def test_condition_error_column_points_inside_the_string():
    text = (
        '[tickers.A]\n[[tickers.A.checkpoints]]\nid="x"\ntitle="x"\nkind="guard"\n'
        'when = "price == 3"\n'
    )
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    (issue,) = info.value.issues
    assert (issue.line, issue.col) == (6, 8 + 1 + 6)  # the quote, then '==' at offset 6


@pytest.mark.parametrize(("text", "seconds"), [("60s", 60), ("5m", 300), ("1h", 3600)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


# -- the position map ------------------------------------------------------------------------


def test_locator_finds_keys_in_headers_dotted_keys_inline_tables_and_arrays():
    text = (
        "# comment [not.a.table]\n"
        "[a]\n"
        'b.c = "x # not a comment"\n'
        "d = [1, {e = 2}, 'q']\n"
        "[[f.g]]\n"
        'h = """multi\n"line" = 1\n"""\n'
        "[[f.g]]\n"
        '"quoted key" = 3\n'
        "[f.g.sub]\n"
        "i = 4\n"
    )
    positions = locate(text)
    assert positions.key(("a",)) == Pos(2, 1)
    assert positions.key(("a", "b", "c")) == Pos(3, 1)
    assert positions.value(("a", "b", "c")) == Pos(3, 7)
    assert positions.value(("a", "d", 1, "e")) == Pos(4, 14)
    assert positions.value(("a", "d", 2)) == Pos(4, 18)
    assert positions.key(("f", "g", 0, "h")) == Pos(6, 1)
    assert positions.key(("f", "g", 1)) == Pos(9, 1)
    assert positions.key(("f", "g", 1, "quoted key")) == Pos(10, 1)
    assert positions.key(("f", "g", 1, "sub", "i")) == Pos(12, 1)
    assert positions.key(("f", "g", 1, "missing")) == Pos(9, 1)  # nearest located ancestor


# -- fuzzing: nothing but ConfigError may come out --------------------------------------------

BUNDLED_TEXT = BUNDLED_CONFIG.read_text()
BUNDLED_LINES = BUNDLED_TEXT.splitlines(keepends=True)


def _only_config_errors(text: str) -> None:
    try:
        parse_config(text)
    except ConfigError as exc:
        assert exc.issues
        lines = text.count("\n") + 2
        for issue in exc.issues:
            assert 1 <= issue.line <= lines and issue.col >= 1, issue


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400))
def test_random_text_only_raises_config_error(text: str):
    _only_config_errors(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "duplicate", "swap", "insert", "replace_char"]),
            st.integers(min_value=0, max_value=10_000),
            st.text(alphabet='[]{}"=#.,\n abcxyz0123456789-%', max_size=12),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_bundled_file_only_raises_config_error(mutations):
    lines = list(BUNDLED_LINES)
    for op, where, junk in mutations:
        i = where % len(lines)
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = (i + 1) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, junk + "\n")
        elif op == "replace_char" and lines[i]:
            k = where % len(lines[i])
            lines[i] = lines[i][:k] + (junk[:1] or "x") + lines[i][k + 1 :]
    _only_config_errors("".join(lines))


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            "60s",
            "1x",
            "gross_margin >= 70%",
            "price <> 1",
            "2026-12-31",
            "milestone",
            "guard",
            "target",
            "yahoo",
            "missed",
            "http://127.0.0.1:1",
            "a@b.c d",
        ]
    ),
    st.dates(),
    st.datetimes(),
)
_keys = st.sampled_from(
    [
        "settings",
        "providers",
        "tickers",
        "ALAB",
        "alab",
        "BRK.B",
        "lots",
        "checkpoints",
        "id",
        "title",
        "kind",
        "due",
        "when",
        "until",
        "period_end",
        "shares",
        "cost",
        "refresh",
        "providers",
        "notify",
        "yahoo",
        "sec",
        "user_agent",
        "base_url",
        "api_key",
        "name",
        "x",
    ]
)
_documents = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(_keys, children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(_keys, _documents, max_size=4))
def test_random_structures_only_raise_config_error(document):
    def clean(value):  # TOML has no null
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [clean(v) for v in value if v is not None]
        return value

    try:
        text = tomlkit.dumps(clean(document))
    except Exception:  # tomlkit can't write every structure (mixed arrays etc.): not our input
        return
    _only_config_errors(text)


def test_browser_tls_names_providers_only_and_is_yahoo_unless_turned_off():
    base = '[settings]\nbrowser_tls = ["yahoo", "stooq"]\n'
    assert parse_config(base).settings.browser_tls == ("yahoo", "stooq")
    assert parse_config("").settings.browser_tls == ("yahoo",)  # the default: Yahoo's 429s
    assert parse_config("[settings]\nbrowser_tls = []\n").settings.browser_tls == ()
    with pytest.raises(ConfigError) as caught:
        parse_config('[settings]\nbrowser_tls = ["yahooo"]\n')
    assert "settings.browser_tls" in str(caught.value.issues[0])


def test_notify_may_include_results_and_says_so_when_a_choice_is_unknown():
    config = parse_config('[settings]\nnotify = ["missed", "results"]\n')
    assert config.settings.notify == ("missed", "results")
    with pytest.raises(ConfigError) as error:
        parse_config('[settings]\nnotify = ["result"]\n')
    (issue,) = error.value.issues
    assert issue.key_path == ("settings", "notify", 0) and "results" in issue.message
