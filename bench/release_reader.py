"""Benchmark: a refresh's releases read in the reader's child process, one child kept for them all
(jobs/release_reader.py `ReleaseReader`), against reading them in this process.

    .venv/bin/python bench/release_reader.py [--releases 20] [--repeats 5]

The releases are the first `--releases` files of ../shared/press_releases in name order (real
EX-99.1 exhibits; twenty are 6.7 MB), as `catalyst demo` reads twenty at its start. Measured: the
wall time of reading them in turn through one `ReleaseReader` (its child started, each release
sent and its pickled results read back, the child ended). The floor, measured in the same run:
`read_release` on the same bytes in this process, the reading alone. Goal: at most twice the
floor. Printed too, as a reference and not a goal: the same releases a child each (each
release through `read_in_child`), the path the kept child replaced.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.shared import PRESS_RELEASES  # noqa: E402

from catalyst_tui.jobs.release_reader import ReleaseReader, read_in_child  # noqa: E402
from catalyst_tui.reading.release.reader import read_release  # noqa: E402


async def kept(bodies: list[bytes]) -> float:
    started = time.perf_counter()
    async with ReleaseReader() as reader:
        for body in bodies:
            await reader.read(body)
        assert reader.started == 1
    return time.perf_counter() - started


async def a_child_each(bodies: list[bytes]) -> float:
    started = time.perf_counter()
    for body in bodies:
        await read_in_child(body)
    return time.perf_counter() - started


def in_process(bodies: list[bytes]) -> float:
    started = time.perf_counter()
    for body in bodies:
        read_release(body)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    files = sorted(PRESS_RELEASES.glob("*.htm*"))[: args.releases]
    bodies = [path.read_bytes() for path in files]
    in_process(bodies)  # the reader's modules loaded and its caches warm, as in a refresh
    floors, runs, each = [], [], []
    for _ in range(args.repeats):
        floors.append(in_process(bodies))
        runs.append(asyncio.run(kept(bodies)))
        each.append(asyncio.run(a_child_each(bodies)))
    floor, run, single = (statistics.median(x) for x in (floors, runs, each))
    size = sum(map(len, bodies)) / 1e6
    print(f"release reader bench: {len(bodies)} releases ({size:.1f} MB), {args.repeats} repeats")
    print(
        f"  in this process {floor:.2f} s; one kept child {run:.2f} s ({run / floor:.2f}x);"
        f" a child each {single:.2f} s ({single / floor:.2f}x, a reference)"
    )
    emit(
        Figure(
            f"{len(bodies)} releases read by one kept child",
            run,
            floor,
            "s",
            "ratio <= 2",
            "read_release on the same bytes in this process",
            f"the first {len(bodies)} of ../shared/press_releases, medians of {args.repeats}",
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
