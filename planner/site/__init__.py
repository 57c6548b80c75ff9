"""The published site: the programme as static pages that a delegate opens offline.

:func:`write_site` is a pure function of the programme (and the release before it, for the
marks of what changed): it writes ``index.html``, the pages of the days, their assets and
the events' data into a folder, byte for byte the same for the same input. The pages are
jinja2 templates from ``resources/site/`` rendered with autoescaping, so imported text never
becomes markup, and a small readable script (``site.js``) adds the language switch, the
filters and search, stars, "My programme", clash warnings and the calendar file of the
starred events, built in the browser with the bundled ical.js. Nothing is fetched from the
network and nothing needs a server: the pages work from ``file://`` as from any web host.

How the site is cut: a programme of up to :data:`PAGE_LIMIT` listed occurrences is one page,
``index.html``, with every day on it. A larger one (a festival) gets a page per day, a day
with more than :data:`PAGE_LIMIT` occurrences a page per part of the day, and
``index.html`` becomes the overview of the days; so no page grows with the programme. The
data the script needs about starred events (times, texts for the calendar file) lives in
``data/events-N.js``, the events spread over the files by a hash of their UID, so that any
page finds any event's data in one small file whichever page lists it.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from planner.builtin import RESOURCES
from planner.ics import (
    description_text,
    event_times,
    export_exdates,
    export_rule,
    location_text,
    vtimezone,
    zone_years,
)
from planner.model import FALLBACK, LANGS, Event, Lang, Programme, Texts, Venue, speaker_labels
from planner.recurrence import expand, expand_all
from planner.site.marks import Marks, marks_of, marks_since
from planner.site.strings import NATIVE_NAMES, day_label, text, ui_table

__all__ = ["PAGE_BYTES", "PAGE_LIMIT", "SITE_RESOURCES", "DayPart", "Page", "Publication",
           "Slot", "fnv1a", "own_bytes", "plan_pages", "slots_by_day", "write_site"]

SITE_RESOURCES = RESOURCES / "site"
PAGE_LIMIT = 500
"""The most occurrences one page lists; a larger programme is cut by day and part of day."""
PAGE_BYTES = 600_000
"""The most bytes the listed occurrences of one page take (a page stays well under 1 MB)."""
BUCKET_EVENTS = 200
"""About this many events' data go into one ``data/events-N.js``."""

# Told how far the work is, (done, total); may raise to stop it.
Progress = Callable[[int, int], None]

DEFAULT_COLOUR = "#607d8b"
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
# Only web addresses become links: a "javascript:" URL in imported data must stay text.
_WEB_URL_RE = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)

# Copied into ``assets/`` as they are.
_ASSETS = ("site.css", "site.js")
_VENDOR = ("ical.js", "ical.js.LICENSE.txt")


def own_bytes(folder: Path) -> int:
    """What the site written into ``folder`` weighs without the bundled ical.js (the
    budget of the built-in programme's site is counted so)."""
    bundled = {folder / "assets" / name for name in _VENDOR}
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and p not in bundled)


# ---------------------------------------------------------------------------------------------
# What the pages list


@dataclass(frozen=True, slots=True)
class Slot:
    """One occurrence of an event as one day lists it (an occurrence that runs past
    midnight is listed on each day it touches)."""

    anchor: str
    uid: str
    """The UID the programme knows the event (the series) by."""
    event: Event
    """The event as this occurrence is: the series' own, or the override that changed it."""
    start: datetime
    """The occurrence's start, in the programme's zone."""
    end: datetime
    day: date
    """The day that lists it."""

    @property
    def continued(self) -> bool:
        """Whether the occurrence began on an earlier day."""
        return self.start.date() != self.day


@dataclass(frozen=True, slots=True)
class Publication:
    """What the rest of the publish folder offers, for the site to point at, and which
    release the pages show. ``feed`` is the calendar feed of the whole programme (a path in
    the folder, or its ``webcal://`` address), ``changes`` the page of what changed in each
    release, ``schedule`` the file conference apps read (schedule.xml); ``release`` the
    release's name (``None``: a draft) and ``released`` its day."""

    feed: str | None = None
    changes: str | None = None
    schedule: str | None = None
    release: str | None = None
    released: date | None = None


