"""The commands on the thesis itself: validate the file, mark a checkpoint by hand, acknowledge
flags, add a document as evidence, accept or dismiss a passage."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from ..text import counted
from ..thesis.wording import marked_text
from .context import EXIT_OK, CommandError, Context, utc_now
from .names import known_checkpoint, known_ticker, parse_target, unknown_checkpoint

if TYPE_CHECKING:
    from ..config import Config


def cmd_validate(ctx: Context) -> int:
    config = ctx.load_config()
    if config.channels:
        _validate_channels(ctx, config)
    checkpoints = sum(len(t.checkpoints) for t in config.tickers.values())
    lots = sum(len(t.lots) for t in config.tickers.values())
    counts = ", ".join(
        counted(n, noun)
        for n, noun in ((len(config.tickers), "ticker"), (checkpoints, "checkpoint"), (lots, "lot"))
    )
    ctx.out(f"{config.path}: ok: {counts}")
    return EXIT_OK


def _validate_channels(ctx: Context, config: Config) -> None:
    """Each channel's URL as it will be read (from the file, its variable or its file): an
    unset variable is said (this shell's environment is not the daemon's); a URL Apprise does
    not know, a secrets file others may read, a link-local address refuse the file."""
    import os

    from ..notify.remote import configured_channels, unknown_schemes

    usable, problems = configured_channels(config)
    problems.update(unknown_schemes(usable))
    unset = {
        name
        for name, settings in config.channels.items()
        if settings.url_env and not os.environ.get(settings.url_env, "").strip()
    }
    for name in config.channels:
        if name in unset:
            ctx.err(f"{config.path}: note: {problems[name]} here")
    refused = [problems[n] for n in config.channels if n in problems and n not in unset]
    if refused:
        raise CommandError("\n".join(f"{config.path}: {why}" for why in refused))


def cmd_mark(ctx: Context) -> int:
    from ..jobs.evaluation import record_verdicts

    symbol, checkpoint_id = parse_target(ctx.args.target)
    config, store = ctx.synced_store()
    with contextlib.closing(store):
        now = utc_now()
        marked = store.checkpoints.mark(symbol, checkpoint_id, ctx.args.status, ctx.args.note, now)
        if not marked:
            raise CommandError(unknown_checkpoint("mark", store, symbol, checkpoint_id))
        record_verdicts(config, store, now, by_hand=True)  # the verdict your mark made: not news
    ctx.out(f"{symbol}/{checkpoint_id}: {marked_text(ctx.args.status)}")
    return EXIT_OK


def cmd_note(ctx: Context) -> int:
    from ..thesis.journal import note_error

    text = " ".join(ctx.args.text).strip()
    action, conviction = ctx.args.action, ctx.args.conviction
    error = note_error(text, action, conviction)
    if error is not None:
        raise CommandError(f"catalyst note: {error}")
    _config, store = ctx.synced_store()
    with contextlib.closing(store):
        symbol = known_ticker("note", store, ctx.args.symbol) or ""
        entry = store.journal.add(symbol, text, utc_now(), action=action, conviction=conviction)
    tags = f" ({entry.tags})" if entry.tags else ""
    ctx.out(f"{symbol}: noted in its journal{tags}")
    return EXIT_OK


def cmd_ack(ctx: Context) -> int:
    targets = [parse_target(t) for t in ctx.args.targets]
    _config, store = ctx.synced_store()
    with contextlib.closing(store):
        if not targets and not ctx.args.all:
            for r in store.views.checkpoints():
                if r.flagged:
                    ctx.out(f"flagged: {r.symbol}/{r.id}  {r.title}")
            ctx.out("acknowledge with: catalyst ack SYMBOL/ID ... or catalyst ack --all")
            return EXIT_OK
        for symbol, checkpoint_id in targets:
            known_checkpoint("ack", store, symbol, checkpoint_id)
        cleared = store.checkpoints.acknowledge(targets or None, utc_now())
    ctx.out(f"acknowledged {counted(cleared, 'flag')}")
    return EXIT_OK


def cmd_evidence_add(ctx: Context) -> int:
    """`catalyst evidence add SYMBOL PATH|URL [--date D] [--title T]` (jobs/documents.py)."""
    from ..jobs.documents import DocumentProblem, add_document
    from ..jobs.evaluation import user_zone
    from .output.evidence import evidence_json, print_added
    from .spans import day_of

    words = ctx.args.document
    if ctx.args.target != "add" or len(words) != 2:
        raise CommandError(
            "catalyst evidence: to add a document write `catalyst evidence add "
            "SYMBOL PATH|URL [--date YYYY-MM-DD] [--title TEXT]`"
        )
    said = ctx.args.date
    if said:  # its shape and range refused before anything is opened; its day in your zone after
        day_of("evidence add", "--date", said, utc_now())
    config, store = ctx.synced_store()
    with contextlib.closing(store):
        day = day_of("evidence add", "--date", said, utc_now(), user_zone(config)) if said else None
        symbol = known_ticker("evidence add", store, words[0]) or words[0]
        try:
            added = asyncio.run(
                add_document(
                    store, config, symbol, words[1], utc_now(), day=day, title=ctx.args.title
                )
            )
        except DocumentProblem as why:
            raise CommandError(f"catalyst evidence add: {why}") from None
    ctx.report(lambda: evidence_json(added.passages), lambda: print_added(symbol, added))
    return EXIT_OK


#: `catalyst evidence WORD ID...`: your word on passages (store/evidence.py), and what it did.
DECISIONS = {"accept": "accepted", "dismiss": "dismissed", "reset": "reset: undecided"}


def cmd_evidence_decide(ctx: Context) -> int:
    """`catalyst evidence accept|dismiss|reset ID...`: every ID checked before any is changed;
    the verdicts then recorded as your mark's are (yours: not notified)."""
    from ..jobs.evaluation import record_verdicts
    from ..thesis.evidence.stance import shown, stance_text
    from ..thesis.verdict import judge
    from .output.evidence import evidence_json

    word = ctx.args.target
    command = f"evidence {word}"
    if not ctx.args.document:
        raise CommandError(
            f"catalyst {command}: which passage? write `catalyst {command} ID` (the IDs are "
            "the ID column of `catalyst evidence`, passage_id in its --json)"
        )
    ids = [_passage_id(command, text) for text in ctx.args.document]
    config, store = ctx.synced_store(create=False)
    with contextlib.closing(store):
        found = {r.id for r in store.evidence.passages_by_id(ids)}
        _all_known(command, ids, found, "passage", "evidence")
        now = utc_now()
        changed = {i for i in dict.fromkeys(ids) if store.evidence.decide(i, word, now)}
        record_verdicts(config, store, now, by_hand=True)  # your word: not news
        records = store.evidence.passages_by_id(ids)
        symbols = dict.fromkeys(r.symbol for r in records)
        standings = store.verdicts.standings()
        verdicts = [judge(s, standings[s]) for s in symbols if s in standings]
    lines = []
    for r in records:
        did = DECISIONS[word] if r.id in changed else f"already {DECISIONS[word]}"
        stance = stance_text(shown(r.passage, r.accepted_stance))
        lines.append(
            f"passage {r.id} {did}: {r.symbol}/{r.checkpoint_id} ({stance}) "
            f"{r.document.label} — “{r.passage}”"
        )
    lines += [f"{v.symbol}: {v.verdict}" for v in verdicts]
    ctx.report(
        lambda: evidence_json(records, with_dismissed=True), lambda: ctx.out("\n".join(lines))
    )
    return EXIT_OK


