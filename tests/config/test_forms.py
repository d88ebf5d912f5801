"""The edit forms' fields as TOML and checked as typed: each of the validator's messages on the
field its key path (or the key it misses) names."""

from __future__ import annotations

import tomllib

import pytest

from catalyst_tui.config.forms import field_errors

from ..conftest import BUNDLED_CONFIG

DATA = tomllib.loads(BUNDLED_CONFIG.read_text(encoding="utf-8"))
ALAB_IDS = [c["id"] for c in DATA["tickers"]["ALAB"]["checkpoints"]]
NEW_LOT = {"shares": "12.5", "cost": "140", "date": "2026-02-03", "note": "second buy"}

GOOD_TARGET = {
    "id": "q3-revenue",
    "title": "Q3 revenue beats",
    "kind": "target",
    "due": "2026-11-30",
    "when": "revenue_q >= 400M",
    "period_end": "2026-09-30",
    "source": "",
    "notes": "",
    "until": "",
}


def test_field_errors_good_fields():
    assert field_errors("checkpoint", GOOD_TARGET, symbol="ALAB", existing_ids=ALAB_IDS) == {}
    assert field_errors("lot", NEW_LOT, symbol="ALAB") == {}
    assert field_errors("ticker", {"symbol": "BRK.B", "name": "Berkshire"}) == {}


def test_field_errors_map_the_validators_messages_to_fields():
    bad_due = field_errors("checkpoint", dict(GOOD_TARGET, due="2027-13-01"))
    assert list(bad_due) == ["due"] and "not a date" in bad_due["due"]
    bad_when = field_errors("checkpoint", dict(GOOD_TARGET, when="gross_margn >= 70%"))
    assert list(bad_when) == ["when"] and "gross_margin" in bad_when["when"]
    no_due = field_errors("checkpoint", dict(GOOD_TARGET, kind="milestone", due="", when=""))
    no_due.pop("period_end", None)  # a milestone with a period_end is its own problem
    assert list(no_due) == ["due"] and "missing required key 'due'" in no_due["due"]
    assert list(field_errors("checkpoint", dict(GOOD_TARGET, title=" "))) == ["title"]
    assert list(field_errors("checkpoint", dict(GOOD_TARGET, id="Bad Id"))) == ["id"]
    negative = field_errors("lot", dict(NEW_LOT, shares="-5"))
    assert negative == {"shares": "must be more than 0, not -5"}
    assert "must be a number" in field_errors("lot", dict(NEW_LOT, cost="12,5"))["cost"]
    symbol = field_errors("ticker", {"symbol": "al ab", "name": "x"})
    assert list(symbol) == ["symbol"] and "not a ticker symbol" in symbol["symbol"]
    assert "upper case" in field_errors("ticker", {"symbol": "alab"})["symbol"]


def test_field_errors_duplicates():
    taken = field_errors("checkpoint", dict(GOOD_TARGET, id=ALAB_IDS[0]), existing_ids=ALAB_IDS)
    assert taken == {"id": f"duplicate checkpoint id {ALAB_IDS[0]!r} in this ticker"}
    editing = field_errors(
        "checkpoint",
        dict(GOOD_TARGET, id=ALAB_IDS[0]),
        existing_ids=ALAB_IDS,
        editing_id=ALAB_IDS[0],
    )
    assert editing == {}
    dup = field_errors("ticker", {"symbol": "ALAB"}, existing_symbols=list(DATA["tickers"]))
    assert list(dup) == ["symbol"] and "ALAB" in dup["symbol"]


def test_a_missing_key_shows_on_its_field_and_one_under_it_on_the_field_it_is_under():
    guard = {"id": "floor", "title": "Floor", "kind": "guard"}
    assert field_errors("checkpoint", guard) == {
        "when": "missing required key 'when': a guard needs a condition such as "
        "'gross_margin >= 70%'"
    }
    entries = field_errors("checkpoint", dict(guard, when="price >= 1", evidence='ok\n"open'))
    assert list(entries) == ["evidence"]
    assert field_errors("lot", {"cost": "1"}) == {"shares": "missing required key 'shares'"}
    untitled = {"id": "x", "kind": "milestone", "due": "2027-01-01"}
    assert field_errors("checkpoint", untitled) == {"title": "missing required key 'title'"}


@pytest.mark.parametrize(
    ("cost", "said"),
    [
        ("85,50", "write it with a decimal point and no quotes, 85.50"),
        ("85,500", "write 85.500 or 85500, with no comma and no quotes"),
        ("abc", "must be a number, not a string ('abc')"),
    ],
)
def test_a_number_typed_as_people_write_it_gets_a_hint(cost: str, said: str) -> None:
    errors = field_errors("lot", dict(NEW_LOT, cost=cost), symbol="ALAB")
    assert said in errors["cost"]


def test_a_day_the_month_does_not_have_is_said_so() -> None:
    errors = field_errors("lot", dict(NEW_LOT, date="2027-02-30"), symbol="ALAB")
    assert "'2027-02-30' is no such day: February 2027 has 28 days" in errors["date"]
    errors = field_errors("lot", dict(NEW_LOT, date="2028-02-30"), symbol="ALAB")
    assert "February 2028 has 29 days" in errors["date"]
    errors = field_errors("lot", dict(NEW_LOT, date="2027-13-01"), symbol="ALAB")
    assert "'2027-13-01' is not a date (write YYYY-MM-DD)" in errors["date"]
