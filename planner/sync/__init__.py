"""Two-way, offline-first sync of a programme with a CalDAV server (Nextcloud, Radicale,
SOGo, ...), as ARCHITECTURE.md's convention 15 describes ("Sync like vdirsyncer").

The parts:

- :mod:`planner.sync.resource`: how the programme looks on the server (a collection per
  track, a resource per event, one for the programme's own data);
- :mod:`planner.sync.state`: what the programme file remembers of its sync (the status
  table, sync tokens, conflicts);
- :mod:`planner.sync.server`: the requests, through the ``caldav`` library;
- :mod:`planner.sync.merge`: the three-way merge of the programme's own data;
- :mod:`planner.sync.engine`: the sync itself, and settling conflicts;
- :mod:`planner.sync.local`: the programme's side of it (a file, or the open window).

:func:`sync_store` syncs an open programme file; :func:`server_for` makes the server
object from the remembered settings and the ones given now.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.i18n import msg
from planner.sync.errors import SyncError
from planner.sync.state import AUTH, INSECURE, URL, USER, SyncState, server_changes

if TYPE_CHECKING:
    # The engine and the HTTP stack load when a sync runs, not with the window.
    from planner.model import Lang
    from planner.store import ProgrammeStore
    from planner.sync.engine import Prefer, Progress, SyncReport
    from planner.sync.local import LocalSide
    from planner.sync.server import Server

PASSWORD_VARIABLE = "PLANNER_CALDAV_PASSWORD"


@dataclass(frozen=True, slots=True)
class Account:
    """Where to sync: the calendar home's URL, the user, and whether a certificate that
    cannot be verified (a self-signed one) is accepted."""

    url: str
    user: str
    insecure: bool = False
    auth: str | None = None  # how the server asked to log in before ("basic", ...)


def account_for(
    state: SyncState, url: str | None = None, user: str | None = None,
    insecure: bool | None = None,
) -> Account:
    """The account to sync with: what is given now, else what the file remembers. A new
    URL forgets the remembered user and certificate exception unless given again."""
    remembered = state.settings.get(URL)
    if url is None and remembered is None:
        raise SyncError(msg("no server is set for this programme: give --url (the address "
                            "of a calendar home) and --user"))
    new_server = url is not None and url.rstrip("/") != (remembered or "").rstrip("/")
    chosen_url = url or remembered or ""
    chosen_user = user if user is not None else (
        "" if new_server else state.settings.get(USER, ""))
    if insecure is None:
        insecure = not new_server and state.settings.get(INSECURE) == "1"
    auth = None if new_server else state.settings.get(AUTH)
    return Account(chosen_url, chosen_user, insecure, auth)


def read_password(path: str | os.PathLike[str] | None) -> str | None:
    """The password from the file ``path`` (its first line), else from the
    PLANNER_CALDAV_PASSWORD variable, else ``None``."""
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise SyncError(msg("{path}: cannot read the password file ({reason})",
                                path=path, reason=exc.strerror or exc)) from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    return os.environ.get(PASSWORD_VARIABLE)


def server_for(account: Account, password: str | None) -> Server:
    """The server object for ``account`` (nothing is sent yet)."""
    from planner.sync.server import Server

    return Server(account.url, account.user or None, password, verify=not account.insecure,
                  auth_scheme=account.auth)


def sync_local(
    local: LocalSide, account: Account, password: str | None, *,
    prefer: Prefer | None = None, lang: Lang = "en", progress: Progress | None = None,
    fetch_only: bool = False,
) -> SyncReport:
    """Sync ``local`` with the server of ``account``; raises :class:`SyncError` when the
    server cannot be used (the programme is as it was, or holds what was done). With
    ``fetch_only`` (a new, empty programme) the server must hold a programme already."""
    from planner.sync.engine import Engine

    server = server_for(account, password)
    settings = server_changes(account.url, account.user, account.insecure, local.state)
    try:
        return Engine(local, server, settings=settings, prefer=prefer, lang=lang,
                      progress=progress, fetch_only=fetch_only).run()
    finally:
        server.close()


def sync_store(
    store: ProgrammeStore, account: Account, password: str | None, *,
    prefer: Prefer | None = None, lang: Lang = "en", progress: Progress | None = None,
    fetch_only: bool = False,
) -> SyncReport:
    """Sync the programme file ``store`` (open for editing) with the server of
    ``account``."""
    from planner.sync.local import StoreSide

    return sync_local(StoreSide(store), account, password, prefer=prefer, lang=lang,
                      progress=progress, fetch_only=fetch_only)


__all__ = ["Account", "PASSWORD_VARIABLE", "SyncError", "account_for", "read_password",
           "server_for", "sync_local", "sync_store"]
