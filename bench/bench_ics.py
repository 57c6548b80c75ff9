"""ICS export and import of 10,000 events, each against plain icalendar doing the same work.

Export: :func:`planner.ics.export_ics` of the programme, against icalendar building the same
VEVENTs (the same properties and values, read from plain tuples prepared beforehand) with the
same VTIMEZONE and serialising the calendar.

Import: :func:`planner.ics.read_ics` plus :func:`planner.importing.plan_import` and
:func:`~planner.importing.apply_plan` into an empty programme (everything the ``import``
command does but the SQLite write), against ``icalendar.Calendar.from_ical`` of the same bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, vDuration, vRecur, vUri
from icalendar import Event as VEvent

from bench.common import Result, best_of
from planner.ics import ExportOptions, css3_colour_name, export_ics, read_ics, vtimezone
from planner.importing import apply_plan, plan_import
from planner.model import Event, Person, Programme, Recurrence, Texts, Track, Venue

NOW = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)


def big_programme(count: int) -> Programme:
    """``count`` events over ten days in Moscow, in 8 tracks and 40 venues, with speakers,
    descriptions in three languages and one event in fifty repeating daily."""
    zone = ZoneInfo("Europe/Moscow")
    programme = Programme(Texts.same("Bench week"), "Europe/Moscow", date(2019, 4, 1),
                          date(2019, 4, 10))
    for n in range(8):
        programme.tracks[f"t{n}"] = Track(f"t{n}", Texts(f"Spur {n}", f"Track {n}",
                                                         f"Секция {n}"), f"#{n * 30:02x}6fb2")
    for n in range(40):
        programme.venues[f"v{n}"] = Venue(f"v{n}", Texts.same(f"Venue {n}"),
                                          f"Street {n}, St. Petersburg", 59.9 + n / 1000, 30.3)
    for n in range(200):
        programme.people[f"p{n}"] = Person(f"p{n}", f"Person {n}", "Institute")
    for n in range(count):
        day = 1 + n % 9
        hour = 8 + (n // 9) % 12
        start = datetime(2019, 4, day, hour, (n % 4) * 15, tzinfo=zone)
        recurrence = None
        if n % 50 == 0:
            recurrence = Recurrence("FREQ=DAILY;UNTIL=20190410T000000",
                                    (start + timedelta(days=1),))
        uid = f"bench-{n:05d}@programme-planner"
        programme.events[uid] = Event(
            uid=uid,
            title=Texts(f"Vortrag {n}", f"Talk {n}", f"Доклад {n}"),
            start=start,
            end=start + timedelta(minutes=45),
            track=f"t{n % 8}",
            venue=f"v{n % 40}",
            description=Texts.same(f"About subject number {n}, with some more words."),
            speakers=(f"p{n % 200}", f"p{(n * 7) % 200}") if n % 200 != (n * 7) % 200
            else (f"p{n % 200}",),
            sequence=n % 3,
            last_modified=datetime(2019, 3, 1, tzinfo=UTC),
            url=f"https://example.org/{n}" if n % 2 else "",
            recurrence=recurrence,
        )
    return programme


def _plain_rows(programme: Programme) -> list[tuple[object, ...]]:
    """What each VEVENT holds, as plain values: the baseline's input."""
    rows = []
    for e in programme.sorted_events():
        venue = programme.venues[e.venue]
        track = programme.tracks[e.track]
        names = "; ".join(f"{programme.people[p].name} ({programme.people[p].affiliation})"
                          for p in e.speakers)
        rule = None
        if e.recurrence is not None:
            rule = vRecur.from_ical("FREQ=DAILY;UNTIL=20190409T210000Z")
        rows.append((
            e.uid, e.last_modified, e.sequence, e.start, e.end, e.title.en,
            f"{e.description.en}\n\nSpeakers: {names}", f"{venue.name.en}, {venue.address}",
            (venue.lat, venue.lon), venue.name.en, venue.address, [track.name.en],
            css3_colour_name(track.colour),
            e.status.upper(), e.url, rule, list(e.recurrence.exdates) if e.recurrence else None,
        ))
    return rows


