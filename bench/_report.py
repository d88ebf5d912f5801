"""The one result line every benchmark prints, and the table `make bench` (bench/run.py) builds.

A benchmark calls `emit(...)` once per figure after its own human-readable lines. The line is

    BENCH {"figure": ..., "measured": ..., "floor": ..., "ratio": ..., "unit": ..., "goal": ...}

`ratio` is measured / floor; `goal` says what is compared with the goal: the ratio
("ratio <= 1.5", "ratio >= 0.7") or the measurement itself ("measured <= 50"), so one parser
serves a relative goal (start-up against a bare app) and an absolute one (a query in ms).
"""

from __future__ import annotations

import json
import operator
import platform
from dataclasses import asdict, dataclass

PREFIX = "BENCH "
_OPS = {"<=": operator.le, ">=": operator.ge}


@dataclass(frozen=True)
class Figure:
    figure: str  # what was measured, e.g. "start-up to first painted watchlist"
    measured: float
    floor: float
    unit: str  # "s", "ms", "MB", "bars/s"
    goal: str  # "ratio <= 1.5" | "ratio >= 0.7" | "measured <= 50"
    floor_is: str = ""  # what the floor is, e.g. "bare Textual app, 500-row DataTable"
    note: str = ""  # repeats, sizes: what makes the figure reproducible

    @property
    def ratio(self) -> float:
        return self.measured / self.floor if self.floor else float("inf")

    @property
    def met(self) -> bool:
        subject, op, limit = self.goal.split()
        value = self.ratio if subject == "ratio" else self.measured
        return _OPS[op](value, float(limit))

    def line(self) -> str:
        data = asdict(self) | {"ratio": self.ratio, "met": self.met}
        return PREFIX + json.dumps(data)

    @classmethod
    def parse(cls, line: str) -> Figure | None:
        if not line.startswith(PREFIX):
            return None
        data = json.loads(line[len(PREFIX) :])
        data.pop("ratio", None)
        data.pop("met", None)
        return cls(**data)


def emit(figure: Figure) -> Figure:
    print(figure.line(), flush=True)
    return figure


def machine() -> str:
    cores = _cpu_count()
    model = _cpu_model()
    return f"{cores} cores ({model}), Python {platform.python_version()}, {platform.system()}"


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"
