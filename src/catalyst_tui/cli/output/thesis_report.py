"""`catalyst report SYMBOL`: a ticker's report (views/report.py) as Markdown or as one
self-contained HTML file: its CSS inline, the chart an inline SVG, no script, no address it
fetches when opened (a passage's link is written as text, not as a link to follow). Every text
from the file or a provider is escaped for HTML (html.escape) and stripped of what could command
a terminal (text.printable) for Markdown."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from ...text import printable
from ...views.kpis import stated_text
from .svg_chart import svg_chart

if TYPE_CHECKING:
    from ...store.records import EvidenceRecord
    from ...views.kpis import KpiPoint, KpiSeries
    from ...views.report import ThesisReport

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; color: #222; }
h1 { margin-bottom: 0; } .made { color: #666; margin-top: 0.2rem; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd;
padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
blockquote { border-left: 3px solid #bbb; margin: 0.5rem 0; padding-left: 0.8rem; }
.link { color: #555; font-size: 0.85rem; word-break: break-all; }
"""
# What each report says of itself at its head: `catalyst report -o` replaces a file that holds
# it without --force (cli/output_file.py), and no other.
HTML_MARK = '<meta name="generator" content="catalyst report">'
MARKDOWN_MARK = "<!-- written by catalyst report -->"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")  # markup anywhere in a line: escaped


def _md(text: str) -> str:
    """One line of Markdown: no control characters, its markup characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", printable(text))


def _h(text: str) -> str:
    return escape(printable(text))


KPIS_INTRO = "Read from words in the releases, calls and filings: each series' newest outcome and"
KPIS_INTRO += " newest forecast, with the sentence that states it."


def _newest(series: KpiSeries) -> list[tuple[str, KpiPoint]]:
    """A series' newest outcome and newest forecast, each that it has."""
    points = (("outcome", series.newest_outcome), ("forecast", series.newest_forecast))
    return [(word, point) for word, point in points if point is not None]


def _kpis_markdown(r: ThesisReport) -> list[str]:
    out = ["", "## KPIs", "", KPIS_INTRO, ""]
    for series in r.kpis:
        out.append(f"- **{_md(series.title)}**")
        for word, point in _newest(series):
            out += [
                f"  - {word}: {_md(stated_text(point))}",
                f"    > {_md(point.kpi.sentence)}",
                f"    {_md(point.stated.url)}",
            ]
    return out


def _kpis_html(r: ThesisReport) -> list[str]:
    out = ["<h2>KPIs</h2>", f"<p>{_h(KPIS_INTRO)}</p>"]
    for series in r.kpis:
        out += [f"<p><strong>{_h(series.title)}</strong></p>", "<ul>"]
        for word, point in _newest(series):
            out.append(
                f"<li>{word}: {_h(stated_text(point))}"
                f"<blockquote>{_h(point.kpi.sentence)}</blockquote>"
                f'<p class="link">{_h(point.stated.url)}</p></li>'
            )
        out.append("</ul>")
    return out


NO_PASSAGE = "No passage of evidence has been found."


def _passage_markdown(p: EvidenceRecord) -> list[str]:
    """A passage as a list item: its checkpoint and document, the passage quoted, its link."""
    said = f"{_md(p.document.title or p.document.form)} ({p.document.day.isoformat()})"
    return [
        f"- **{_md(p.checkpoint_title)}**: {said}",
        f"  > {_md(p.passage)}",
        f"  {_md(p.document.url)}",
    ]


def _passage_html(p: EvidenceRecord) -> list[str]:
    said = f"{_h(p.document.title or p.document.form)} ({p.document.day.isoformat()})"
    head = f"<p><strong>{_h(p.checkpoint_title)}</strong>: {said}</p>"
    return [
        head,
        f"<blockquote>{_h(p.passage)}</blockquote>",
        f'<p class="link">{_h(p.document.url)}</p>',
    ]


