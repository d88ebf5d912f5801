"""The form of a document the user brings to a ticker's evidence (the Evidence pane's `a`): where
it is (a file's path or an http(s) URL), the day it is of, its title. Checked as typed (a path
that is no file, a date that is none); saved, it is dismissed with the values, and the app reads
the document in a thread (jobs/documents.py), so a PDF or a slow site never holds the screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from .forms import Field, FormScreen


class DocumentWanted(NamedTuple):
    symbol: str
    where: str
    day: dt.date | None
    title: str


class DocumentForm(FormScreen):
    def __init__(self, symbol: str) -> None:
        fields = [
            Field("where", "File or URL", placeholder="e.g. ~/Downloads/alab-q4-call.pdf"),
            Field("day", "Day it is of", placeholder="optional, YYYY-MM-DD: defaults to today"),
            Field("title", "Title", placeholder="optional: defaults to the file's name"),
        ]
        super().__init__(
            f"Add a document to {symbol}'s evidence",
            fields,
            check=document_errors,
            submit=lambda _values: None,
            note="A call transcript, a deck, a release: HTML, plain text or PDF. Its sentences "
            "that match the checkpoints' evidence entries are kept, with it as their source.",
            form_id="document-form",
        )
        self.symbol = symbol

    def result(self) -> DocumentWanted:
        values = self.values()
        day = values["day"].strip()
        return DocumentWanted(
            self.symbol,
            values["where"].strip(),
            dt.date.fromisoformat(day) if day else None,
            values["title"].strip(),
        )


def document_errors(values: dict[str, str]) -> dict[str, str]:
    """What is wrong with the form's fields, by field."""
    errors: dict[str, str] = {}
    where = values.get("where", "").strip()
    if not where:
        errors["where"] = "the path of a file, or an http(s) URL"
    elif urlsplit(where).scheme not in ("http", "https") and not Path(where).expanduser().is_file():
        errors["where"] = "no such file (a URL starts with https://)"
    day = values.get("day", "").strip()
    if day:
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            errors["day"] = f"{day!r} is not a date (write YYYY-MM-DD)"
    return errors
