"""What a channel's service answered, in catalyst's words (the child's report of one send,
notify/send_child.py): an e-mail server's reply with its code and text ("the mail server
answered 451 4.3.0 mailbox busy"), an HTTP service's status and its first words ("the service
answered 200 OK: {"id":...}"), a connection that failed said as catalyst says it for a provider
("its name could not be looked up (no network, or no DNS)"), and Apprise's own last line where
nothing better is known. The caller takes the URL's secrets out."""

from __future__ import annotations

from typing import Any

from ..text import printable
from .send_child import ANSWER_CAP

#: What a failed connection's own text means, in the words the providers' failures use
#: (market/http/transport.py).
CONNECT_WORDS = (
    (
        (
            "name or service not known",
            "temporary failure in name",
            "nodename nor servname",
            "failed to resolve",
            "getaddrinfo failed",
            "no address associated",
        ),
        "its name could not be looked up (no network, or no DNS)",
    ),
    (("connection refused",), "the connection was refused (nothing listens there)"),
    (("network is unreachable", "no route to host"), "the network is unreachable"),
    (("timed out", "timeout"), "no answer in time"),
    (("ssl", "certificate", "tls"), "the secure connection could not be set up"),
)
ANSWER_SHOWN = 120  # characters of a service's own words shown


def answer_words(said: dict[str, Any], shown: str) -> str:
    """The one sentence that says what happened to a send (`said`: the child's report)."""
    sent = bool(said.get("sent"))
    replies = [r for r in said.get("smtp") or [] if isinstance(r, list) and len(r) == 2]
    if replies:
        picked = [r for r in replies if (r[0] >= 400) != sent and r[0] != 221]
        if picked:
            code, text = picked[-1]
            return f"the mail server answered {code} {_clean(text)}".rstrip()
    http = said.get("http")
    if isinstance(http, list) and len(http) == 4:
        status, reason, words, length = http
        more = f" (an answer of over {ANSWER_CAP // 1024} KiB, read no further)"
        answer = f"the service answered {status} {_clean(reason)}".rstrip()
        first = _clean(words)
        return answer + (f": {first}" if first else "") + (more if length > ANSWER_CAP else "")
    # Apprise's lines of a failure (its payload's lines, which hold the alert, are not read).
    failures = [
        str(line)
        for line in said.get("log") or []
        if any(w in str(line).lower() for w in ("exception", "error", "fail"))
    ]
    low = " ".join(failures).lower()
    for signs, words in CONNECT_WORDS:
        if any(sign in low for sign in signs):
            return f"{shown}: {words}"
    return _clean(failures[-1]) if failures and not sent else ""


def _clean(text: str) -> str:
    """A service's words on one line, printable, at most ANSWER_SHOWN characters."""
    one = " ".join(printable(str(text)).split())
    return one if len(one) <= ANSWER_SHOWN else one[: ANSWER_SHOWN - 1] + "…"