@dataclass(slots=True)
class DayPart:
    """The occurrences of one day that one page lists (the whole day, or a part of it)."""

    day: date
    slots: list[Slot]
    part: int
    parts: int
    file: str


@dataclass(slots=True)
class Page:
    file: str
    days: list[DayPart] = field(default_factory=list)


def fnv1a(text: str) -> int:
    """The 32-bit FNV-1a hash of ``text``'s UTF-8 bytes; site.js computes the same to find
    which data file holds an event."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def _anchor_stems(uids: Iterable[str]) -> dict[str, str]:
    """A short, stable stem of an element id for each UID: ten hex digits of its SHA-1,
    the whole digest for the rare UID whose ten digits another one took first."""
    stems: dict[str, str] = {}
    taken: set[str] = set()
    for uid in sorted(uids):
        digest = hashlib.sha1(uid.encode("utf-8")).hexdigest()
        stem = digest[:10] if digest[:10] not in taken else digest
        taken.add(stem)
        stems[uid] = stem
    return stems


def slots_by_day(programme: Programme) -> dict[date, list[Slot]]:
    """Every day of the programme with the occurrences it lists, in time order. An
    occurrence that an override changed is listed as it now is (its own title, venue and
    status), under its series' UID."""
    zone = programme.zone
    stems = _anchor_stems(programme.events)
    days: dict[date, list[Slot]] = {day: [] for day in programme.days}
    for uid, series in programme.events.items():
        stem = stems[uid]
        for occurrence in expand_all(programme, (series,)):
            start, end = occurrence.start.astimezone(zone), occurrence.end.astimezone(zone)
            day = start.date()
            # The end is exclusive: an occurrence ending at midnight is not on the next day.
            last = max(day, (end - timedelta(microseconds=1)).date())
            while day <= last:
                if day in days:
                    anchor = f"e-{stem}-{day:%Y%m%d}-{start:%H%M}"
                    days[day].append(Slot(anchor, uid, occurrence.event, start, end, day))
                day += timedelta(days=1)
    for slots in days.values():
        slots.sort(key=lambda s: (s.start, s.end, s.uid))
    return days


def plan_pages(days: Mapping[date, list[Slot]], limit: int = PAGE_LIMIT,
               sizes: Mapping[str, int] | None = None, budget: int = PAGE_BYTES) -> list[Page]:
    """The pages: one ``index.html`` when everything fits, else a page per day
    (``day-YYYY-MM-DD.html``) or, for a day that does not fit one page, per part of it
    (``day-YYYY-MM-DD-2.html``, ...). A page lists at most ``limit`` occurrences and, by
    ``sizes`` (the bytes each occurrence's listing takes, by anchor), ``budget`` bytes."""
    def weight(slot: Slot) -> int:
        return sizes.get(slot.anchor, 0) if sizes else 0

    count = sum(len(slots) for slots in days.values())
    if count <= limit and sum(weight(s) for slots in days.values() for s in slots) <= budget:
        page = Page("index.html")
        page.days = [DayPart(day, slots, 1, 1, "index.html") for day, slots in days.items()]
        return [page]
    pages = []
    for day, slots in days.items():
        chunks = _cut(slots, weight, limit, budget)
        for part, chunk in enumerate(chunks, start=1):
            name = f"day-{day:%Y-%m-%d}.html" if part == 1 else f"day-{day:%Y-%m-%d}-{part}.html"
            pages.append(Page(name, [DayPart(day, chunk, part, len(chunks), name)]))
    return pages


def _cut(slots: list[Slot], weight: Callable[[Slot], int], limit: int,
         budget: int) -> list[list[Slot]]:
    """``slots`` in as few consecutive parts as the limits allow, of about equal size: a
    last part of a few events would be a page that costs its reader a click for little."""
    def fill(most: int, most_bytes: float) -> list[list[Slot]]:
        chunks: list[list[Slot]] = [[]]
        used = 0
        for slot in slots:
            if chunks[-1] and (len(chunks[-1]) >= most or used + weight(slot) > most_bytes):
                chunks.append([])
                used = 0
            chunks[-1].append(slot)
            used += weight(slot)
        return chunks

    greedy = fill(limit, budget)
    if len(greedy) == 1:
        return greedy
    # Fill again with the limits lowered to an even share; an event larger than its share
    # can make that take one part more, and then the greedy cut stands.
    parts = len(greedy)
    total = sum(weight(slot) for slot in slots)
    even = fill(math.ceil(len(slots) / parts), max(total / parts, 1) * 1.05)
    return even if len(even) == parts else greedy


