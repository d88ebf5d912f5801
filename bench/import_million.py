"""`catalyst import` of a million-row export: its time, rows per second and peak memory (the
child's ru_maxrss), against a floor measured in the same run: the same file read by the `csv`
module in a child of its own. The goal (issue 54): within 45 s and 600 MB on this machine; the
preview a summary and the first rows, never a million lines.

    .venv/bin/python bench/import_million.py [--rows N] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402

THESIS = '[tickers.AAPL]\nname = "Apple"\n'
FLOOR = (
    "import csv, sys\n"
    "with open(sys.argv[1], newline='') as f:\n"
    "    n = sum(1 for _ in csv.reader(f))\n"
)


def export(path: Path, n: int) -> None:
    """A generic CSV of `n` buys of 50 symbols, written in chunks (never all in memory)."""
    with path.open("w") as out:
        out.write("date,symbol,side,shares,price\n")
        for start in range(0, n, 100_000):
            out.write(
                "".join(
                    f"2024-01-{1 + i % 28:02d},S{i % 50},buy,{1 + i % 9},{10 + i % 100}.5\n"
                    for i in range(start, min(n, start + 100_000))
                )
            )


def child(args: list[str]) -> tuple[float, float, bytes]:
    """The child's wall time in seconds, its peak resident memory in MB and its output."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read() if proc.stdout else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{args[:3]} exited {proc.returncode}: {out[-2000:].decode()}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KB on Linux
    return seconds, usage.ru_maxrss * scale / 2**20, out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        path = where / "export.csv"
        export(path, args.rows)
        (where / "catalysts.toml").write_text(THESIS)
        command = [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "--config",
            str(where / "catalysts.toml"),
            "--db",
            str(where / "c.db"),
            "import",
            str(path),
            "--dry-run",
        ]
        runs = [child(command) for _ in range(args.repeats)]
        floors = [child([sys.executable, "-c", FLOOR, str(path)]) for _ in range(args.repeats)]
    seconds, peak, out = min(runs, key=lambda r: r[0])
    floor_seconds = min(f[0] for f in floors)
    floor_peak = min(f[1] for f in floors)
    lines = out.decode().count("\n")
    print(
        f"import of {args.rows:,} rows: {seconds:.1f} s ({args.rows / seconds:,.0f} rows/s), "
        f"peak {peak:.0f} MB, {lines} lines printed; the csv module alone: "
        f"{floor_seconds:.1f} s ({args.rows / floor_seconds:,.0f} rows/s), {floor_peak:.0f} MB"
    )
    note = f"best of {args.repeats}; --dry-run; {args.rows / seconds:,.0f} rows/s"
    emit(
        Figure(
            f"import of {args.rows:,} rows (dry run), wall time",
            seconds,
            floor_seconds,
            "s",
            "measured <= 45",
            floor_is="the same file read by the csv module in a child",
            note=note,
        )
    )
    emit(
        Figure(
            f"import of {args.rows:,} rows (dry run), peak memory",
            peak,
            floor_peak,
            "MB",
            "measured <= 600",
            floor_is="the same file read by the csv module in a child (ru_maxrss)",
            note=f"{lines} lines printed",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
