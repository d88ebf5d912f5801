"""The evaluation cycle shared by `catalyst refresh`, `check`, the daemon and the TUI: evaluate
the stored data and record the transitions (and their outbox rows), each pending target's best
forecast, then each ticker's verdict and its changes (and theirs); delivery is notify's."""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo
from typing import TYPE_CHECKING

from ..market.registry import SEC
from ..text import counted
from ..thesis.kinds import KINDS
from ..thesis.reported.forecast import Forecast, target_forecast
from ..thesis.verdict import judge
from ..thesis.vocabulary import VERDICT, Status

if TYPE_CHECKING:
    from ..config import Config
    from ..store import Store
    from ..store.verdicts import VerdictEvent
    from ..thesis.judgement import CheckpointState, Evaluation
    from ..thesis.snapshot import MarketSnapshot

log = logging.getLogger(__name__)


def user_zone(config: Config) -> dt.tzinfo:
    """[settings].timezone, else the machine's local zone."""
    if config.settings.timezone:
        return zoneinfo.ZoneInfo(config.settings.timezone)
    local = dt.datetime.now().astimezone().tzinfo
    return local or dt.UTC


def local_today(config: Config, now: dt.datetime) -> dt.date:
    return now.astimezone(user_zone(config)).date()


def evaluate_checkpoints(
    config: Config, store: Store, now: dt.datetime, *, by_hand: bool = False
) -> list[Evaluation]:
    """Evaluate every active checkpoint on stored data and record the outcome; the
    evaluations whose status changed are returned (not notified when your word `by_hand`
    changed them: you know)."""
    checkpoints, snapshot = store.checkpoints.evaluation_inputs(
        now, sec_configured=bool(config.providers.of(SEC).user_agent), base=config.settings.currency
    )
    from ..thesis.evaluate import evaluate  # the metrics: loaded by the first evaluation

    evaluations = evaluate(checkpoints, snapshot, local_today(config, now))
    notify = () if by_hand else config.settings.notify
    recorded = store.checkpoints.record(evaluations, now, notify=notify)
    store.verdicts.save_forecasts(target_forecasts(checkpoints, evaluations, snapshot))
    changed = [e for e in evaluations if e.changed]
    if changed:
        log.info(
            "%s, %d recorded: %s",
            counted(len(changed), "transition"),
            len(recorded),
            ", ".join(f"{e.symbol}/{e.checkpoint_id} {e.previous}->{e.status}" for e in changed),
        )
    record_verdicts(config, store, now, by_hand=by_hand)
    return changed


def target_forecasts(
    checkpoints: list[CheckpointState], evaluations: list[Evaluation], snap: MarketSnapshot
) -> list[tuple[str, str, Forecast | None]]:
    """Each target's best forecast while it is pending with a due date
    (thesis/reported/forecast.py),
    None once it is decided: what the verdict's `target_behind` reads."""
    out: list[tuple[str, str, Forecast | None]] = []
    forecasting = {str(kind) for kind, row in KINDS.items() if row.forecast}
    for c, e in zip(checkpoints, evaluations, strict=True):
        if c.kind not in forecasting:
            continue
        found = None
        if e.status == Status.PENDING and c.due is not None and c.condition is not None:
            found = target_forecast(c.symbol, snap, c.condition, c.due)
        out.append((c.symbol, c.id, found))
    return out


def record_verdicts(
    config: Config, store: Store, now: dt.datetime, *, by_hand: bool = False
) -> list[VerdictEvent]:
    """Judge every active ticker on its checkpoints as stored and keep the verdicts; the changes
    (notified when `notify` has "verdict", unless a mark `by_hand` made them: you know)."""
    verdicts = [judge(symbol, s) for symbol, s in store.verdicts.standings().items()]
    from ..notify.wording import verdict_notice

    notice = verdict_notice if VERDICT in config.settings.notify and not by_hand else None
    changes = store.verdicts.record(verdicts, now, notice=notice)
    if changes:
        log.info(
            "%s: %s",
            counted(len(changes), "verdict change"),
            ", ".join(f"{c.symbol} {c.previous}->{c.verdict}" for c in changes),
        )
    return changes
