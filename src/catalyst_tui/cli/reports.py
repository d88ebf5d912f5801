"""The commands that report on what is stored, for people or as JSON, and never create a
database: check, positions, export, evidence, filings, status, estimates, changes,
report."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from .context import EXIT_FLAGGED, EXIT_OK, Context, utc_now
from .names import known_checkpoint, known_ticker, parse_target

if TYPE_CHECKING:
    from pathlib import Path


def cmd_check(ctx: Context) -> int:
    from ..jobs.evaluation import evaluate_checkpoints, local_today
    from .output.report import checkpoint_json, print_checkpoints

    config, store = ctx.synced_store(create=False)
    with contextlib.closing(store):
        now = utc_now()
        evaluate_checkpoints(config, store, now)
        records = store.views.checkpoints()
    today = local_today(config, now)
    ctx.report(lambda: checkpoint_json(records, today), lambda: print_checkpoints(records, today))
    return EXIT_FLAGGED if any(r.flagged for r in records) else EXIT_OK


def cmd_positions(ctx: Context) -> int:
    from ..jobs.evaluation import local_today
    from ..views.performance import dividends_received
    from ..views.watchlist import load_watchlist
    from .output.report import positions_json, print_positions
    from .output.waiting import waiting_said

    with ctx.reading() as (config, store):
        now = utc_now()
        watchlist = load_watchlist(
            store, local_today(config, now), currency=config.settings.currency
        )
        dividends = dividends_received(store, config.settings.currency)
        waiting = store.sync.written_in(config).waiting
    ctx.report(
        lambda: positions_json(watchlist, dividends), lambda: print_positions(watchlist, dividends)
    )
    for line in waiting_said(waiting):  # beside the JSON document, never in it
        (ctx.err if ctx.args.json else ctx.out)(line)
    return EXIT_OK


def cmd_performance(ctx: Context) -> int:
    from ..jobs.evaluation import local_today
    from ..views.performance import load_performance
    from .output.performance import performance_json, print_performance

    with ctx.reading() as (config, store):
        report = load_performance(store, config.settings.currency, local_today(config, utc_now()))
    ctx.report(lambda: performance_json(report), lambda: print_performance(report))
    return EXIT_OK


def cmd_export(ctx: Context) -> int:
    from ..jobs.evaluation import local_today
    from .output.export import export_rows, is_export, write_csv, write_json
    from .output_file import Kind, kept_files, written

    with ctx.reading() as (config, store):
        symbol = known_ticker("export", store, ctx.args.symbol)
        today = local_today(config, utc_now())
        columns, rows = export_rows(
            store, ctx.args.what, symbol=symbol, today=today, base=config.settings.currency
        )
        write = write_json if ctx.args.format == "json" else write_csv
        if not ctx.args.output:
            write(columns, rows, sys.stdout)
            return EXIT_OK
        form = ctx.args.format
        kind = Kind(f"a {form.upper()} export of {ctx.args.what}", is_export(columns, form))
        kept = kept_files(config.path, store.path)
        with written("export", ctx.args.output, kind, kept, force=ctx.args.force) as file:
            count = write(columns, rows, file)
    ctx.err(f"catalyst export: {count} {ctx.args.what} rows written to {ctx.args.output}")
    return EXIT_OK


def cmd_evidence(ctx: Context) -> int:
    from ..views.evidence_search import none_asked, searched, searched_text
    from .output.evidence import evidence_json, print_evidence

    if ctx.args.target in ("add", "accept", "dismiss", "reset") or ctx.args.document:
        from .thesis import DECISIONS, cmd_evidence_add, cmd_evidence_decide

        return (cmd_evidence_decide if ctx.args.target in DECISIONS else cmd_evidence_add)(ctx)
    target = ctx.args.target or ""
    symbol, checkpoint_id = parse_target(target) if "/" in target else (target, "")
    with ctx.reading() as (config, store):
        symbol = known_ticker("evidence", store, symbol)
        if symbol is not None and checkpoint_id:
            known_checkpoint("evidence", store, symbol, checkpoint_id)
        records = store.evidence.passages(
            symbol, checkpoint_id or None, include_dismissed=ctx.args.all
        )
        # None shown: what was searched for, in what (or that nothing asks for evidence).
        said = [] if records else searched(config, store, utc_now(), symbol, checkpoint_id)
        empty = [searched_text(s) for s in said] or [none_asked(symbol, checkpoint_id)]
    ctx.report(
        lambda: evidence_json(records, with_dismissed=ctx.args.all),
        lambda: print_evidence(records, empty),
    )
    return EXIT_OK


def cmd_filings(ctx: Context) -> int:
    from ..views.health import sec_state
    from .output.evidence import filings_json, print_filings

    with ctx.reading() as (config, store):
        symbol = known_ticker("filings", store, ctx.args.symbol)
        records = store.evidence.filings(symbol, limit=-1)
        why = "" if records else sec_state(config, store, utc_now())
    ctx.report(lambda: filings_json(records), lambda: print_filings(records, symbol, why))
    return EXIT_OK


def cmd_status(ctx: Context) -> int:
    from .output.status import build_status, fitted, status_json, status_lines
    from .output.tables import line_width

    config = ctx.load_config()
    now = utc_now()
    with contextlib.closing(ctx.open_store(config, create=False, write=False)) as store:
        status = build_status(config, store, now)
    daemon = _daemon_unit(ctx, config.path)

    def data() -> object:
        return {**status_json(status), "daemon": daemon}

    def show() -> None:
        lines = status_lines(status, now)
        if daemon is not None:
            state = "installed" if daemon["installed"] else "not installed"
            lines.append(f"daemon: {daemon['unit']} {state} ({daemon['path']})")
        width = line_width()  # a terminal's: broken between words; a pipe's: whole
        ctx.out("\n".join(lines if width is None else fitted(lines, width)))

    ctx.report(data, show)
    return EXIT_OK


def _daemon_unit(ctx: Context, config: Path | None) -> dict[str, object] | None:
    """This file's daemon unit (cli/service.py: one a catalysts.toml), and whether it is there."""
    from ..paths import named_database
    from . import service
    from .logs import log_file

    if config is None:
        return None
    argv = service.daemon_argv(config, named_database(ctx.args.db))
    try:
        unit = service.service_for(argv, log_file().parent)
    except service.ServiceError:
        return None
    return {"unit": unit.name, "path": str(unit.path), "installed": unit.path.exists()}


