"""A real CalDAV server for the tests: Radicale (from pip) on a free loopback port with
htpasswd logins, in a folder of its own, and a small proxy in front of it that counts the
requests, and on demand refuses them, holds one until told, or stops answering.

Each test gets a user of its own (a fresh calendar home) on one Radicale that runs for the
whole session: adding a line to the htpasswd file is all it takes, since Radicale reads the
file again when it changes.
"""

from __future__ import annotations

import http.client
import itertools
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_LAUNCH = """
import sys
from radicale import config, server
conf = config.load([(sys.argv[1], False)])
# Tests need no durable disk writes: fsync per item makes Radicale several times slower.
conf.update({"storage": {"_filesystem_fsync": "False"}}, "tests", privileged=True)
server.serve(conf)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(
    port: int, timeout: float = 20.0, process: subprocess.Popen | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answers on port {port}")


class Radicale:
    """A Radicale process; :meth:`start` and :meth:`stop` may be called again (same port,
    same data), as a server that goes away and comes back."""

    def __init__(self, folder: Path, *, tls: tuple[Path, Path] | None = None) -> None:
        self.folder = folder
        self.users = folder / "users"
        self.users.touch()
        self.port = free_port()
        self.tls = tls
        self.process: subprocess.Popen[bytes] | None = None
        self._names = itertools.count(1)

    @property
    def scheme(self) -> str:
        return "https" if self.tls else "http"

    def _config(self) -> Path:
        path = self.folder / "config"
        lines = [
            "[server]", f"hosts = 127.0.0.1:{self.port}",
        ]
        if self.tls:
            lines += ["ssl = True", f"certificate = {self.tls[0]}", f"key = {self.tls[1]}"]
        lines += [
            "[auth]", "type = htpasswd", f"htpasswd_filename = {self.users}",
            "htpasswd_encryption = plain", "delay = 0.01",
            "[storage]", f"filesystem_folder = {self.folder / 'collections'}",
            "[rights]", "type = owner_only",
            "[logging]", "level = warning",
            "[web]", "type = none",
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def start(self) -> None:
        log = (self.folder / "radicale.log").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, str(self._config())],
            stdout=log, stderr=log, start_new_session=True,
        )
        log.close()
        wait_for_port(self.port, process=self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def add_user(self, prefix: str = "user", password: str = "secret") -> str:
        name = f"{prefix}{next(self._names)}"
        with self.users.open("a", encoding="utf-8") as handle:
            handle.write(f"{name}:{password}\n")
        # Radicale notices a changed file by its size and modification time.
        time.sleep(0.002)
        return name

    def url(self, user: str, port: int | None = None) -> str:
        return f"{self.scheme}://127.0.0.1:{port or self.port}/{user}/"


@dataclass
class Seen:
    """One request the proxy passed on."""

    method: str
    path: str
    status: int
    size: int
    # The request's headers (names in lower case) and body, for what a test checks of them.
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass
class Proxy:
    """A reverse proxy on its own port in front of ``target_port``.

    ``refuse`` maps a method to the status to answer it with instead of passing it on;
    ``hold_at`` (1-based) holds that request after the server answered it and before the
    client gets the answer, until :attr:`release` is set (:attr:`held` is set meanwhile);
    ``drop_after`` answers nothing (closes the connection) from request N + 1 on, as a
    server that stopped.
    """

    target_port: int
    port: int = field(default_factory=free_port)
    seen: list[Seen] = field(default_factory=list)
    refuse: dict[str, int] = field(default_factory=dict)
    hold_at: int | None = None
    drop_after: int | None = None
    # Answer sync-collection REPORTs with 501, as a server without RFC 6578 does.
    no_sync_collection: bool = False
    # Hold the n-th request (1-based) of this method whose path contains the text, as
    # hold_at does: (method, text, n).
    hold_on: tuple[str, str, int] | None = None
    on_request: Callable[[int, str], None] | None = None
    # Refuse the requests of this method whose path contains the text with this status:
    # (method, text, status).
    refuse_on: tuple[str, str, int] | None = None

    def __post_init__(self) -> None:
        self.held = threading.Event()
        self.release = threading.Event()
        self._count = 0
        self._matches = 0
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                sent = {k.lower(): v for k, v in self.headers.items()}
                hold = False
                with proxy._lock:
                    proxy._count += 1
                    number = proxy._count
                    if proxy.hold_on is not None:
                        method, text, nth = proxy.hold_on
                        if self.command == method and text in self.path:
                            proxy._matches += 1
                            hold = proxy._matches == nth
                    hold = hold or proxy.hold_at == number
                if proxy.on_request is not None:
                    proxy.on_request(number, self.command)
                if proxy.drop_after is not None and number > proxy.drop_after:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if (proxy.no_sync_collection and self.command == "REPORT"
                        and b"sync-collection" in body):
                    self.send_response(501)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    proxy.seen.append(Seen(self.command, self.path, 501, 0, sent, body))
                    return
                refused_here = proxy.refuse_on is not None and (
                    self.command == proxy.refuse_on[0] and proxy.refuse_on[1] in self.path)
                if self.command in proxy.refuse or refused_here:
                    status = (proxy.refuse_on[2] if refused_here and proxy.refuse_on
                              else proxy.refuse[self.command])
                    self.send_response(status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    proxy.seen.append(Seen(self.command, self.path, status, 0, sent, body))
                    return
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.target_port,
                                                      timeout=60)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "connection", "keep-alive")}
                try:
                    upstream.request(self.command, self.path, body or None, headers)
                    answer = upstream.getresponse()
                    data = answer.read()
                except OSError:
                    # The server behind is gone: so is the answer, as a client would see.
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                finally:
                    upstream.close()
                if hold:
                    proxy.held.set()
                    proxy.release.wait(60)
                self.send_response(answer.status, answer.reason)
                for key, value in answer.getheaders():
                    if key.lower() not in ("content-length", "connection", "transfer-encoding",
                                           "keep-alive", "date", "server"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                proxy.seen.append(Seen(self.command, self.path, answer.status, len(data),
                                      sent, body))

            do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = _any  # noqa: N815
            do_MKCALENDAR = do_PROPPATCH = do_OPTIONS = do_POST = do_HEAD = _any  # noqa: N815

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, user: str) -> str:
        return f"http://127.0.0.1:{self.port}/{user}/"

    def reset(self) -> None:
        self.seen.clear()
        self.refuse.clear()
        self.hold_at = self.drop_after = self.hold_on = self.refuse_on = None
        self.no_sync_collection = False
        self.held.clear()
        self.release.clear()
        with self._lock:
            self._count = self._matches = 0

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()


class NotCalDav:
    """A plain web server (a page for every address): not a calendar home."""

    def __init__(self) -> None:
        self.port = free_port()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                body = b"<html><body>Welcome</body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/calendars/me/"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
