"""A real org.freedesktop.Notifications service (dbus-fast) that records every Notify call.

Each Notify appends one JSON line {"time", "id", "app_name", "app_icon", "summary", "body",
"actions", "urgency", "expire_timeout"} to the --out file, written and flushed before the reply,
so a client whose Notify call returned can read its notification at once. With --fail every
Notify answers a D-Bus error instead (a broken notification daemon); --delay SECONDS makes each
Notify take that long (a slow one, so that concurrent senders overlap); --markup makes it a
daemon that renders body markup (it lists the "body-markup" capability).

    DBUS_SESSION_BUS_ADDRESS=unix:path=/tmp/x/bus \
        python tests/support/notification_recorder.py --out notifications.jsonl

It connects to the session bus in DBUS_SESSION_BUS_ADDRESS, requests the well-known name and
prints "ready" once it owns it; SIGTERM or SIGINT stop it. Plain module: no pytest, no catalyst.
"""

# No `from __future__ import annotations`: dbus-fast reads the D-Bus signatures from the live
# annotation objects.

import argparse
import asyncio
import datetime as dt
import json
import signal
import sys
import time
from pathlib import Path
from typing import Annotated, Any

from dbus_fast import DBusError, RequestNameReply
from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusDict, DBusInt32, DBusSignature, DBusStr, DBusUInt32
from dbus_fast.service import ServiceInterface, dbus_method, dbus_signal

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
SERVER_INFO = ("catalyst-recorder", "catalyst tests", "1.0", "1.2")
CAPABILITIES = ["body", "actions"]
CLOSED_BY_CALL = 3  # NotificationClosed reason: closed by a call to CloseNotification

StrArray = Annotated[list[str], DBusSignature("as")]
ServerInfo = Annotated[tuple[str, str, str, str], DBusSignature("ssss")]
ClosedArgs = Annotated[tuple[int, int], DBusSignature("uu")]
ActionArgs = Annotated[tuple[int, str], DBusSignature("us")]


class RecordingNotifications(ServiceInterface):
    """The Notifications interface: answers like a notification daemon, shows nothing."""

    def __init__(
        self, out: Path, *, fail: bool = False, delay: float = 0.0, markup: bool = False
    ) -> None:
        super().__init__(BUS_NAME)
        self._capabilities = [*CAPABILITIES, "body-markup"] if markup else list(CAPABILITIES)
        self._out = out.open("a", encoding="utf-8")
        self._fail = fail
        self._delay = delay
        self._next_id = 0

    def close(self) -> None:
        self._out.close()

    @dbus_method()
    def Notify(  # noqa: N802 (D-Bus member names)
        self,
        app_name: DBusStr,
        replaces_id: DBusUInt32,
        app_icon: DBusStr,
        summary: DBusStr,
        body: DBusStr,
        actions: StrArray,
        hints: DBusDict,
        expire_timeout: DBusInt32,
    ) -> DBusUInt32:
        if self._delay:
            time.sleep(self._delay)  # blocks the service, as a busy daemon would
        if self._fail:
            raise DBusError("org.freedesktop.DBus.Error.Failed", "the recorder was told to fail")
        self._next_id = replaces_id or self._next_id + 1
        urgency = hints.get("urgency")
        record: dict[str, Any] = {
            "time": dt.datetime.now(dt.UTC).isoformat(),
            "id": self._next_id,
            "app_name": app_name,
            "app_icon": app_icon,
            "summary": summary,
            "body": body,
            "actions": list(actions),
            "urgency": None if urgency is None else urgency.value,
            "expire_timeout": expire_timeout,
        }
        self._out.write(json.dumps(record) + "\n")
        self._out.flush()
        return self._next_id

    @dbus_method()
    def GetCapabilities(self) -> StrArray:  # noqa: N802
        return list(self._capabilities)

    @dbus_method()
    def GetServerInformation(self) -> ServerInfo:  # noqa: N802
        return SERVER_INFO

    @dbus_method()
    def CloseNotification(self, notification_id: DBusUInt32) -> None:  # noqa: N802
        self.NotificationClosed(notification_id, CLOSED_BY_CALL)

    @dbus_signal()
    def NotificationClosed(self, notification_id: int, reason: int) -> ClosedArgs:  # noqa: N802
        return notification_id, reason

    @dbus_signal()
    def ActionInvoked(self, notification_id: int, action_key: str) -> ActionArgs:  # noqa: N802
        return notification_id, action_key


async def serve(out: Path, *, fail: bool = False, delay: float = 0.0, markup: bool = False) -> int:
    bus = await MessageBus().connect()
    service = RecordingNotifications(out, fail=fail, delay=delay, markup=markup)
    bus.export(OBJECT_PATH, service)
    reply = await bus.request_name(BUS_NAME)
    if reply not in (RequestNameReply.PRIMARY_OWNER, RequestNameReply.ALREADY_OWNER):
        print(f"could not own {BUS_NAME}: {reply.name}", file=sys.stderr, flush=True)
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    print("ready", flush=True)
    disconnected = asyncio.ensure_future(bus.wait_for_disconnect())
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait({disconnected, stopped}, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if not disconnected.done():
        bus.disconnect()
        await asyncio.wait({disconnected}, timeout=2)
    service.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="JSON-lines file to append to")
    parser.add_argument("--fail", action="store_true", help="answer every Notify with an error")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds each Notify takes")
    parser.add_argument("--markup", action="store_true", help="render body markup")
    args = parser.parse_args(argv)
    return asyncio.run(serve(args.out, fail=args.fail, delay=args.delay, markup=args.markup))


if __name__ == "__main__":
    sys.exit(main())
