"""A channel's sends through Apprise in a child process of its own (`python -m
catalyst_tui.notify.send_child`, started by notify/remote.py with a fixed argv): a channel whose
answer never ends, or never stops coming, is ended with the child at its deadline (a thread
could not be stopped, and kept the process alive after), and what the service answers is read
to `ANSWER_CAP` bytes at most, never whole (through requests' public streaming: asked for as a
stream, read from its `raw` file, closed; no private part of requests is written). One child
sends a channel's batch of notices in order (Apprise loaded once, not once a notice), each
within its own deadline.

Given on stdin, a JSON line each: the deadline in seconds and the addresses the channel is
allowed (`allow_hosts`) first, then a send each (the URL, the title, the body, whether the body
is HTML). Every connection the child makes is judged by the one address policy
(market/http/addresses.py) where it is made, after the name's look-up and at every redirect: a
link-local or metadata address the channel is not allowed is refused ("refused" in the answer).
Answered on stdout: READY once Apprise and the first send's service are loaded (the parent
starts the first send's deadline then, so a slow start on a loaded machine fails no send),
then a JSON line a send, written as it ends: whether Apprise says it was sent, whether it knew the
URL, the last HTTP answer (status, reason, its first words), the SMTP replies, and Apprise's own
last log lines (the parent words them and takes the URL's secrets out). A send not taken ends the
batch: the rest are not tried. The child ends itself (SIGALRM) a second after a send's deadline if
no one ends it first."""

from __future__ import annotations

import io
import json
import logging
import signal
import sys
from typing import Any

ANSWER_CAP = 64 * 1024  # bytes of a service's answer read, at most
_SHOWN = 300  # characters of an answer kept for the words
_LINE = 2000  # characters of one of Apprise's log lines kept (an exception's words at its end)


ASK_CAP = 16 << 20  # bytes of one send's line read, at most (an e-mail's HTML)
_KEPT_LOG = 40  # of Apprise's log lines a send, the last kept
READY = b'{"ready": true}'  # the child's first line: loaded, the sends' deadlines may start


def main() -> int:
    head = json.loads(sys.stdin.buffer.readline(ASK_CAP) or b"{}")
    deadline = float(head.get("deadline") or 20)
    seen: dict[str, Any] = {}
    _guard(tuple(head.get("allow") or ()), seen)
    cap_http(seen)
    _keep_smtp_replies(seen)
    import apprise

    logger = logging.getLogger("apprise")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)  # its exceptions' words are in its debug lines
    asset = apprise.AppriseAsset(image_url_mask="")
    line = sys.stdin.buffer.readline(ASK_CAP)
    if line:  # the first send's service loaded (Apprise loads each on its first use) before its
        # deadline starts: a loaded machine's slow import fails no send
        apprise.Apprise(asset=asset).add(json.loads(line)["url"])
    sys.stdout.buffer.write(READY + b"\n")
    sys.stdout.flush()
    while line:
        ask = json.loads(line)
        if hasattr(signal, "SIGALRM"):
            signal.alarm(int(deadline) + 1)  # this send's own deadline
        seen.clear()
        seen.update(http=None, smtp=[], log=[], refused=None)
        notifier = apprise.Apprise(asset=asset)
        known = bool(notifier.add(ask["url"]))
        sent = False
        if known:
            form = apprise.NotifyFormat.HTML if ask.get("html") else None
            sent = bool(
                notifier.notify(
                    body=ask["body"],
                    title=ask["title"],
                    body_format=form,
                    log_callback=lambda entry, _s: seen["log"].append(str(entry.message)[:_LINE]),
                    log_level=logging.DEBUG,
                )
            )
        seen.update(sent=sent, known=known, log=seen["log"][-_KEPT_LOG:])
        sys.stdout.write(json.dumps(seen) + "\n")
        sys.stdout.flush()
        if not sent:
            break  # the rest wait for the next delivery, as the parent records them
        line = sys.stdin.buffer.readline(ASK_CAP)
    return 0


def _guard(allow: tuple[str, ...], seen: dict[str, Any]) -> None:
    """Every connection to an internet address judged where it is made (an audit hook on
    `socket.connect`: whatever library makes it, whatever name it looked up, each redirect's):
    a link-local or metadata address not in `allow` is refused, and said in `seen`."""
    import socket

    from ..market.http.addresses import address_refused, allowed, literal_address

    def judged(event: str, args: tuple[Any, ...]) -> None:
        if event != "socket.connect" or args[0].family not in (socket.AF_INET, socket.AF_INET6):
            return
        host = str(args[1][0])
        address = literal_address(host)
        kind = address_refused(address, named=False) if address is not None else None
        if kind is not None and not allowed(host, allow):
            seen["refused"] = f"{address}, {kind}"
            raise ConnectionRefusedError(f"{address} is {kind}: refused")

    sys.addaudithook(judged)


def cap_http(seen: dict[str, Any]) -> None:
    """Every HTTP answer read to ANSWER_CAP bytes, its status and first words kept: each is asked
    for as a stream (requests' `stream=True`), read to one byte past the cap from its `raw` file
    (decoded), and closed, the rest never read; requests then reads the body from what was kept,
    as Apprise asks for it."""
    from requests.adapters import HTTPAdapter

    send = HTTPAdapter.send

    def capped(self: HTTPAdapter, request: Any, stream: bool = False, **kwargs: Any) -> Any:
        response = send(self, request, stream=True, **kwargs)
        body = response.raw.read(ANSWER_CAP + 1, decode_content=True) or b""
        response.close()  # the rest, however long, is never read
        response.raw = _Kept(body[:ANSWER_CAP], response.raw)
        words = body[:_SHOWN].decode("utf-8", "replace")
        seen["http"] = [response.status_code, response.reason or "", words, len(body)]
        return response

    HTTPAdapter.send = capped  # type: ignore[method-assign,assignment]


class _Kept:
    """What requests reads a capped answer's body from (`Response.raw`, the file of a streamed
    answer): the answer's first ANSWER_CAP bytes, read as a file is. Whatever else requests asks
    of it (the headers whose cookies a redirect carries) the answer itself gives."""

    def __init__(self, body: bytes, answer: Any) -> None:
        self.body = io.BytesIO(body)
        self.answer = answer

    def read(self, amt: int | None = None, **_: Any) -> bytes:
        return self.body.read(amt)

    def __getattr__(self, name: str) -> Any:
        if name == "stream":  # read as a file, never as the stream of the answer closed
            raise AttributeError(name)
        return getattr(self.answer, name)


def _keep_smtp_replies(seen: dict[str, Any]) -> None:
    """Each SMTP reply's code and text (smtplib reads a line to 8 KiB at most)."""
    import smtplib

    getreply = smtplib.SMTP.getreply

    def kept(self: smtplib.SMTP) -> tuple[int, bytes]:
        code, text = getreply(self)
        seen["smtp"].append([code, text.decode("utf-8", "replace")[:_SHOWN]])
        return code, text

    smtplib.SMTP.getreply = kept  # type: ignore[method-assign]


if __name__ == "__main__":
    sys.exit(main())