# ---------------------------------------------------------------------------------------------
# Rendering helpers


def languages_markup(texts: Texts) -> Markup:
    """A text in the three languages as the pages carry it: one ``<span data-l>`` per
    language (the stylesheet shows the reader's), or the text once when all agree. A
    language that falls back to another's text says so in ``lang`` for screen readers."""
    # Markup.format goes through string.Formatter: too slow for the festival's 100,000
    # texts. Every value below is escaped; the rest is our own markup.
    values = [texts.get(lang) for lang in LANGS]
    if values[0] == values[1] == values[2]:
        owners = [lang for lang in LANGS if getattr(texts, lang)]
        if len(owners) == 1:  # one language's text standing in for all: say which
            return Markup(f'<span lang="{owners[0]}">{escape(values[0])}</span>')
        return escape(values[0])
    spans = []
    for lang, value in zip(LANGS, values, strict=True):
        if getattr(texts, lang):
            spans.append(f'<span data-l="{lang}">{escape(value)}</span>')
        else:
            source = next(other for other in LANGS if getattr(texts, other) == value)
            spans.append(f'<span data-l="{lang}" lang="{source}">{escape(value)}</span>')
    return Markup("".join(spans))


def _ui(key: str, **values: object) -> Texts:
    return Texts(*(text(key, lang, **values) for lang in LANGS))


def _zone_label(programme: Programme) -> str:
    """The programme's zone as a reader knows it: "Europe/Moscow (MSK, UTC+03:00)"."""
    noon = datetime.combine(programme.first_day, datetime.min.time(), programme.zone)
    noon += timedelta(hours=12)
    offset = noon.utcoffset() or timedelta()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    abbreviation = noon.tzname() or ""
    shown = f"{abbreviation}, " if abbreviation and abbreviation[0] not in "+-" else ""
    return f"{programme.timezone} ({shown}UTC{sign}{hours:02d}:{rest:02d})"


def _ics_value(value: date | datetime) -> str:
    """A DTSTART-like value as ical.js's ``ICAL.Time.fromString`` reads it."""
    if isinstance(value, datetime):
        if value.tzinfo is UTC:
            return value.strftime("%Y-%m-%dT%H:%M:%SZ")
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return value.isoformat()


def _day_or_time(value: datetime, all_day: bool) -> date | datetime:
    """A start as a calendar file writes it beside the event's: a date for an all-day one."""
    return value.date() if all_day else value


def _owned(texts: Texts) -> dict[str, str]:
    """The languages ``texts`` has, each with its text (site.js picks by the fallback
    order, and so knows which language it shows)."""
    return {lang: getattr(texts, lang) for lang in LANGS if getattr(texts, lang)}


def _text_language(texts: Texts, lang: Lang) -> str:
    """The language ``texts.get(lang)`` is really in (another one when ``lang``'s is
    missing)."""
    return next((other for other in FALLBACK[lang] if getattr(texts, other)), lang)


def _compact(texts: Texts | Mapping[Lang, str]) -> str | dict[str, str]:
    """Texts for the data files: one string when the three languages agree."""
    if isinstance(texts, Texts):
        if texts.de == texts.en == texts.ru:  # the common case of names: no fallback to do
            return texts.en
        values = {"de": texts.get("de"), "en": texts.get("en"), "ru": texts.get("ru")}
    else:
        values = {lang: texts[lang] for lang in LANGS}
    first = values["en"]
    return first if values["de"] == first == values["ru"] else values


# ---------------------------------------------------------------------------------------------
# The writer