def _plain_export(rows: list[tuple[object, ...]]) -> bytes:
    calendar = Calendar()
    for name, value in (
        ("VERSION", "2.0"), ("PRODID", "-//bench//EN"), ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"), ("NAME", "Bench week"), ("X-WR-CALNAME", "Bench week"),
        ("DESCRIPTION", "Bench week"), ("X-WR-CALDESC", "Bench week"),
        ("X-WR-TIMEZONE", "Europe/Moscow"),
    ):
        calendar.add(name, value)
    calendar.add("REFRESH-INTERVAL", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(timedelta(hours=12)))
    calendar.add_component(vtimezone("Europe/Moscow", 2019, 2019))
    for (uid, modified, sequence, start, end, summary, description, location, geo,
         venue_name, address, categories, colour, status, url, rule, exdates) in rows:
        event = VEvent()
        add = event.add
        add("UID", uid)
        add("DTSTAMP", NOW)
        add("LAST-MODIFIED", modified)
        add("SEQUENCE", sequence)
        add("DTSTART", start)
        add("DTEND", end)
        add("SUMMARY", summary)
        add("DESCRIPTION", description)
        add("LOCATION", location)
        add("GEO", geo)
        add("X-APPLE-STRUCTURED-LOCATION", vUri(f"geo:{geo[0]},{geo[1]}"),
            parameters={"VALUE": "URI", "X-ADDRESS": address, "X-APPLE-RADIUS": "70",
                        "X-TITLE": venue_name})
        add("CATEGORIES", categories)
        add("COLOR", colour)
        add("STATUS", status)
        if url:
            add("URL", url)
        if rule is not None:
            add("RRULE", rule)
            add("EXDATE", exdates)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _check_same_events(ours: bytes, plain: bytes, sample: int = 100) -> None:
    """The baseline builds the very same VEVENTs (checked on the first ``sample``)."""
    ours_events = Calendar.from_ical(ours).walk("VEVENT")[:sample]
    plain_events = Calendar.from_ical(plain).walk("VEVENT")[:sample]
    for a, b in zip(ours_events, plain_events, strict=True):
        assert sorted(a) == sorted(b), (sorted(a), sorted(b))
        for name in a:
            assert a[name].to_ical() == b[name].to_ical(), (a["UID"], name)


def _empty_like(programme: Programme) -> Programme:
    target = programme.copy()
    target.events = {}
    return target


def run(quick: bool) -> list[Result]:
    count = 1_000 if quick else 10_000
    repeat = 3
    programme = big_programme(count)
    options = ExportOptions()
    rows = _plain_rows(programme)
    data = export_ics(programme, options, now=NOW)
    plain = _plain_export(rows)
    assert data.count(b"BEGIN:VEVENT") == plain.count(b"BEGIN:VEVENT") == count
    _check_same_events(data, plain)
    # Interleave so that both see the same machine state; best of several runs each.
    ours_export = best_of(lambda: export_ics(programme, options, now=NOW), repeat)
    base_export = best_of(lambda: _plain_export(rows), repeat)

    def ours_import() -> None:
        read = read_ics(data, "bench.ics")
        target = _empty_like(programme)
        plan = plan_import(target, read.events, problems=read.problems, now=NOW)
        assert not plan.skipped and len(plan.added) == count
        apply_plan(target, plan)

    ours_in = best_of(ours_import, repeat)
    base_in = best_of(lambda: Calendar.from_ical(data), repeat)
    return [
        Result(f"ICS export, {count:,} events", "icalendar building the same VEVENTs",
               ours_export / base_export, 1.3,
               f"ours {ours_export:.2f} s, icalendar {base_export:.2f} s"),
        Result(f"ICS import, {count:,} events", "icalendar Calendar.from_ical",
               ours_in / base_in, 1.5,
               f"ours {ours_in:.2f} s, icalendar {base_in:.2f} s"),
    ]