#: The largest row ID SQLite stores (a signed 64-bit integer): a larger number names no passage.
MAX_PASSAGE_ID = 2**63 - 1


def _all_known(command: str, ids: list[int], found: set[int], what: str, listing: str) -> None:
    """Every ID given names a row of the database, or nothing changes: one sentence, exit 2."""
    unknown = [str(i) for i in ids if i not in found]
    if unknown:
        raise CommandError(
            f"catalyst {command}: no {what} {', '.join(unknown)} in the database (`catalyst "
            f"{listing} --all` lists every {what.split()[-1]} with its ID); nothing changed"
        )


def _passage_id(command: str, text: str, what: str = "passage", listed: str = "evidence") -> int:
    """The ID of a passage (or of a KPI statement, `what`, listed by `catalyst kpis`)."""
    if not text.isdigit() or not text.isascii():
        raise CommandError(
            f"catalyst {command}: “{text}” is no {what} ID: the IDs are the numbers in the ID "
            f"column of `catalyst {listed}` ({'passage_id' if what == 'passage' else 'id'} in "
            "its --json)"
        )
    if len(text.lstrip("0")) > len(str(MAX_PASSAGE_ID)) or int(text) > MAX_PASSAGE_ID:
        raise CommandError(
            f"catalyst {command}: “{text[:40]}{'…' if len(text) > 40 else ''}” is no {what} "
            f"ID: an ID is at most {MAX_PASSAGE_ID} (the IDs are the ID column of "
            f"`catalyst {listed}`)"
        )
    return int(text)


