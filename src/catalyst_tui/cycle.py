"""The thesis cycle shared by `catalyst refresh`, `check`, the daemon and the TUI: evaluate the
stored data, record transitions (and their outbox rows), then deliver notifications."""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo

from .config import Config
from .store import Store
from .thesis.evaluate import Evaluation, evaluate

log = logging.getLogger(__name__)


def user_zone(config: Config) -> dt.tzinfo:
    """[settings].timezone, else the machine's local zone."""
    if config.settings.timezone:
        return zoneinfo.ZoneInfo(config.settings.timezone)
    local = dt.datetime.now().astimezone().tzinfo
    return local or dt.UTC


def local_today(config: Config, now: dt.datetime) -> dt.date:
    return now.astimezone(user_zone(config)).date()


def evaluate_stored(config: Config, store: Store, now: dt.datetime) -> list[Evaluation]:
    """Evaluate every active checkpoint on stored data and record the outcome; the
    evaluations whose status changed (and were recorded by this process) are returned."""
    checkpoints, snapshot = store.evaluation_inputs(
        now, sec_configured=bool(config.providers.sec.user_agent)
    )
    evaluations = evaluate(checkpoints, snapshot, local_today(config, now))
    recorded = store.record_evaluations(evaluations, now, notify=config.settings.notify)
    changed = [e for e in evaluations if e.changed]
    if changed:
        log.info(
            "%d transition(s), %d recorded: %s",
            len(changed),
            len(recorded),
            ", ".join(f"{e.symbol}/{e.checkpoint_id} {e.previous}->{e.status}" for e in changed),
        )
    return changed
