"""Helpers for the sync tests: the calendar home of a test, planners that sync through it,
and a third-party client writing with the ``caldav`` library as Thunderbird would."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from factories import at, event, small_programme
from support.davserver import Proxy, Radicale

from planner import cli, snapshot
from planner.model import Person, Programme, Recurrence, Texts, TravelSettings, Venue
from planner.store import ProgrammeStore, save_new
from planner.sync import Account, account_for, sync_store
from planner.sync.engine import SyncReport
from planner.sync.state import load_state


@dataclass
class Dav:
    """A test's calendar home on the session's Radicale."""

    server: Radicale
    proxy: Proxy
    user: str
    password: str
    password_file: Path

    @property
    def url(self) -> str:
        """The calendar home, through the proxy."""
        return self.proxy.url(self.user)

    @property
    def direct_url(self) -> str:
        return self.server.url(self.user)

    def account(self, url: str | None = None) -> Account:
        return Account(url or self.url, self.user)

    def client(self) -> Any:
        """A calendar client of its own (the caldav library, straight to Radicale)."""
        from caldav.davclient import DAVClient

        return DAVClient(url=self.direct_url, username=self.user, password=self.password,
                         enable_rfc6764=False)

    def calendars(self) -> dict[str, Any]:
        """The calendars in the home by their last path segment."""
        from caldav.collection import CalendarSet

        home = CalendarSet(client=self.client(), url=self.direct_url)
        return {str(c.url).rstrip("/").rsplit("/", 1)[-1]: c for c in home.calendars()}

    def resources(self) -> dict[str, bytes]:
        """Every resource in the home: "collection/name" -> bytes."""
        found = {}
        for name, calendar in self.calendars().items():
            listing = calendar.get_objects_by_sync_token(load_objects=False)
            # Radicale's first sync-collection answer lists deleted members too.
            deleted = {str(u) for u in listing.deleted_urls}
            for obj in listing:
                if str(obj.url.canonical()) in deleted:
                    continue
                obj.load()
                key = f"{name}/{str(obj.url).rstrip('/').rsplit('/', 1)[-1]}"
                data = obj.data
                found[key] = data.encode() if isinstance(data, str) else data
        return found

    def event_uids(self) -> list[str]:
        """The UID of every VEVENT resource, each as often as it is there."""
        from icalendar import Calendar

        uids = []
        for body in self.resources().values():
            for component in Calendar.from_ical(body).walk("VEVENT"):
                if component.get("RECURRENCE-ID") is None:
                    uids.append(str(component["UID"]))
        return sorted(uids)


def rich_programme() -> Programme:
    """A programme with a bit of everything the model holds."""
    programme = small_programme()
    programme.travel = TravelSettings(speed_kmh=12.5, buffer_minutes=15)
    programme.venues["hall"] = Venue("hall", Texts("Halle", "Hall", "Зал"), "Nevsky 1",
                                     59.93, 30.35, 300)
    programme.people["boris"] = Person("boris", "Boris Petrov", "SPbU", "boris@example.org")
    items = [
        event("talk@t", title=Texts("Vortrag", "Talk", "Доклад"),
              description=Texts("Über Dinge", "About things", "О вещах"),
              speakers=("anna", "boris"), languages=("de", "ru"), attendance=80,
              url="https://example.org/talk"),
        event("concert@t", day=5, start=19, end=21, track="culture", venue="petri",
              status="tentative", title=Texts("Konzert", "Concert", "Концерт")),
        event("daily@t", day=3, start=9, end=10, venue="hall", title=Texts.same("Coffee"),
              recurrence=Recurrence("FREQ=DAILY;COUNT=5", (at(5, 9),))),
        event("fair@t", start=datetime(2019, 4, 6, tzinfo=at(6, 0).tzinfo),
              end=datetime(2019, 4, 8, tzinfo=at(6, 0).tzinfo), all_day=True,
              title=Texts("Messe", "Fair", "Ярмарка"), venue="hall"),
        event("gone@t", day=7, start=12, end=13, status="cancelled",
              title=Texts.same("Cancelled lunch")),
    ]
    for item in items:
        programme.events[item.uid] = item
    return programme


def make_file(path: Path, programme: Programme | None = None) -> Path:
    save_new(path, programme if programme is not None else rich_programme())
    return path


def sync(path: Path, dav: Dav, **options: Any) -> SyncReport:
    """Sync the file at ``path`` with ``dav``'s home through the planner's API."""
    account = options.pop("account", None)
    password = options.pop("password", dav.password)
    with ProgrammeStore.open(path) as store:
        if account is None:
            # As the command line does: what the file remembers (the login scheme too).
            account = account_for(load_state(store.connection), dav.url, dav.user)
        return sync_store(store, account, password, **options)


def run_cli(capsys: Any, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def load(path: Path) -> Programme:
    with ProgrammeStore.open(path, readonly=True) as store:
        return store.load()


def data_of(programme: Programme) -> dict[str, Any]:
    """The programme as snapshot data: equal data, equal programmes (order included)."""
    return snapshot.to_dict(programme)


def edit(path: Path, change: Any) -> None:
    """Change the programme in the file at ``path`` as an edit would: ``change(programme)``
    returns the events (uid -> event or None) it changed."""
    from planner.model import touch

    with ProgrammeStore.open(path) as store:
        programme = store.load()
        before = programme.copy()
        changed = change(programme)
        for uid, new in (changed or {}).items():
            if new is None:
                programme.events.pop(uid, None)
            else:
                programme.events[uid] = touch(before.events.get(uid), new,
                                              datetime.now(UTC))
        store.replace_all(programme)


def retitle(uid: str, text: str) -> Any:
    def change(programme: Programme) -> dict[str, Any]:
        old = programme.events[uid]
        return {uid: dataclasses.replace(old, title=dataclasses.replace(old.title, en=text))}
    return change


def status_rows(path: Path) -> dict[str, Any]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return {
            "items": conn.execute("SELECT COUNT(*) FROM sync_items").fetchone()[0],
            "conflicts": [r[0] for r in conn.execute("SELECT ident FROM sync_conflicts")],
            "deletes": conn.execute("SELECT COUNT(*) FROM sync_deletes").fetchone()[0],
        }
    finally:
        conn.close()


def as_json(out: str) -> Any:
    return json.loads(out)