def report_markdown(r: ThesisReport) -> str:
    out = [
        MARKDOWN_MARK,
        f"# {_md(r.symbol)}: {_md(r.name)}",
        "",
        f"Report made {r.made.strftime('%Y-%m-%d %H:%M UTC')}.",
        "",
    ]
    if r.thesis:
        out += [f"> {_md(r.thesis)}", ""]
    if r.verdict:
        out += [f"**Verdict: {_md(r.verdict[0])}**", ""]
        out += [f"- {_md(reason)}" for reason in r.verdict[1:]] + ([""] if r.verdict[1:] else [])
    out += ["## Thesis", "", "| Checkpoint | Status | Value | Source |", "|---|---|---|---|"]
    out += [
        f"| {_md(c.title)} | {_md(c.status)} | {_md(c.value) or '—'} | {_md(c.source) or '—'} |"
        for c in r.checkpoints
    ]
    out += ["", "## Evidence", ""]
    out += [line for p in r.passages for line in _passage_markdown(p)] or [NO_PASSAGE]
    out += ["", "## Latest release", ""]
    if r.release is None:
        out.append("No earnings release has been read.")
    else:
        out.append(f"{_md(r.release.quarter or 'Release')} filed {r.release.filed.isoformat()}:")
        out += [f"- {_md(line)}" for line in r.release.lines]
        out.append(f"- {_md(r.release.url)}")
    if r.kpis:
        out += _kpis_markdown(r)
    out += ["", "## Position", ""]
    out += [f"- {_md(line)}" for line in r.position] or ["No position is held."]
    out += ["", "## Journal", ""]
    out += [f"- {_md(note)}" for note in r.journal] or ["No note in the journal."]
    if r.replay:
        out += ["", "## Replay", "", *(f"- {_md(line)}" for line in r.replay)]
    out += ["", "## Timeline", ""]
    out += [f"- {e.day.isoformat()}: {_md(e.text)}" for e in r.events] or ["No event yet."]
    if r.closes:
        (first, a), (last, b) = r.closes[0], r.closes[-1]
        out += ["", f"Closes from {first.isoformat()} ({a:,.2f}) to {last.isoformat()} ({b:,.2f})."]
    return "\n".join(out) + "\n"


def report_html(r: ThesisReport) -> str:
    title = f"{r.symbol}: {r.name}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        HTML_MARK,
        f"<title>{_h(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_h(title)}</h1>",
        f'<p class="made">Report made {r.made.strftime("%Y-%m-%d %H:%M UTC")}</p>',
    ]
    if r.thesis:
        out.append(f"<blockquote>{_h(r.thesis)}</blockquote>")
    if r.verdict:
        out.append(f"<p><strong>Verdict: {_h(r.verdict[0])}</strong></p>")
        out += ["<ul>", *(f"<li>{_h(reason)}</li>" for reason in r.verdict[1:]), "</ul>"]
    out += [
        "<h2>Thesis</h2>",
        "<table>",
        "<tr><th>Checkpoint</th><th>Status</th><th>Value</th><th>Source</th></tr>",
    ]
    out += [
        f"<tr><td>{_h(c.title)}</td><td>{_h(c.status)}</td><td>{_h(c.value) or '—'}</td>"
        f"<td>{_h(c.source) or '—'}</td></tr>"
        for c in r.checkpoints
    ]
    out += ["</table>", "<h2>Evidence</h2>"]
    out += [line for p in r.passages for line in _passage_html(p)] or [f"<p>{NO_PASSAGE}</p>"]
    out.append("<h2>Latest release</h2>")
    if r.release is None:
        out.append("<p>No earnings release has been read.</p>")
    else:
        head = f"{r.release.quarter or 'Release'} filed {r.release.filed.isoformat()}"
        out += [f"<p>{_h(head)}</p>", "<ul>"]
        out += [f"<li>{_h(line)}</li>" for line in r.release.lines]
        out += ["</ul>", f'<p class="link">{_h(r.release.url)}</p>']
    if r.kpis:
        out += _kpis_html(r)
    out.append("<h2>Position</h2>")
    out += [f"<p>{_h(line)}</p>" for line in r.position] or ["<p>No position is held.</p>"]
    out.append("<h2>Journal</h2>")
    out += [f"<p>{_h(note)}</p>" for note in r.journal] or ["<p>No note in the journal.</p>"]
    if r.replay:
        out += ["<h2>Replay</h2>", "<ul>", *(f"<li>{_h(line)}</li>" for line in r.replay), "</ul>"]
    out.append("<h2>Price and timeline</h2>")
    out.append(
        svg_chart(
            r.closes,
            [(e.day, printable(e.text)) for e in r.events],
            f"{printable(r.symbol)} daily closes",
        )
    )
    out.append("<ul>")
    out += [f"<li>{e.day.isoformat()}: {_h(e.text)}</li>" for e in r.events]
    out += ["</ul>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
