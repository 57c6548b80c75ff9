"""The publish folder: everything delegates, speakers and apps follow, from one snapshot.

``publish(store, folder, options)`` renders the latest release (or, with ``draft``, the
programme as it stands) into ``folder``:

- ``programme.ics``, ``tracks/ID.ics``, ``venues/ID.ics``: subscription feeds, and
  ``events/UID.ics``, each event on its own (:mod:`.feeds`);
- ``schedule.xml`` and ``schedule.json`` in the frab/c3voc format (:mod:`.frab`);
- ``changes.html`` (and ``changes.de/en/ru.html``), ``changes.json``, ``releases.atom``
  (:mod:`.changelog`); ``feeds.json``, the list of feeds and their addresses;
- ``qr/....svg``, a QR code per feed, when the base URL is known (:mod:`.qr`);
- ``index.html`` and the rest of the static site for delegates (:mod:`.site`, last).

Everything is written into a fresh folder beside ``folder``, which then takes its place in
one step (:mod:`.folder`): a web server never serves a half-written folder. The output
depends only on the snapshot and the options, so publishing a release again changes no
byte (a draft's time stamps excepted).

Writers. Each part is a :data:`Writer`, ``writer(context, folder, progress)``, that writes
its files into the (staged) folder from the :class:`~.context.PublishContext`: the snapshot
(``context.programme``), the release before it (``context.previous``, to mark what is new
or moved), each event's calendar file (``context.event_path(uid)``), the feeds
(``context.feeds``, with ``context.url`` and ``context.webcal``), ``context.lang`` and
``context.base_url``. :func:`writers` lists them, the static site last.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from planner.publish.changelog import write_changelog
from planner.publish.context import (
    Progress,
    PublishContext,
    PublishOptions,
    check_base_url,
    prepare,
)
from planner.publish.feeds import write_feeds
from planner.publish.folder import PublishError, staged_folder
from planner.publish.frab import write_schedules
from planner.publish.qr import qr_path, write_qr_codes
from planner.publish.site import write_site
from planner.store import ProgrammeStore

Writer = Callable[[PublishContext, Path, Progress | None], None]

__all__ = [
    "PublishContext", "PublishError", "PublishOptions", "PublishResult", "Writer",
    "check_base_url", "prepare", "publish", "write", "writers",
]


def write_feed_list(context: PublishContext, folder: Path,
                    progress: Progress | None = None) -> None:
    """``feeds.json``: each feed's kind, id, title, path and (with a base URL) its
    addresses and QR code."""
    items = []
    for feed in context.feeds:
        item: dict[str, object] = {"kind": feed.kind, "id": feed.id, "title": feed.title,
                                   "path": feed.path}
        if context.base_url is not None:
            item.update(url=context.url(feed.path), webcal=context.webcal(feed.path),
                        qr=qr_path(feed.path))
        items.append(item)
    data = json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    (folder / "feeds.json").write_bytes(data)


def writers() -> list[Writer]:
    """The writers a publish runs, in order: feeds, schedule files, change pages, the feed
    list, QR codes and, last, the static site, which links the files of the others."""
    return [write_feeds, write_schedules, write_changelog, write_feed_list, write_qr_codes,
            write_site]


@dataclass(frozen=True, slots=True)
class PublishResult:
    """What a publish wrote: the folder, how many files, the release (``None``: a draft)."""

    folder: Path
    files: int
    release: str | None
    events: int


def write(context: PublishContext, folder: str | Path,
          progress: Progress | None = None) -> PublishResult:
    """Run every writer into a staged folder and swap it in for ``folder``."""
    target = Path(folder)
    steps = writers()
    scale = 1000  # each step's own progress is spread over this many units

    def step_progress(n: int) -> Progress | None:
        if progress is None:
            return None
        report = progress

        def within(done: int, total: int) -> None:
            part = done * scale // total if total else 0
            report(n * scale + part, len(steps) * scale)

        return within

    with staged_folder(target) as stage:
        for n, writer in enumerate(steps):
            if progress is not None:
                progress(n * scale, len(steps) * scale)
            writer(context, stage, step_progress(n))
        files = sum(1 for p in stage.rglob("*") if p.is_file())
    if progress is not None:
        progress(len(steps) * scale, len(steps) * scale)
    release = None if context.release is None else context.release.name
    return PublishResult(target, files, release, len(context.programme.events))


def publish(store: ProgrammeStore, folder: str | Path, options: PublishOptions | None = None,
            progress: Progress | None = None, now: datetime | None = None) -> PublishResult:
    """Publish the programme in ``store`` into ``folder`` (see the module doc)."""
    context = prepare(store, options or PublishOptions(), now)
    return write(context, folder, progress)
