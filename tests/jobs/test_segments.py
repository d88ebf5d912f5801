"""Product lines from EDGAR on the loopback SEC: a refresh that lists a new 10-K reads its XBRL
instance and label file (NVIDIA's fiscal 2024, as EDGAR published them, read in place from
../shared) and stores its split with the filing, once; `catalyst segments SYMBOL` reads the
newest 10-Q, inline XBRL only (no Data Files), from its primary document; a filing that is no
XBRL is a located sentence, nothing stored, and tried again a day later."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.jobs.refresh_report import RefreshReport
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from catalyst_tui.thesis.metrics import observe
from tests.support.filings_server import FilingsServer
from tests.support.limits import ClientLimits
from tests.support.market_server import MarketServer
from tests.support.shared import REALDATA

LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}
UA = "Catalyst Tests tests@example.com"
XBRL = REALDATA / "xbrl"
TEN_K = XBRL / "NVDA_10-K_2024-01-28"
TEN_Q = XBRL / "NVDA_10-Q_2024-10-27"
THESIS = """
[tickers.NVDA]
name = "NVIDIA"
[[tickers.NVDA.checkpoints]]
id = "dc-share"
title = "Data Center is most of revenue"
kind = "guard"
when = "line_share(Data Center) >= 70%"
"""


def add_10k(sec: FilingsServer, size: int = 0) -> str:
    """NVIDIA's 10-K for fiscal 2024 (filed 2024-02-21), its instance and labels as listed;
    `size`: the instance padded to that many bytes by an XML comment after its root element,
    as large as the largest 10-Ks' instances."""
    body = (TEN_K / "nvda-20240221_htm.xml").read_bytes()
    if size > len(body):
        body += b"\n<!--" + b"x" * (size - len(body) - 9) + b"-->\n"
    return sec.add_filing(
        "NVDA",
        "10-K",
        dt.datetime(2024, 2, 21, 21, 30, tzinfo=dt.UTC),
        primary=("nvda-20240128.htm", "<html>10-K</html>"),
        data={
            "nvda-20240221_htm.xml": ("XML", body),
            "nvda-20240221_lab.xml": ("EX-101.LAB", (TEN_K / "nvda-20240221_lab.xml").read_bytes()),
        },
    )


async def first_refresh(config, store: Store, now: dt.datetime) -> RefreshReport:
    """One refresh at `now` on a client of its own, the file synced into the database a week
    before."""
    store.sync.apply(config, now - dt.timedelta(days=7))
    async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
        return await refresh_in_process(config, store, now=lambda: now, client=client)


async def test_a_refresh_reads_the_new_10k_split_once(tmp_path):
    with MarketServer(symbols=["NVDA"]) as market, FilingsServer() as sec:
        sec.add_filing(
            "NVDA", "8-K", dt.datetime(2024, 2, 21, 21, 20, tzinfo=dt.UTC), items=("2.02",)
        )
        accession = add_10k(sec)
        config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
        now = dt.datetime(2024, 3, 1, 15, 0, tzinfo=dt.UTC)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config, now - dt.timedelta(days=7))
            async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
                report = await refresh_in_process(config, store, now=lambda: now, client=client)
                assert not [n for n in report.notes if "product lines" in n], report.notes
                (split,) = store.segments.of("NVDA")
                assert (split.accession, split.form, split.period_end) == (
                    accession,
                    "10-K",
                    dt.date(2024, 1, 28),
                )
                # NVIDIA's fiscal 2024 as its 10-K states it: Data Center $47,525M of $60,922M.
                assert split.total_revenue == 60_922_000_000
                assert [(m.label, m.revenue) for m in split.lines][:2] == [
                    ("Data Center", 47_525_000_000),
                    ("Gaming", 10_447_000_000),
                ]
                snap = store.market.snapshot(now, sec_configured=True)
                share = observe("line_share", "NVDA", snap, line="Data Center").value
                assert share == 47_525 / 60_922
                folder = sec.filings[1].folder
                asked = [r.path for r in sec.requests(folder)]
                assert f"{folder}/nvda-20240221_htm.xml" in asked
                assert f"{folder}/nvda-20240221_lab.xml" in asked
                later = now + dt.timedelta(hours=25)
                await refresh_in_process(config, store, now=lambda: later, client=client)
            assert [r.path for r in sec.requests(folder)] == asked  # read once
            # The guard is judged on it: 78.0% >= 70%.
            (guard,) = evaluate_checkpoints(config, store, later)
            assert guard.status == "met" and guard.reason.observed is not None
            assert guard.reason.observed.value == 47_525 / 60_922


