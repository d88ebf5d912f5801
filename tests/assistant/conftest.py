"""The databases `catalyst mcp` is tried on: the demo's (the bundled example, seed_demo's story)
with what a refresh reads in words added through the real doors and jobs (a 10-Q whose sentence
matches an evidence entry, a release whose sentence states a KPI, a journal note), its file given
secrets to keep (a channel URL in the environment, a provider's key, the SEC contact); and
500 tickers (big_config_text, seed_big, evaluated)."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.evidence_match import match_evidence
from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument

from ..conftest import BUNDLED_CONFIG
from ..support.demo_data import DEMO_CONTACT, DEMO_NOW, big_config_text, demo_database, seed_big
from ..support.kpi_data import alab_q3, record_kpis

#: The 10-Q sentence that matches ALAB's "Scorpio largest" evidence entry.
PASSAGE = "Scorpio became our largest product line in the quarter, ahead of Aries."
ACCESSION = "0001736297-26-000031"
TEN_Q = "https://www.sec.gov/Archives/edgar/data/1736297/000173629726000031/alab-20260930.htm"
CHANNEL_TOKEN = "123456789:AAE-kept-secret-bot-token"
CHANNEL_URL = f"tgram://{CHANNEL_TOKEN}/998877"
FINNHUB_KEY = "sk-finnhub-kept-secret-key"
#: What no answer may hold: the channel's URL and token, the provider's key, the SEC contact.
SECRETS = (CHANNEL_URL, CHANNEL_TOKEN, FINNHUB_KEY, DEMO_CONTACT, "demo@example.com")
SERVER_ENV = {"CATALYST_ALERTS_URL": CHANNEL_URL, "FINNHUB_API_KEY": FINNHUB_KEY}
CHANNEL = """
[notify.channels.phone]
url_env = "CATALYST_ALERTS_URL"
"""


class Served(NamedTuple):
    config: Path
    db: Path


@pytest.fixture
def demo(tmp_path: Path) -> Served:
    """The demo's database, what a refresh reads in words added, and its file's secrets."""
    config, store = demo_database(tmp_path, BUNDLED_CONFIG)
    with contextlib.closing(store):
        add_words(store)
        match_evidence(store, config, DEMO_NOW)
        store.journal.add(
            "ALAB",
            f"Alerts go to {CHANNEL_URL}; held through the margin miss",
            DEMO_NOW - dt.timedelta(days=2),
            conviction="high",
        )
    path = tmp_path / "catalysts.toml"
    path.write_text(path.read_text(encoding="utf-8") + CHANNEL, encoding="utf-8")
    load_config(path)  # the file with its channel is valid
    return Served(path, tmp_path / "demo.db")


def add_words(store: Store) -> None:
    """ALAB's Q3 10-Q with a sentence its evidence entry matches, and a release stating
    Scorpio's share of revenue (tests/support/kpi_data.py)."""
    filed = dt.datetime(2026, 11, 5, 21, 10, tzinfo=dt.UTC)
    text = f"Quarterly report.\n{PASSAGE}\nOther matters follow."
    document = NewDocument("sec", TEN_Q, ACCESSION, "10-Q", "ALAB 10-Q Q3 FY26", TEN_Q, filed, text)
    store.evidence.save_documents("ALAB", [document], filed)
    record_kpis(store, "ALAB", ["Scorpio"], alab_q3("Q3 results"))


@pytest.fixture(scope="session")
def five_hundred(tmp_path_factory: pytest.TempPathFactory) -> Served:
    """500 tickers, a year of bars each, their checkpoints evaluated (once a session)."""
    where = tmp_path_factory.mktemp("five-hundred")
    path = where / "catalysts.toml"
    path.write_text(big_config_text(500), encoding="utf-8")
    config = load_config(path)
    with Store.open(where / "catalyst.db") as store:
        seed_big(store, config, years=1)
        evaluate_checkpoints(config, store, DEMO_NOW)
    return Served(path, where / "catalyst.db")
