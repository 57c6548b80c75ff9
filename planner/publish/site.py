"""The static site as the last writer of the publish folder; :mod:`planner.site` does the
work. It runs after the feeds, schedule files and change pages, so that every page can link
them: each event its own calendar file, the footer the feed of the whole programme
(``webcal://`` when the folder's address is known), the change list and schedule.xml."""

from __future__ import annotations

from pathlib import Path

from planner import site
from planner.publish.context import Progress, PublishContext


def write_site(context: PublishContext, folder: Path, progress: Progress | None = None) -> None:
    """``index.html``, the pages of the days, ``assets/`` and ``data/`` of the published
    snapshot, with the marks of what changed since the release before it."""
    release = context.release
    publication = site.Publication(
        feed=context.webcal("programme.ics") or "programme.ics",
        changes="changes.html",
        schedule="schedule.xml",
        release=None if release is None else release.name,
        released=None if release is None else release.created.date(),
    )
    site.write_site(
        context.programme,
        folder,
        previous=context.previous,
        event_ics={uid: context.event_path(uid) for uid in context.programme.events},
        lang=context.lang,
        base_url=context.base_url,
        publication=publication,
        progress=progress,
    )
