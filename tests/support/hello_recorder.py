"""A loopback TCP listener that keeps the first TLS record (the ClientHello) of each connection
and answers nothing: what a handshake says, and a secure connection that never completes."""

from __future__ import annotations

import socket
import struct
import threading


class HelloRecorder:
    """A TCP listener on 127.0.0.1 that keeps the first TLS record of each connection."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.records: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                while len(data) < 5 or len(data) < 5 + struct.unpack(">H", data[3:5])[0]:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                if data:  # not the connection that finds the host before curl_cffi loads
                    self.records.append(data)

    def close(self) -> None:
        self.sock.close()
