"""EDGAR's SGML envelope around a filing's documents (`<DOCUMENT><TYPE>10-Q ... <XBRL>...</XBRL>`,
as a full submission or one document of it is served): the XBRL inside taken out, the instance
(inline or XML) and, when the envelope holds it, the label linkbase."""

from __future__ import annotations

import re

from .errors import XbrlFormatError

__all__ = ["unwrap"]

_ENVELOPE = re.compile(rb"\s*<(?:SEC-DOCUMENT|SEC-HEADER|DOCUMENT|IMS-DOCUMENT)>", re.IGNORECASE)
_PART = re.compile(rb"<XBRL>(.*?)</XBRL>", re.IGNORECASE | re.DOTALL)
_CONTEXT = re.compile(rb"<(?:\w+:)?context\b")
_LABELS = re.compile(rb"<(?:\w+:)?labelLink\b")


def unwrap(document: bytes, labels: bytes | None) -> tuple[bytes, bytes | None]:
    """`document`'s XBRL instance and `labels` (else the envelope's label linkbase): the bytes
    as given when they are not in an EDGAR envelope."""
    if not _ENVELOPE.match(document[:256]):
        return document, labels
    instance = None
    for part in _PART.finditer(document):
        body = part.group(1).strip()
        if instance is None and _CONTEXT.search(body):
            instance = body
        elif labels is None and _LABELS.search(body):
            labels = body
    if instance is None:
        raise XbrlFormatError(
            "an EDGAR document without an XBRL instance in it (no <XBRL> part "
            "with contexts): its XBRL is filed beside it"
        )
    return instance, labels