def cmd_kpis_decide(ctx: Context) -> int:
    """`catalyst kpis accept|dismiss|reset ID...`: your word on KPI statements read from words,
    every ID checked before any is changed; the checkpoints judged again (a dismissed statement
    judges nothing) and the verdicts recorded as your mark's are (yours: not notified)."""
    from ..jobs.evaluation import evaluate_checkpoints
    from ..store.kpis import WORDS
    from ..thesis.kpis.metrics import as_said, where
    from ..thesis.verdict import judge
    from .output.kpis import decided_json

    word = ctx.args.symbol or ""
    if word not in WORDS:
        raise CommandError(
            f"catalyst kpis: “{word}” is no word on a statement: write `catalyst kpis accept ID`"
            ", `dismiss ID` or `reset ID` (the IDs are the ID column of `catalyst kpis`)"
        )
    command = f"kpis {word}"
    if not ctx.args.ids:
        raise CommandError(
            f"catalyst {command}: which statement? write `catalyst {command} ID` (the IDs are "
            "the ID column of `catalyst kpis`, id in its --json)"
        )
    ids = [_passage_id(command, text, "statement", "kpis") for text in ctx.args.ids]
    config, store = ctx.synced_store(create=False)
    with contextlib.closing(store):
        found = {s.kpi_id for _, s in store.kpis.statements(ids)}
        _all_known(command, ids, found, "KPI statement", "kpis")
        now = utc_now()
        changed = {i for i in dict.fromkeys(ids) if store.kpis.decide(i, word, now)}
        evaluate_checkpoints(config, store, now, by_hand=True)  # your word: not news
        statements = store.kpis.statements(ids)
        symbols = dict.fromkeys(symbol for symbol, _ in statements)
        standings = store.verdicts.standings()
        verdicts = [judge(s, standings[s]) for s in symbols if s in standings]
    lines = []
    for symbol, stated in statements:
        did = WORDS[word] if stated.kpi_id in changed else f"already {WORDS[word]}"
        lines.append(
            f"KPI statement {stated.kpi_id} {did}: {symbol} {stated.kpi.kind} "
            f"{stated.kpi.subject or ''} {as_said(stated)} ({where(stated, symbol)}) — "
            f"“{stated.kpi.sentence}”".replace("  ", " ")
        )
    lines += [f"{v.symbol}: {v.verdict}" for v in verdicts]
    ctx.report(lambda: decided_json(statements), lambda: ctx.out("\n".join(lines)))
    return EXIT_OK
