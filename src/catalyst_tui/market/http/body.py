"""Reading an answer's body under a size cap counted after decompression.

httpx would inflate a gzip answer whole before anyone could look at its size: a body of a
megabyte that inflates to a gibibyte of zeros takes gigabytes of memory. Here the raw bytes are
streamed and inflated with zlib's `max_length`, so no more than the cap plus one chunk is ever
held, and the answer is refused the moment it would pass the cap. Only the encodings the client
asks for are understood (gzip, deflate, identity); anything else is a bad body, never guessed at.
"""

from __future__ import annotations

import zlib

import httpx

from ..models import FetchError

ACCEPT_ENCODING = "gzip, deflate"
_GZIP_OR_ZLIB = zlib.MAX_WBITS | 32  # zlib detects the gzip or zlib header itself
_RAW_DEFLATE = -zlib.MAX_WBITS


class BodyTooLarge(Exception):
    """The decoded body passed `limit` bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def size_text(size: float) -> str:
    """8388608 -> '8 MiB'."""
    for unit in ("B", "KiB", "MiB"):
        if size < 1024:
            return f"{size:g} {unit}"
        size /= 1024
    return f"{size:g} GiB"


class _Inflater:
    """One zlib stream, inflated at most `room` bytes at a time."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._zlib = zlib.decompressobj(_GZIP_OR_ZLIB)
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        if self._zlib.eof:
            return b""  # after the end of the stream: ignored (its size is still counted)
        try:
            out = self._zlib.decompress(data, room)
        except zlib.error:
            if self._started or self.encoding != "deflate":
                raise
            # "deflate" is zlib-wrapped by the standard, raw by many servers: accept both.
            self._zlib = zlib.decompressobj(_RAW_DEFLATE)
            out = self._zlib.decompress(data, room)
        self._started = True
        return out

    def more(self, room: int) -> bytes:
        """What is left of the input already fed (when the last call stopped at `room`)."""
        tail = self._zlib.unconsumed_tail
        return self._zlib.decompress(tail, room) if tail else b""

    def finish(self) -> bytes:
        if not self._zlib.eof:
            raise zlib.error("the compressed stream ends early")
        return self._zlib.flush()


async def read_capped(
    response: httpx.Response, limit: int, where: str, provider: str, symbol: str | None
) -> bytes:
    """The body of a streamed response, decoded; BodyTooLarge past `limit` decoded bytes,
    FetchError for an encoding it does not speak or a compressed stream that is broken."""
    encodings = [
        e.strip().lower()
        for e in response.headers.get("content-encoding", "").split(",")
        if e.strip() and e.strip().lower() != "identity"
    ]
    if len(encodings) > 1 or (encodings and encodings[0] not in ("gzip", "x-gzip", "deflate")):
        raise FetchError(
            "bad_body", f"unsupported content-encoding {encodings} from {where}", provider, symbol
        )
    declared = response.headers.get("content-length", "")
    if not encodings and declared.isdecimal() and int(declared) > limit:
        raise BodyTooLarge(limit)
    inflater = _Inflater(encodings[0]) if encodings else None
    parts: list[bytes] = []
    size = received = 0

    def keep(data: bytes) -> None:
        nonlocal size
        size += len(data)
        if size > limit:
            raise BodyTooLarge(limit)
        parts.append(data)

    try:
        async for raw in response.aiter_raw():
            received += len(raw)
            if received > limit:  # the compressed bytes count too (anything after the stream)
                raise BodyTooLarge(limit)
            if inflater is None:
                keep(raw)
                continue
            keep(inflater.feed(raw, limit - size + 1))
            while tail := inflater.more(limit - size + 1):
                keep(tail)
        if inflater is not None:
            keep(inflater.finish())
    except zlib.error as exc:
        raise FetchError(
            "bad_body", f"undecodable {encodings[0]} body from {where}: {exc}", provider, symbol
        ) from None
    return b"".join(parts)


def with_body(response: httpx.Response, body: bytes) -> httpx.Response:
    """A complete response holding the decoded `body` (no content-encoding any more)."""
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    complete = httpx.Response(
        response.status_code,
        headers=headers,
        content=body,
        request=response.request,
        extensions=response.extensions,
    )
    complete.default_encoding = response.default_encoding
    return complete
