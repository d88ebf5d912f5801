"""A return of capital lowers the cost of the lots it was paid on: IBKR's cash export
(../shared/realdata/brokers, line 7) pays back 4.83 CHF on SMMCHA on 2023-09-13, 0.69 a share
on the 7 bought on 2023-05-22 at 282.7 CHF (its trades export, line 2): the lot costs 282.01
after it, its note says why, and a second import lowers nothing again. With no lot held then,
it is left out, said."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalyst_tui import cli
from catalyst_tui.config import load_config
from tests.support.shared import REALDATA, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

TRADES = str(REALDATA / "brokers" / "ibkr-trades-export.csv")
CASH = str(REALDATA / "brokers" / "ibkr-dividends-export.csv")
SYMBOLS = ["--symbol=CH0111762537=SMMCHA.SW"]


def catalyst(tmp_path: Path, capsys, *args: str) -> tuple[int, str, str]:
    where = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    code = cli.main([*where, *args])
    out, err = capsys.readouterr()
    return code, " ".join(out.split()), err


def test_a_return_of_capital_lowers_the_lots_cost_once(tmp_path, capsys):
    (tmp_path / "catalysts.toml").write_text("")
    code, _out, err = catalyst(
        tmp_path, capsys, "import", TRADES, *SYMBOLS, "--symbol=US9220427424=VT", "--save"
    )
    assert code == 0, err
    code, out, err = catalyst(tmp_path, capsys, "import", CASH)
    assert code == 0, err
    assert ":7: a return of capital of 4.83 CHF on 2023-09-13 lowers the cost of the 7" in out
    assert "the cost of 1 lot lowered by a return of capital" in out
    (lot,) = load_config(tmp_path / "catalysts.toml").tickers["SMMCHA.SW"].lots
    assert lot.cost == pytest.approx(282.7 - 4.83 / 7) and lot.shares == 7
    assert lot.note.endswith("less a return of capital of 4.83 CHF on 2023-09-13")
    code, out, err = catalyst(tmp_path, capsys, "import", CASH)
    assert code == 0, err
    (again,) = load_config(tmp_path / "catalysts.toml").tickers["SMMCHA.SW"].lots
    assert again.cost == lot.cost and "lowers the cost" not in out


def test_with_no_lot_held_the_return_of_capital_is_said_and_left_out(tmp_path, capsys):
    (tmp_path / "catalysts.toml").write_text("")
    code, out, err = catalyst(tmp_path, capsys, "import", CASH, *SYMBOLS)
    assert code == 0, err
    assert ":7: a return of capital of 4.83 CHF on SMMCHA.SW, 2023-09-13: none held then" in out


def test_a_lot_kept_in_another_currency_is_not_lowered_by_a_return_of_capital(tmp_path, capsys):
    # the 7 SMMCHA.SW of 2023-05-22 written in euros (an import that had no rate of their day):
    # 4.83 CHF is not taken from a cost in euros; said, the lot as it was
    (tmp_path / "catalysts.toml").write_text(
        '[tickers."SMMCHA.SW"]\n[[tickers."SMMCHA.SW".lots]]\nshares = 7\ncost = 290\n'
        'date = 2023-05-22\ncurrency = "EUR"\n'
    )
    code, out, err = catalyst(tmp_path, capsys, "import", CASH, *SYMBOLS)
    assert code == 0, err
    assert (
        ":7: a return of capital of 4.83 CHF on SMMCHA.SW, 2023-09-13: a lot kept in another "
        "currency, so no lot's cost is lowered"
    ) in out
    (lot,) = load_config(tmp_path / "catalysts.toml").tickers["SMMCHA.SW"].lots
    assert (lot.cost, lot.currency) == (290, "EUR")
