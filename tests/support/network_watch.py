"""Every network connection a command and its children make, seen two ways: Python's audit
events (socket.connect, socket.getaddrinfo) written by a sitecustomize the command loads through
PYTHONPATH, and, where strace is installed, the connect and sendto system calls of every process
(what a C library such as libcurl does too). Plain module, no pytest."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

SITECUSTOMIZE = """
import os, socket, sys

_LOG = os.environ.get("CATALYST_NETWORK_LOG")


def _hook(event, args):
    if event == "socket.connect":
        sock, address = args
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            _write(f"connect {address[0]}")
    elif event == "socket.getaddrinfo" and args[0] is not None:
        host = args[0].decode() if isinstance(args[0], bytes) else str(args[0])
        _write(f"getaddrinfo {host}")


def _write(line):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {line}\\n")


if _LOG:
    sys.addaudithook(_hook)
"""
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
_ADDRESS = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"')


class NetworkWatch:
    """Set up in `folder`: `env(base)` is the command's environment, `prefix` its tracer."""

    def __init__(self, folder: Path) -> None:
        self.hooks = folder / "hooks"
        self.hooks.mkdir(parents=True)
        (self.hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
        self.audit_log = folder / "audit.log"
        self.trace_log = folder / "strace.log"
        strace = shutil.which("strace")
        self.prefix: tuple[str, ...] = ()
        if strace:
            self.prefix = (
                strace,
                "--seccomp-bpf",
                "-f",
                "-qq",
                "-e",
                "trace=connect,sendto",
                "-o",
                str(self.trace_log),
            )

    def env(self, base: dict[str, str]) -> dict[str, str]:
        path = os.pathsep.join(filter(None, [str(self.hooks), base.get("PYTHONPATH", "")]))
        return {**base, "PYTHONPATH": path, "CATALYST_NETWORK_LOG": str(self.audit_log)}

    def audited(self) -> list[str]:
        """The hosts and addresses Python was asked to resolve or connect to."""
        if not self.audit_log.exists():
            return []
        return [line.split()[-1] for line in self.audit_log.read_text().splitlines()]

    def traced(self) -> list[str]:
        """The IPv4 and IPv6 addresses any process connected or sent to (strace)."""
        if not self.trace_log.exists():
            return []
        return [a or b for a, b in _ADDRESS.findall(self.trace_log.read_text())]
