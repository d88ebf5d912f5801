"""Symbol mappings kept in the file: `catalyst import --symbol ISIN=SYMBOL --save` writes them to
`[import.symbols]`, and every later import reads them, so DEGIRO's account statement (20 products
named by ISIN only, ../shared/realdata/brokers) imports with no --symbol at all."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from catalyst_tui import cli
from catalyst_tui.config import ConfigError, load_config
from tests.cli.test_import_real import DEGIRO_SYMBOLS
from tests.support.market_server import NO_ECB
from tests.support.shared import REALDATA, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

DEGIRO = str(REALDATA / "brokers" / "degiro-export.csv")
THESIS = '# my thesis\n[settings]\ncurrency = "USD"\n\n[tickers.NVDA]\nname = "Nvidia"\n' + NO_ECB


def catalyst(tmp_path: Path, capsys, *args: str) -> tuple[int, str, str]:
    where = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    code = cli.main([*where, *args])
    out, err = capsys.readouterr()
    return code, " ".join(out.split()), err


def test_saved_symbols_are_read_by_every_later_import(tmp_path, capsys):
    (tmp_path / "catalysts.toml").write_text(THESIS)
    mapped = [f"--symbol={isin}={symbol}" for isin, symbol in DEGIRO_SYMBOLS.items()]
    code, out, err = catalyst(tmp_path, capsys, "import", DEGIRO, *mapped, "--save", "--dry-run")
    assert code == 0, err
    assert "import" not in tomllib.loads((tmp_path / "catalysts.toml").read_text())  # a dry run
    code, out, err = catalyst(tmp_path, capsys, "import", DEGIRO, *mapped, "--save")
    assert code == 0, err
    assert "20 symbols kept in [import.symbols]" in out
    text = (tmp_path / "catalysts.toml").read_text()
    assert text.startswith(THESIS[: THESIS.index("[tickers.NVDA]")])  # the rest as it was
    assert tomllib.loads(text)["import"]["symbols"] == DEGIRO_SYMBOLS
    assert load_config(tmp_path / "catalysts.toml").import_symbols == DEGIRO_SYMBOLS
    # a second import: no --symbol, nothing asked, nothing added twice
    code, out, err = catalyst(tmp_path, capsys, "import", DEGIRO, "--dry-run")
    assert code == 0, err
    assert "which symbol is" not in err and "nothing to add" in out


def test_a_symbol_given_again_is_rewritten_and_wins(tmp_path, capsys):
    (tmp_path / "catalysts.toml").write_text(THESIS)
    first = [f"--symbol={isin}={symbol}" for isin, symbol in DEGIRO_SYMBOLS.items()]
    code, _out, err = catalyst(tmp_path, capsys, "import", DEGIRO, *first, "--save", "--dry-run")
    assert code == 0, err
    code, _out, err = catalyst(
        tmp_path, capsys, "import", DEGIRO, "--symbol=US1912161007=KO", "--save", "--dry-run"
    )
    assert code == 2 and "which symbol is US56035L1044" in err  # the others not saved yet
    code, _out, err = catalyst(
        tmp_path, capsys, "import", DEGIRO, "--symbol=US1912161007=KO", "--save"
    )
    assert code == 2  # the rest still asked; nothing saved: the file not read whole
    saved = [*first[1:], "--symbol=US1912161007=COKE", "--save"]
    code, _out, err = catalyst(tmp_path, capsys, "import", DEGIRO, *saved)
    assert code == 0, err
    code, _out, err = catalyst(
        tmp_path, capsys, "import", DEGIRO, "--symbol=US1912161007=KO", "--save", "--dry-run"
    )
    assert code == 0, err
    symbols = load_config(tmp_path / "catalysts.toml").import_symbols
    assert symbols["US1912161007"] == "COKE" and len(symbols) == 20
    code, _out, err = catalyst(
        tmp_path, capsys, "import", DEGIRO, "--symbol=US1912161007=KO", "--save"
    )
    assert code == 0, err
    symbols = load_config(tmp_path / "catalysts.toml").import_symbols
    assert symbols["US1912161007"] == "KO" and len(symbols) == 20
    assert (tmp_path / "catalysts.toml").read_text().count("US1912161007") == 1


def test_save_without_a_symbol_is_refused(tmp_path, capsys):
    (tmp_path / "catalysts.toml").write_text(THESIS)
    code, _out, err = catalyst(tmp_path, capsys, "import", DEGIRO, "--save")
    assert code == 2 and "--save keeps the --symbol ISINs: give one" in err


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ('[import.symbols]\nUS1234 = "KO"\n', "is not an ISIN"),
        ('[import.symbols]\nUS1912161007 = "ko ko"\n', "is not a ticker symbol"),
        ("[import]\nsymbol = {}\n", "unknown key 'symbol'"),
    ],
)
def test_a_bad_symbols_table_is_an_error_at_its_line(tmp_path, table, said):
    (tmp_path / "catalysts.toml").write_text(table)
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path / "catalysts.toml")
    assert said in str(error.value) and ":2:" in str(error.value)
