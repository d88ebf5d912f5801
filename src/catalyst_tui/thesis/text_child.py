"""A document's text read as catalyst reads it, in a child process (`python -P -m
catalyst_tui.thesis.text_child`), which jobs/text_reader.py starts, keeps for the next texts and
stops at a text's time limit: the sentences that match a ticker's evidence entries
(thesis/evidence/passages.py) and the KPIs its conditions name (thesis/kpis/statements.py). A
text that cannot be read within its limit is known before it is stored (a document brought,
a feed's item), so no later command reads it again: a thread reading it could not be stopped.

Each text asked, on stdin:

- the seconds the child may take over it (one line), the evidence entries, the KPI subjects,
  the company's names and its ticker (one line of JSON: {"entries": [...], "subjects": [...],
  "names": [...], "symbol": "ALAB"}), the text's length in bytes (one line), then the text in
  UTF-8;

and on stdout, its answer: a JSON object, after its length (reading/serving.py, the child's side
every kept reader shares): how many passages and KPIs it gave ({"passages": 2, "kpis": 1})."""

from __future__ import annotations

import json
import sys
from typing import BinaryIO

from ..reading.serving import serve_each


def serve(stdin: BinaryIO, stdout: BinaryIO) -> int:
    """Read each text asked on `stdin` and answer it on `stdout`, until stdin ends."""
    from .evidence.passages import EntryError, Matcher, parse_entry
    from .kpis.statements import read_kpis

    def answer(said: list[bytes], body: bytes) -> bytes:
        asked = json.loads(said[0])
        text = body.decode("utf-8", "replace")
        entries = []
        for written in asked.get("entries", []):
            try:
                entries.append(parse_entry(written))
            except EntryError:
                continue  # validation refused it in the file: it matches nothing
        passages = Matcher(text).find(entries) if entries else []
        subjects = [str(s) for s in asked.get("subjects", [])]
        names = [str(n) for n in asked.get("names", [])]
        symbol = str(asked.get("symbol", ""))
        kpis = read_kpis(text, subjects, names=names, symbol=symbol) if asked.get("kpis") else ()
        return json.dumps({"passages": len(passages), "kpis": len(kpis)}).encode()

    return serve_each(stdin, stdout, "text", 1, answer)


if __name__ == "__main__":
    sys.exit(serve(sys.stdin.buffer, sys.stdout.buffer))
