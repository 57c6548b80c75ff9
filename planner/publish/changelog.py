"""What changed in each release, for people: ``changes.html`` (one page per language,
``changes.html`` itself in the publish's language), ``changes.json`` (every language) and
``releases.atom``, an Atom feed with an entry per release for feed readers.

Nothing here depends on the moment of publishing: the pages carry the releases' own times,
so that publishing the same release again writes the same bytes.
"""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from planner.builtin import RESOURCES
from planner.changes import KIND_LABELS
from planner.i18n import translate
from planner.model import LANGS, Lang
from planner.phrases import Phrases
from planner.publish.context import Progress, PublishContext, ReleaseChanges
from planner.publish.frab import NAMESPACE
from planner.publish.qr import qr_path

TEMPLATES = RESOURCES / "publish"
ATOM = "http://www.w3.org/2005/Atom"

# Every text the pages say, translated through planner.i18n's catalogue.
TEXTS: dict[str, str] = {
    "title": "What changed: {programme}",
    "heading": "What changed",
    "subscribe": "Subscribe",
    "subscribe_hint": "Calendars that subscribe to a feed follow every change on their own.",
    "whole_programme": "The whole programme",
    "tracks": "Tracks",
    "venues": "Venues",
    "release": "Release {name}",
    "draft": "Not released yet",
    "first": "The first release: {count} events.",
    "none": "Nothing changed that anyone following the programme would notice.",
    "count": "{count} changes",
    "released": "Released {when}",
    "schedule_files": "For conference apps (Giggity, EventFahrplan, ConfClerk)",
    "feed_title": "{programme}: releases",
    "languages": "Languages",
    **{f"kind_{kind}": label for kind, label in KIND_LABELS.items()},
}


def _texts(lang: Lang) -> dict[str, str]:
    return {key: translate(template, lang) for key, template in TEXTS.items()}


def _when(context: PublishContext, moment: datetime, lang: Lang) -> str:
    local = moment.astimezone(context.programme.zone)
    return f"{Phrases(lang, context.programme.zone).day(local)} {local:%Y} {local:%H:%M}"


def _entry_json(entry: ReleaseChanges) -> dict[str, Any]:
    release = entry.release
    return {
        "release": None if release is None else release.as_json(),
        "draft": release is None,
        "since": None if entry.previous is None else entry.previous.name,
        "first": release is not None and entry.previous is None,
        "changes": [change.as_json(None) for change in entry.changes],
    }


def changes_json(context: PublishContext) -> bytes:
    """``changes.json``: each release, newest first, with what changed in it, the
    sentences in every language."""
    document = {
        "programme": context.programme.name.as_dict(),
        "published": None if context.release is None else context.release.name,
        "releases": [_entry_json(entry) for entry in context.history],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def changes_html(context: PublishContext, lang: Lang, environment: Environment) -> bytes:
    """The change list page in ``lang``."""
    t = _texts(lang)
    programme = context.programme
    entries = []
    for entry in context.history:
        release = entry.release
        entries.append({
            "anchor": "draft" if release is None else f"release-{release.number}",
            "heading": t["draft"] if release is None else t["release"].format(name=release.name),
            "when": None if release is None else t["released"].format(
                when=_when(context, release.created, lang)),
            "note": "" if release is None else release.note,
            "first": release is not None and entry.previous is None,
            "events": None if release is None else release.event_count,
            "changes": [{"kind": c.kind, "label": t[f"kind_{c.kind}"], "text": c.message(lang)}
                        for c in entry.changes],
        })
    # The feeds after the changes, grouped, each named by its track or venue alone (the
    # group's heading and the page say whose programme it is).
    names = {"programme": {"programme": programme.name.get(lang)},
             "track": {k: v.name.get(lang) for k, v in programme.tracks.items()},
             "venue": {k: v.name.get(lang) for k, v in programme.venues.items()}}
    groups = []
    for kind, heading in (("programme", t["whole_programme"]), ("track", t["tracks"]),
                          ("venue", t["venues"])):
        feeds = [{"label": names[kind].get(feed.id, feed.title), "path": feed.path,
                  "webcal": context.webcal(feed.path),
                  "qr": qr_path(feed.path) if context.base_url else None}
                 for feed in context.feeds if feed.kind == kind]
        if feeds:
            groups.append({"heading": heading, "feeds": feeds})
    page = environment.get_template("changes.html").render(
        lang=lang, t=t, name=programme.name.get(lang), entries=entries,
        feed_groups=groups, languages=LANGS,
    )
    return page.encode("utf-8")


def releases_atom(context: PublishContext) -> bytes:
    """``releases.atom``: an entry per release (newest first) with its note and changes."""
    lang, programme = context.lang, context.programme
    t = _texts(lang)
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None,
            **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    released = [e for e in context.history if e.release is not None]
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    name = programme.name.get(lang)
    key = context.base_url or f"{programme.name.en}/{programme.first_day.isoformat()}"
    sub(feed, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, f'releases:{key}')}")
    sub(feed, "title", t["feed_title"].format(programme=name))
    newest = released[0].release.created if released and released[0].release else \
        datetime(1970, 1, 1, tzinfo=UTC)
    sub(feed, "updated", _atom_time(newest))
    author = sub(feed, "author")
    sub(author, "name", name)
    sub(feed, "generator", "Programme Planner")
    if context.base_url is not None:
        sub(feed, "link", rel="self", href=context.base_url + "releases.atom")
        sub(feed, "link", rel="alternate", href=context.base_url + "changes.html")
    for entry in released:
        release = entry.release
        assert release is not None
        item = sub(feed, "entry")
        sub(item, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, f'release:{key}:{release.number}')}")
        sub(item, "title", t["release"].format(name=release.name))
        sub(item, "updated", _atom_time(release.created))
        if context.base_url is not None:
            sub(item, "link", rel="alternate",
                href=f"{context.base_url}changes.html#release-{release.number}")
        lines = [release.note] if release.note else []
        if entry.previous is None:
            lines.append(t["first"].format(count=release.event_count))
        elif not entry.changes:
            lines.append(t["none"])
        lines.extend(change.message(lang) for change in entry.changes)
        sub(item, "content", "\n".join(lines), type="text")
    ET.indent(feed, space="  ")
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _atom_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_changelog(context: PublishContext, folder: Path,
                    progress: Progress | None = None) -> None:
    """Write the change pages, ``changes.json`` and ``releases.atom`` into ``folder``."""
    environment = _environment()
    for lang in LANGS:
        (folder / f"changes.{lang}.html").write_bytes(changes_html(context, lang, environment))
    (folder / "changes.html").write_bytes(changes_html(context, context.lang, environment))
    (folder / "changes.json").write_bytes(changes_json(context))
    (folder / "releases.atom").write_bytes(releases_atom(context))