class _Site:
    """Everything one :func:`write_site` call renders, worked out once."""

    def __init__(self, programme: Programme, previous: Programme | None,
                 event_ics: Mapping[str, str] | None, lang: Lang, base_url: str | None,
                 page_limit: int, page_bytes: int, publication: Publication | None,
                 progress: Progress | None) -> None:
        self.programme = programme
        self.publication = publication
        self.lang = lang
        self.base_url = base_url.rstrip("/") + "/" if base_url else None
        self.event_ics = dict(event_ics or {})
        self.marks: Marks = marks_since(previous, programme)
        self.zone_label = _zone_label(programme)
        self._markup: dict[Texts, Markup] = {}
        self._venues: dict[str, Markup] = {}
        self._ui: dict[str, Markup] = {}
        self._descriptions: dict[Texts, int] = {}
        # The labels every event repeats: plain texts for elements marked data-i18n
        # themselves, marked spans for the rest.
        self.labels: dict[str, str | Markup] = {
            key: text(key, lang) for key in ("star", "website", "add_to_calendar", "details")
        }
        self.labels.update({key: self.ui(key) for key in ("languages", "speakers")})
        self.days = slots_by_day(programme)
        # Each listing is rendered once, first, so that pages can be cut by its size.
        card = _environment().get_template("_event.html").module.event_card  # type: ignore[attr-defined]
        listed = [slot for slots in self.days.values() for slot in slots]
        self.cards: dict[str, Markup] = {}
        for number, slot in enumerate(listed):
            if progress is not None and number % 1000 == 0:
                progress(number, len(listed))
            self.cards[slot.anchor] = card(self, slot)
        sizes = {anchor: len(html.encode("utf-8")) for anchor, html in self.cards.items()}
        self.pages = plan_pages(self.days, page_limit, sizes, page_bytes)
        self.single = len(self.pages) == 1
        self.site_id = hashlib.sha1(
            f"{programme.name.en or programme.name.get('en')}|{programme.timezone}|"
            f"{programme.first_day}".encode()
        ).hexdigest()[:12]
        # Where each event is first listed: the target of "Show in the programme".
        self.home: dict[str, str] = {}
        for page in self.pages:
            for part in page.days:
                for slot in part.slots:
                    self.home.setdefault(slot.uid, f"{page.file}#{slot.anchor}")
        self.buckets = max(1, math.ceil(len(programme.events) / BUCKET_EVENTS))

    # -- texts --

    def ml(self, texts: Texts) -> Markup:
        """:func:`languages_markup`, remembered: venue and track names repeat a lot."""
        found = self._markup.get(texts)
        if found is None:
            found = self._markup[texts] = languages_markup(texts)
        return found

    def text(self, key: str) -> str:
        """A site text in the page's language, for an element marked ``data-i18n`` itself."""
        return text(key, self.lang)

    def ui(self, key: str, **values: object) -> Markup:
        """A site text in the page's language, marked for the script to switch (with the
        values of its placeholders, if it has any)."""
        if not values:
            found = self._ui.get(key)
            if found is None:  # the same few labels on every event: made once
                found = self._ui[key] = Markup(
                    f'<span data-i18n="{escape(key)}">{escape(text(key, self.lang))}</span>')
            return found
        return Markup("<span data-i18n=\"{}\" data-values=\"{}\">{}</span>").format(
            key, json.dumps(values, ensure_ascii=False, sort_keys=True, default=str),
            text(key, self.lang, **values))

    def day_name(self, day: date, style: str = "long") -> Markup:
        """The day in the three languages (see :func:`strings.day_label` for the styles)."""
        return self.ml(Texts(*(day_label(day, lang, style) for lang in LANGS)))

    def day_label_text(self, day: date) -> str:
        return day_label(day, self.lang)

    def when(self, slot: Slot) -> Markup:
        """The occurrence's times on the day that lists it ("10:00–13:00"); the element
        around them carries the instants (``data-start``, ``data-end``) for site.js to show
        them in the reader's zone too."""
        if slot.event.all_day:
            return self.ui("all_day")
        end = f"{slot.end:%H:%M}"
        end_day = (slot.end - timedelta(microseconds=1)).date()
        if end_day != slot.day:
            end = f"{self.day_name(end_day, 'short')} {end}"
        if slot.continued:
            return Markup(f"{self.ui('continued')} –{end}")
        return Markup(f"{slot.start:%H:%M}–{end}")

    def venue(self, venue: Venue) -> Markup:
        """The venue as its events show it (rendered once per venue)."""
        found = self._venues.get(venue.id)
        if found is None:
            template = _environment().get_template("_venue.html")
            found = self._venues[venue.id] = Markup(template.render(site=self, venue=venue))
        return found

    def venues_by_name(self) -> list[Venue]:
        """The venues for the venue filter, in the order of their names."""
        return sorted(self.programme.venues.values(),
                      key=lambda v: (v.name.get(self.lang).casefold(), v.id))

    @staticmethod
    def coordinate(value: float) -> str:
        """A latitude or longitude to a tenth of a metre, for map links."""
        return repr(round(value, 6))

    def track_styles(self) -> Markup:
        """The stylesheet rules giving each track's events its colour (one rule per track
        rather than a style on every event)."""
        return Markup("\n").join(
            Markup('[data-track="{}"] {{ --c: {}; }}').format(track.id, self.colour(track.colour))
            for track in self.programme.tracks.values())

    @staticmethod
    def colour(value: str) -> str:
        """A track colour safe to put into a style attribute."""
        return value if _COLOUR_RE.match(value) else DEFAULT_COLOUR

    # -- navigation --

    def nav(self, current: Page | None) -> list[dict[str, Any]]:
        """The days for the navigation, each with its parts when it has several."""
        entries: list[dict[str, Any]] = []
        for page in self.pages:
            for part in page.days:
                href = f"#d-{part.day:%Y-%m-%d}" if self.single else page.file
                if part.part == 1:
                    entries.append({"day": part.day, "href": href, "parts": [],
                                    "count": 0, "current": False})
                entry = entries[-1]
                entry["count"] += len(part.slots)
                entry["current"] = entry["current"] or page is current
                # A day's parts are listed on its own pages and the overview only.
                if part.parts > 1 and (current is None or current.days[0].day == part.day):
                    first = part.slots[0].start if part.slots else None
                    label = f"{first:%H:%M}" if first is not None and \
                        first.date() == part.day else "00:00"
                    entry["parts"].append({"href": page.file, "label": label,
                                           "current": page is current})
        return entries

    # -- the events' data for the script --

    def component(self, event: Event) -> dict[str, Any]:
        """The calendar properties of an event (a series, or one changed occurrence of it)
        for site.js to write with ical.js, made by the same functions as the ICS export."""
        programme = self.programme
        start, end = event_times(event)
        venue = programme.venues.get(event.venue)
        track = programme.tracks.get(event.track)
        data: dict[str, Any] = {
            "title": _compact(event.title),
            "start": _ics_value(start),
            "end": _ics_value(end),
            "status": event.status,
            "sequence": event.sequence,
            "modified": _ics_value(event.last_modified.astimezone(UTC).replace(microsecond=0)),
        }
        if isinstance(start, datetime) and start.tzinfo is not UTC:
            data["tzid"] = event.zone.key
        if event.all_day:
            data["allDay"] = True
        description = {lang: description_text(programme, event, lang) for lang in LANGS}
        if any(description.values()):
            data["description"] = _compact(description)
        if venue is not None:
            data["venue"] = _compact(venue.name)
            data["location"] = _compact({lang: location_text(venue, lang) for lang in LANGS})
            if venue.lat is not None and venue.lon is not None:
                data["geo"] = [venue.lat, venue.lon]
        if track is not None:
            data["track"] = _compact(track.name)
        if _WEB_URL_RE.match(event.url):
            data["url"] = event.url
        return data

    def event_data(self, event: Event) -> dict[str, Any]:
        """What site.js needs of an event: its occurrences on the programme's days (UTC
        seconds, and which override each is, if one) for clashes and My programme, and
        its calendar properties with its repeat rules and changed occurrences."""
        data = self.component(event)
        data["uid"] = event.uid
        data["href"] = self.home.get(event.uid, "")
        track = self.programme.tracks.get(event.track)
        data["colour"] = self.colour(track.colour) if track is not None else DEFAULT_COLOUR
        if event.ical_uid != event.uid:
            data["icalUid"] = event.ical_uid
        overrides = {o.recurrence_id: n for n, o in enumerate(event.overrides)}
        first, last = self.programme.window
        listed = []
        for occurrence in expand(event, first, last).occurrences:
            what = occurrence.event
            if what.status == "cancelled" and event.status != "cancelled":
                continue  # one occurrence called off: no clash, nothing to attend
            entry = [int(occurrence.start.timestamp()), int(occurrence.end.timestamp())]
            if what is not event and what.recurrence_id in overrides:
                entry.append(overrides[what.recurrence_id])
            listed.append(entry)
        data["occurrences"] = listed
        recurrence = event.recurrence
        if recurrence is not None:
            data["rrules"] = [
                export_rule(event, rule).to_ical().decode("ascii")  # type: ignore[no-untyped-call]
                for rule in recurrence.rules
            ]
            if recurrence.rdates:
                data["rdates"] = [_ics_value(_day_or_time(x, event.all_day))
                                  for x in sorted(recurrence.rdates)]
            if recurrence.periods:
                data["periods"] = [[_ics_value(p.start), _ics_value(p.end)]
                                   for p in sorted(recurrence.periods, key=lambda p: p.start)]
            exdates = export_exdates(event)
            if exdates:
                data["exdates"] = [_ics_value(x) for x in exdates]
        if event.overrides:
            data["overrides"] = []
            for override in event.overrides:
                assert override.recurrence_id is not None
                changed = self.component(override)
                changed["recurrenceId"] = _ics_value(
                    _day_or_time(override.recurrence_id.start, event.all_day))
                if override.recurrence_id.this_and_future:
                    changed["thisAndFuture"] = True
                data["overrides"].append(changed)
        return data

    def _description_key(self, description: Texts) -> int:
        """A number for ``description``, the same for every event that has it."""
        key = self._descriptions.get(description)
        if key is None:
            key = self._descriptions[description] = len(self._descriptions)
        return key

    def texts_file(self, page: Page) -> str:
        """Where the descriptions of ``page``'s events wait in every language."""
        return f"data/texts/{page.file.removesuffix('.html')}.js"

    def page_texts(self, page: Page) -> str:
        """The script holding the descriptions of ``page``'s events in every language, by
        their number: site.js reads it when the reader searches or turns to another
        language, so that the page itself carries each description once."""
        found = {}
        for part in page.days:
            for slot in part.slots:
                key = self._descriptions.get(slot.event.description)
                if key is not None and str(key) not in found:
                    found[str(key)] = _owned(slot.event.description)
        payload = json.dumps(found, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        return f"plannerSiteTexts({payload});\n"

    def bucket_files(self) -> dict[str, str]:
        buckets: list[list[dict[str, Any]]] = [[] for _ in range(self.buckets)]
        for uid in sorted(self.programme.events):
            event = self.programme.events[uid]
            buckets[fnv1a(uid) % self.buckets].append(self.event_data(event))
        files = {}
        for number, events in enumerate(buckets):
            payload = json.dumps(events, ensure_ascii=False, separators=(",", ":"),
                                 sort_keys=True)
            # A script rather than JSON: pages opened from file:// may not fetch files.
            files[f"data/events-{number}.js"] = (
                f"plannerSiteData({number},{payload});\n"
            )
        return files

    def config(self) -> dict[str, Any]:
        """The page's settings for site.js (the same on every page)."""
        programme = self.programme
        # A zone a calendar file defined for itself goes out as the file had it.
        zones = {
            name: programme.zones.get(name) or vtimezone(name, lo, hi).to_ical().decode("utf-8")
            for name, (lo, hi) in sorted(zone_years(programme.events.values(),
                                                    programme).items())
            if name != "UTC"
        }
        return {
            "site": self.site_id,
            "name": _compact(programme.name),
            "zone": programme.timezone,
            "lang": self.lang,
            "buckets": self.buckets,
            "single": self.single,
            "days": [f"{day:%Y-%m-%d}" for day in programme.days],
            "venues": {vid: _compact(v.name) for vid, v in programme.venues.items()},
            "fallback": {lang: list(FALLBACK[lang]) for lang in LANGS},
            "ui": ui_table(),
            "vtimezones": zones,
        }

    # -- pages --

    def event_view(self, slot: Slot) -> dict[str, Any]:
        """Everything the event template shows of one listed occurrence, worked out here
        in one call: the template only puts it together (a call from a template costs
        several times a call from Python, and the festival lists 50,000 of them)."""
        event = slot.event
        programme = self.programme
        venue = programme.venues.get(event.venue)
        track = programme.tracks.get(event.track)
        marks: list[tuple[str, Markup]] = []
        if event.status in ("cancelled", "tentative"):
            marks.append((event.status, self.ui(event.status)))
        marks.extend((mark, self.ui(mark)) for mark in marks_of(self.marks, slot.uid, slot.start))
        languages = Markup(", ").join(self.ui(f"lang_{code}") for code in event.languages)
        description = event.description
        has_description = bool(description.en or description.de or description.ru)
        return {
            "anchor": slot.anchor,
            "uid": slot.uid,
            "event": event,
            "timed": not event.all_day,
            "start": slot.start.isoformat(),
            "end": slot.end.isoformat(),
            "when": self.when(slot),
            "title": self.ml(event.title),
            "marks": marks,
            "track": self.ml(track.name) if track is not None else None,
            "languages": languages,
            "venue": self.venue(venue) if venue is not None else None,
            "speakers": "; ".join(speaker_labels(programme, event)),
            # The description in the page's language only (the others wait in the page's
            # texts file, see page_texts): descriptions are most of an event's bytes.
            "description": description.get(self.lang) if has_description else None,
            "description_lang": _text_language(description, self.lang),
            "description_key": self._description_key(description) if has_description else None,
            "ics": self.event_ics.get(slot.uid),
            "url": event.url if _WEB_URL_RE.match(event.url) else "",
        }


_BETWEEN_TAGS = re.compile(r">\s+<")


def spaceless(html: str) -> Markup:
    """``html`` without the white space between its tags: a page lists hundreds of events,
    and every line break between two of an event's elements is one more node for the
    browser to build (a third of them, before). Only white space alone between two tags
    goes; text keeps its spaces."""
    return Markup(_BETWEEN_TAGS.sub("><", str(html)))


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(SITE_RESOURCES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["spaceless"] = spaceless
    return environment


def render_pages(site: _Site) -> dict[str, str]:
    """Every HTML page of the site, and the texts file of each, by file name."""
    environment = _environment()
    common = {
        "site": site,
        "programme": site.programme,
        "lang": site.lang,
        "langs": LANGS,
        "native_names": NATIVE_NAMES,
        "config": site.config(),
        "zone_label": site.zone_label,
    }
    pages: dict[str, str] = {}
    page_template = environment.get_template("page.html")
    for page in site.pages:
        pages[page.file] = page_template.render(common, page=page, nav=site.nav(page))
        pages[site.texts_file(page)] = site.page_texts(page)
    if not site.single:
        pages["index.html"] = environment.get_template("overview.html").render(
            common, page=None, nav=site.nav(None))
    return pages


def write_site(
    programme: Programme,
    folder: Path,
    *,
    previous: Programme | None = None,
    event_ics: Mapping[str, str] | None = None,
    lang: Lang = "en",
    base_url: str | None = None,
    page_limit: int = PAGE_LIMIT,
    page_bytes: int = PAGE_BYTES,
    publication: Publication | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """Write the programme's site into ``folder`` and return the files written (relative,
    sorted).

    ``previous`` is the release before this one: events new, moved or rescheduled since
    then are marked. ``event_ics`` maps a UID to the path (relative to ``folder``) of that
    event's own .ics file, which its "Add to calendar" link offers. ``lang`` is the language
    the pages open in when the reader's browser asks for none of the three; ``base_url`` is
    where the folder will be served from, if anywhere. ``page_limit`` and ``page_bytes`` bound
    what one page lists (see :func:`plan_pages`). ``publication`` says what else the folder
    holds for the pages to link (the feeds, the change list). ``progress(done, total)`` is
    told how far the listings are (and may raise to stop). Files of the folder that the site
    does not write are left alone.
    """
    site = _Site(programme, previous, event_ics, lang, base_url, page_limit, page_bytes,
                 publication, progress)
    files: dict[str, str] = {}
    files.update(render_pages(site))
    files.update(site.bucket_files())
    written = []
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
        written.append(name)
    assets = folder / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in _ASSETS:
        shutil.copyfile(SITE_RESOURCES / name, assets / name)
        written.append(f"assets/{name}")
    for name in _VENDOR:
        shutil.copyfile(SITE_RESOURCES / "vendor" / name, assets / name)
        written.append(f"assets/{name}")
    return sorted(written)