def cmd_estimates(ctx: Context) -> int:
    from ..views.estimates import load_estimates
    from .output.estimates import estimates_json, print_estimates

    with ctx.reading() as (config, store):
        symbol = known_ticker("estimates", store, ctx.args.symbol)
        symbols = [symbol] if symbol else store.views.active_symbols()
        rows = load_estimates(store, symbols, utc_now(), config.settings.currency)
    ctx.report(lambda: estimates_json(rows), lambda: print_estimates(rows))
    return EXIT_OK


def cmd_kpis(ctx: Context) -> int:
    from ..views.kpis import load_all_kpis
    from .output.kpis import kpis_json, print_kpis

    if ctx.args.symbol in ("accept", "dismiss", "reset") or ctx.args.ids:
        from .thesis import cmd_kpis_decide

        return cmd_kpis_decide(ctx)
    with ctx.reading() as (_config, store):
        symbol = known_ticker("kpis", store, ctx.args.symbol)
        symbols = [symbol] if symbol else store.views.active_symbols()
        views = load_all_kpis(store, symbols, dismissed=ctx.args.all)
    ctx.report(lambda: kpis_json(views), lambda: print_kpis(views))
    return EXIT_OK


def cmd_review(ctx: Context) -> int:
    from ..views.review import load_review
    from .output.review import review_json, review_lines

    with ctx.reading() as (config, store):
        symbol = known_ticker("review", store, ctx.args.symbol)
        review = load_review(store, symbol, now=utc_now(), base=config.settings.currency)
    lines = review_lines(review, journal=symbol is not None)
    ctx.report(lambda: review_json(review), lambda: ctx.out("\n".join(lines)))
    return EXIT_OK


def cmd_changes(ctx: Context) -> int:
    from ..jobs.evaluation import user_zone
    from ..views.changes import load_changes
    from .output.changes import change_lines, changes_json, since_moment

    now = utc_now()
    with ctx.reading() as (config, store):
        since = since_moment(ctx.args.since, now, config.path, user_zone(config))
        changes = load_changes(store, since)

    def show() -> None:
        for line in change_lines(changes, since):
            ctx.out(line)

    ctx.report(lambda: changes_json(changes), show)
    return EXIT_OK


def cmd_report(ctx: Context) -> int:
    from ..jobs.evaluation import local_today
    from ..views.report import load_report
    from .output.thesis_report import HTML_MARK, MARKDOWN_MARK, report_html, report_markdown
    from .output_file import Kind, kept_files, written

    with ctx.reading() as (config, store):
        symbol = known_ticker("report", store, ctx.args.symbol)
        assert symbol is not None  # a required argument
        now = utc_now()
        report = load_report(store, symbol, now, local_today(config, now), config.settings.currency)
    html = ctx.args.format == "html"
    text = report_html(report) if html else report_markdown(report)
    if not ctx.args.output:
        sys.stdout.write(text)
        return EXIT_OK
    mark = (HTML_MARK if html else MARKDOWN_MARK).encode()
    kind = Kind(f"{'an HTML' if html else 'a Markdown'} report", lambda head: mark in head)
    kept = kept_files(config.path, store.path)
    with written("report", ctx.args.output, kind, kept, force=ctx.args.force) as file:
        file.write(text)
    ctx.err(f"catalyst report: {symbol} written to {ctx.args.output}")
    return EXIT_OK