async def test_a_new_10q_is_fetched_once_for_its_lines_and_its_evidence(tmp_path):
    """Inline XBRL only (no Data Files): the product lines are read from the 10-Q's primary
    document, the document the evidence step reads too. One refresh asks SEC for it once."""
    evidence = "evidence = ['\"Data Center\"']\n"
    with MarketServer(symbols=["NVDA"]) as market, FilingsServer() as sec:
        sec.add_filing(
            "NVDA",
            "10-Q",
            dt.datetime(2024, 11, 20, 21, 0, tzinfo=dt.UTC),
            primary=("nvda-20241027.htm", (TEN_Q / "nvda-20241027.htm").read_bytes()),
        )
        config = parse_config(sec.settings_toml(market.url, UA) + THESIS + evidence)
        now = dt.datetime(2024, 11, 22, 15, 0, tzinfo=dt.UTC)
        with Store.open(tmp_path / "c.db") as store:
            report = await first_refresh(config, store, now)
            assert not [n for n in report.notes if "product lines" in n], report.notes
            folder = sec.filings[0].folder
            document = f"{folder}/nvda-20241027.htm"
            assert [r.path for r in sec.requests(folder)].count(document) == 1
            # Both steps have it: the split (Q3 fiscal 2025: Data Center $30,771M) and the text.
            (split,) = store.segments.of("NVDA")
            assert split.line("Data Center").revenue == 30_771_000_000  # type: ignore[union-attr]
            (record,) = store.evidence.filings("NVDA")
            assert record.filing.form == "10-Q" and record.read == 1
            keys = store.evidence.document_keys("NVDA", record.accession)
            assert [k for k in keys if k.endswith(document)] == list(keys)
            assert store.evidence.passages("NVDA")  # its text stored and matched


async def test_an_instance_of_20_mib_is_fetched_whole_and_read(tmp_path):
    # Over the 16 MiB every other archive document is held to, within the reader's own 64 MiB.
    with MarketServer(symbols=["NVDA"]) as market, FilingsServer() as sec:
        add_10k(sec, size=20 * 2**20)
        assert len(sec.filings[0].data["nvda-20240221_htm.xml"][1]) == 20 * 2**20
        config = parse_config(sec.settings_toml(market.url, UA) + THESIS)
        now = dt.datetime(2024, 3, 1, 15, 0, tzinfo=dt.UTC)
        with Store.open(tmp_path / "c.db") as store:
            report = await first_refresh(config, store, now)
            assert not [n for n in report.notes if "product lines" in n], report.notes
            (split,) = store.segments.of("NVDA")
            assert split.total_revenue == 60_922_000_000  # the 10-K's own figure, read whole


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            *args,
            "--db",
            str(workdir / "c.db"),
            "--config",
            str(workdir / "catalysts.toml"),
        ],
        cwd=workdir,
        env={**os.environ, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_segments_symbol_reads_the_newest_10q_from_its_inline_document(tmp_path):
    with MarketServer(symbols=["NVDA"]) as market, FilingsServer() as sec:
        add_10k(sec)
        inline = (TEN_Q / "nvda-20241027.htm").read_bytes()
        sec.add_filing(
            "NVDA",
            "10-Q",
            dt.datetime(2024, 11, 20, 21, 0, tzinfo=dt.UTC),
            primary=("nvda-20241027.htm", inline),
        )
        (tmp_path / "catalysts.toml").write_text(sec.settings_toml(market.url, UA) + THESIS)
        done = cli(tmp_path, "segments", "nvda", "--json")
        assert done.returncode == 0, done.stderr
        said = json.loads(done.stdout)
        # Q3 fiscal 2025 as NVIDIA's 10-Q states it: $35,082M, Data Center $30,771M.
        assert (said["form"], said["period_end"], said["total_revenue"]) == (
            "10-Q",
            "2024-10-27",
            35_082_000_000,
        )
        folder = sec.filings[1].folder
        asked = [r.path for r in sec.requests(folder)]
        assert asked[-1] == f"{folder}/nvda-20241027.htm"  # no Data Files: the inline document
    with Store.open(tmp_path / "c.db") as store:
        (split,) = store.segments.of("NVDA")
        assert split.line("data center") is not None
        assert split.line("Data Center").revenue == 30_771_000_000  # type: ignore[union-attr]


def test_a_filing_that_is_no_xbrl_is_a_sentence_and_nothing_is_stored(tmp_path):
    with MarketServer(symbols=["NVDA"]) as market, FilingsServer() as sec:
        bad = "<html><body>Not XBRL</body></html>"
        sec.add_filing(
            "NVDA",
            "10-Q",
            dt.datetime(2024, 11, 20, 21, 0, tzinfo=dt.UTC),
            primary=("nvda-20241027.htm", bad),
        )
        (tmp_path / "catalysts.toml").write_text(sec.settings_toml(market.url, UA) + THESIS)
        done = cli(tmp_path, "segments", "NVDA")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr.startswith("catalyst segments NVDA: 10-Q ")
        assert len(done.stderr.strip().splitlines()) == 1
        unknown = cli(tmp_path, "segments", "NVDX")
        assert unknown.returncode == 2 and "did you mean" in unknown.stderr.lower()
    with Store.open(tmp_path / "c.db") as store:
        assert store.segments.of("NVDA") == ()
