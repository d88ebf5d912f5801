"""Your judgment, scored: the confidence you gave each checkpoint when you wrote it (`confidence`
in catalysts.toml) against what became of it, and the conviction your journal notes held against
what the price did next.

- A checkpoint is resolved when met or missed (by evaluation or your mark), unresolved while
  pending, voided when its rule moved after you gave it (a goalpost: the outcome no longer tests
  what you forecast). Unresolved and voided ones are counted, never scored.
- The Brier score is the mean of (confidence − outcome)², outcome 1 for met and 0 for missed: 0
  is perfect, 0.25 what always saying 50% scores.
- The reliability table puts the resolved ones in bands of confidence (0–20%, ... 80–100%): each
  band's count, mean confidence and how many were met. Fewer than TOO_FEW resolved overall, or
  fewer than BAND_FEW in a band, is said to be too few to read a trend.
- Conviction: each note with a conviction, and the move over the CONVICTION_SPAN trading days
  after it (none where that many days are not stored yet), averaged by conviction."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..vocabulary import CONVICTIONS, Status

if TYPE_CHECKING:
    from collections.abc import Iterable

TOO_FEW = 20  # resolved forecasts under which no trend is read
BAND_FEW = 5  # in one band
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))
CONVICTION_SPAN = 90  # trading days after a note its conviction is measured over


class Forecast(NamedTuple):
    """A checkpoint's stated confidence and what became of it."""

    symbol: str
    checkpoint: str
    confidence: float
    status: str  # met, missed or pending
    voided: bool = False  # its rule moved after the confidence was given


class Band(NamedTuple):
    low: float
    high: float
    size: int
    mean_confidence: float | None
    met: int

    @property
    def hit_rate(self) -> float | None:
        return self.met / self.size if self.size else None


class Conviction(NamedTuple):
    """Notes at one conviction: how many, how many have CONVICTION_SPAN trading days after, and the
    mean move of the price over those days."""

    conviction: str
    notes: int
    measured: int
    mean_move: float | None


class Calibration(NamedTuple):
    resolved: int
    unresolved: int
    voided: int
    brier: float | None
    bands: tuple[Band, ...]
    conviction: tuple[Conviction, ...]

    @property
    def too_few(self) -> bool:
        return self.resolved < TOO_FEW


def calibrate(
    forecasts: Iterable[Forecast], moves: Iterable[tuple[str, float | None]] = ()
) -> Calibration:
    """The score of `forecasts`; `moves`: each note's conviction and the price's move after it
    (None: not measured yet)."""
    resolved: list[tuple[float, int]] = []
    unresolved = voided = 0
    for f in forecasts:
        if f.voided:
            voided += 1
        elif f.status in (Status.MET, Status.MISSED):
            resolved.append((f.confidence, int(f.status == Status.MET)))
        else:
            unresolved += 1
    brier = sum((p - o) ** 2 for p, o in resolved) / len(resolved) if resolved else None
    bands = []
    for i, (low, high) in enumerate(BANDS):
        last = i == len(BANDS) - 1
        inside = [(p, o) for p, o in resolved if low <= p < high or (last and p == high)]
        mean = sum(p for p, _ in inside) / len(inside) if inside else None
        bands.append(Band(low, high, len(inside), mean, sum(o for _, o in inside)))
    by: dict[str, list[float | None]] = {c: [] for c in CONVICTIONS}
    for conviction, move in moves:
        by.setdefault(conviction, []).append(move)
    rows = []
    for conviction, found in by.items():
        measured = [m for m in found if m is not None]
        mean = sum(measured) / len(measured) if measured else None
        rows.append(Conviction(conviction, len(found), len(measured), mean))
    return Calibration(len(resolved), unresolved, voided, brier, tuple(bands), tuple(rows))
