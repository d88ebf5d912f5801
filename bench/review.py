"""Benchmark: `catalyst review`'s read at 500 tickers (two checkpoints each, about 40% missed
after one evaluation), against a floor of reading every active checkpoint as a record (what
`catalyst check` prints from): the verdicts add their rules to one query of the same rows, so
the goal is at most 1.5 times the floor. The whole `catalyst review --json` from launch to exit
is compared with `catalyst export checkpoints --format json`, launched alike (goal: at most 1.5
times it: both are mostly the interpreter's start-up and the config's reading).

    .venv/bin/python bench/review.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.demo_data import DEMO_NOW, big_config_text, seed_big  # noqa: E402

from catalyst_tui.config import load_config  # noqa: E402
from catalyst_tui.jobs.evaluation import evaluate_checkpoints  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402
from catalyst_tui.views.review import load_review  # noqa: E402

TICKERS = 500


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    runs = 5
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        path = where / "catalysts.toml"
        path.write_text(big_config_text(TICKERS), encoding="utf-8")
        config = load_config(path)
        db = where / "catalyst.db"
        with Store.open(db) as store:
            seed_big(store, config, years=1)
            evaluate_checkpoints(config, store, DEMO_NOW + dt.timedelta(days=30))
            review = load_review(store)
            missed = sum(len(t.verdict.reasons) for t in review.tickers)

            def best(call: object) -> float:
                return min(timeit.repeat(call, number=runs, repeat=args.repeats)) / runs  # type: ignore[arg-type]

            floor = best(lambda: store.views.checkpoints())
            measured = best(lambda: load_review(store))

        def launch(*command: str) -> float:
            start = time.perf_counter()
            argv = [sys.executable, "-m", "catalyst_tui.cli", *command]
            argv += ["--config", str(path), "--db", str(db)]
            subprocess.run(argv, capture_output=True, check=True)
            return time.perf_counter() - start

        pairs = [
            (launch("review", "--json"), launch("export", "checkpoints", "--format", "json"))
            for _ in range(args.repeats)
        ]
        whole, export = (sorted(side)[len(side) // 2] for side in zip(*pairs, strict=True))
    print(
        f"review of {TICKERS} tickers ({missed} reasons): {measured * 1e3:.1f} ms; every "
        f"checkpoint read: {floor * 1e3:.1f} ms; from launch to exit: catalyst review --json "
        f"{whole:.2f} s, catalyst export checkpoints {export:.2f} s"
    )
    emit(
        Figure(
            f"catalyst review's read at {TICKERS} tickers",
            measured * 1e3,
            floor * 1e3,
            "ms",
            "ratio <= 1.5",
            floor_is="every active checkpoint read as a record",
            note=f"min of {args.repeats} × {runs}, big_config_text({TICKERS})",
        )
    )
    emit(
        Figure(
            f"catalyst review --json at {TICKERS} tickers",
            whole,
            export,
            "s",
            "ratio <= 1.5",
            floor_is="catalyst export checkpoints --format json",
            note=f"medians of {args.repeats} alternating launches",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
