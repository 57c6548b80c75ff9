"""The errors a sync raises: light to import (the window's start-up does not load the HTTP
stack to know them)."""

from __future__ import annotations

from planner.i18n import Message
from planner.model import ProgrammeError


class SyncError(ProgrammeError):
    """A sync that cannot go on; the message says why. Nothing is lost: what was done is
    recorded, what was not waits for the next sync."""


class UnreachableError(SyncError):
    """The server cannot be reached (offline, wrong host, a stopped server, TLS refused)."""


class RefusedError(SyncError):
    """The server refused a request (a password, a permission, no room)."""

    def __init__(self, message: Message, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
