"""ICS export: what the calendar and each event carry, filters, languages, determinism."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from factories import at, event, small_programme
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ics_programmes import BERLIN, berlin_programme, vevents

from planner.builtin import load_builtin
from planner.cli import main
from planner.ics import (
    CSS3_COLOURS,
    ExportOptions,
    css3_colour_name,
    export_by_track,
    export_ics,
    read_ics,
)
from planner.importing import plan_import
from planner.model import (
    Programme,
    Recurrence,
    Texts,
    TimeRangeError,
    UnknownReferenceError,
    touch,
    validate_event,
)
from planner.store import save_new

NOW = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)


def programme_with_events() -> Programme:
    p = small_programme()
    p.events["talk@t"] = event(
        "talk@t", day=4, start=10, end=12,
        title=Texts("Vortrag", "Talk", "Доклад"),
        description=Texts("Über Brücken", "About bridges", ""),
        speakers=("anna",), url="https://example.org/talk", sequence=3,
        last_modified=datetime(2019, 3, 2, 8, 30, tzinfo=UTC),
    )  # fmt: skip
    p.events["concert@t"] = event("concert@t", day=5, start=19, end=21, track="culture",
                                  venue="petri", title=Texts.same("Konzert"))
    p.events["fair@t"] = event("fair@t", start=at(6, 0), end=at(8, 0), all_day=True,
                               title=Texts.same("Fair"))
    p.events["coffee@t"] = event(
        "coffee@t", day=4, start=9, end=10, title=Texts.same("Coffee"),
        recurrence=Recurrence("FREQ=DAILY;UNTIL=20190409T235959", (at(6, 9),)),
    )
    p.events["off@t"] = event("off@t", day=7, start=15, end=16, status="cancelled")
    return p


def test_calendar_properties() -> None:
    calendar = icalendar.Calendar.from_ical(export_ics(programme_with_events(), now=NOW))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Programme Planner//")
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == "Test week"
    assert str(calendar["DESCRIPTION"]) == str(calendar["X-WR-CALDESC"])
    assert "2019-04-03" in str(calendar["DESCRIPTION"])
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Moscow"
    assert calendar["REFRESH-INTERVAL"].dt == timedelta(hours=12)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar["X-PUBLISHED-TTL"].to_ical() == b"PT12H"
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]


def test_one_vtimezone_per_zone_used() -> None:
    calendar = icalendar.Calendar.from_ical(export_ics(berlin_programme(), now=NOW))
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == [
        "Europe/Berlin", "Europe/Moscow"
    ]


def test_event_properties() -> None:
    e = vevents(export_ics(programme_with_events(), now=NOW))["talk@t"]
    assert e["DTSTAMP"].dt == NOW
    assert e["LAST-MODIFIED"].dt == datetime(2019, 3, 2, 8, 30, tzinfo=UTC)
    assert e["SEQUENCE"] == 3
    assert e["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert e["DTSTART"].dt == at(4, 10) and e["DTEND"].dt == at(4, 12)
    assert e["DTEND"].params["TZID"] == "Europe/Moscow"
    assert str(e["SUMMARY"]) == "Talk"
    assert str(e["DESCRIPTION"]) == "About bridges\n\nSpeakers: Anna Beispiel (Goethe-Institut)"
    assert str(e["LOCATION"]) == "Goethe-Institut, Nab. reki Moyki 58"
    assert (e["GEO"].latitude, e["GEO"].longitude) == (59.9316, 30.3127)
    assert [str(c) for c in e["CATEGORIES"].cats] == ["Business"]
    assert str(e["COLOR"]) == css3_colour_name("#1f6fb2")
    assert str(e["COLOR"]) in CSS3_COLOURS
    assert str(e["STATUS"]) == "CONFIRMED"
    assert str(e["URL"]) == "https://example.org/talk"
    assert "RRULE" not in e and "VALARM" not in [c.name for c in e.subcomponents]


def test_repeating_event_has_rrule_with_utc_until_and_exdate() -> None:
    e = vevents(export_ics(programme_with_events(), now=NOW))["coffee@t"]
    # 23:59:59 Moscow time on 9 April is 20:59:59 UTC.
    assert e["RRULE"]["UNTIL"] == [datetime(2019, 4, 9, 20, 59, 59, tzinfo=UTC)]
    assert e["RRULE"]["FREQ"] == ["DAILY"]
    assert [d.dt for d in e["EXDATE"].dts] == [at(6, 9)]
    assert e["EXDATE"].params["TZID"] == "Europe/Moscow"


def test_all_day_event_uses_dates_with_exclusive_end() -> None:
    e = vevents(export_ics(programme_with_events(), now=NOW))["fair@t"]
    assert e["DTSTART"].dt == date(2019, 4, 6)
    assert e["DTEND"].dt == date(2019, 4, 8)
    assert b"DTSTART;VALUE=DATE:20190406" in e.to_ical()


def test_all_day_repeat_has_date_until() -> None:
    e = vevents(export_ics(berlin_programme(), now=NOW))["alldayrep@t"]
    assert e["DTSTART"].dt == date(2019, 3, 26)
    assert e["RRULE"]["COUNT"] == [9]


def test_cancelled_event_stays_in_the_feed() -> None:
    e = vevents(export_ics(programme_with_events(), now=NOW))["off@t"]
    assert str(e["STATUS"]) == "CANCELLED"


def test_times_in_a_dst_gap_or_overlap_are_written_in_utc() -> None:
    events = vevents(export_ics(berlin_programme(), now=NOW))
    assert events["gap@t"]["DTSTART"].to_ical() == b"20190331T013000Z"
    assert events["overlap@t"]["DTSTART"].to_ical() == b"20191027T003000Z"
    assert events["before@t"]["DTSTART"].params["TZID"] == "Europe/Berlin"


def test_alarm() -> None:
    data = export_ics(programme_with_events(), ExportOptions(alarm_minutes=15), now=NOW)
    for e in vevents(data).values():
        (alarm,) = e.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == timedelta(minutes=-15)
        assert str(alarm["DESCRIPTION"]) == str(e["SUMMARY"])


@pytest.mark.parametrize(
    ("lang", "title", "label", "category"),
    [("de", "Vortrag", "Referenten", "Wirtschaft"), ("ru", "Доклад", "Спикеры", "Экономика")],
)
def test_language(lang: str, title: str, label: str, category: str) -> None:
    """Title, description, speakers' label and track name in the language asked for; the
    description exists only in German, so Russian falls back to it (Texts.get's order)."""
    p = programme_with_events()
    p.events["talk@t"] = dataclasses.replace(
        p.events["talk@t"], description=Texts("Über Brücken", "", "")
    )
    data = export_ics(p, ExportOptions(lang=lang), now=NOW)  # type: ignore[arg-type]
    e = vevents(data)["talk@t"]
    assert str(e["SUMMARY"]) == title
    assert str(e["DESCRIPTION"]) == f"Über Brücken\n\n{label}: Anna Beispiel (Goethe-Institut)"
    assert [str(c) for c in e["CATEGORIES"].cats] == [category]


def test_language_fallback_for_titles() -> None:
    p = programme_with_events()
    p.events["talk@t"] = dataclasses.replace(p.events["talk@t"], title=Texts(en="Only English"))
    for lang in ("de", "ru"):
        e = vevents(export_ics(p, ExportOptions(lang=lang), now=NOW))["talk@t"]  # type: ignore[arg-type]
        assert str(e["SUMMARY"]) == "Only English"


def test_filters() -> None:
    p = programme_with_events()

    def uids(**kwargs: tuple[str, ...]) -> list[str]:
        return list(vevents(export_ics(p, ExportOptions(**kwargs), now=NOW)))

    assert uids(tracks=("culture",)) == ["concert@t"]
    assert sorted(uids(venues=("goethe",))) == ["coffee@t", "fair@t", "off@t", "talk@t"]
    assert uids(uids=("talk@t", "concert@t")) == ["talk@t", "concert@t"]
    assert uids(tracks=("business",), uids=("talk@t", "concert@t")) == ["talk@t"]
    for kind in ("tracks", "venues", "uids"):
        with pytest.raises(UnknownReferenceError, match="nope"):
            uids(**{kind: ("nope",)})


def test_events_in_start_order() -> None:
    assert list(vevents(export_ics(programme_with_events(), now=NOW))) == [
        "coffee@t", "talk@t", "concert@t", "fair@t", "off@t"
    ]


def test_deterministic_only_dtstamp_differs() -> None:
    p = load_builtin()
    one = export_ics(p, now=NOW)
    two = export_ics(p, now=NOW + timedelta(days=3, seconds=7))
    assert one == export_ics(load_builtin(), now=NOW)
    diff = [(a, b) for a, b in zip(one.splitlines(), two.splitlines(), strict=True) if a != b]
    assert diff and all(a.startswith(b"DTSTAMP:") and b.startswith(b"DTSTAMP:") for a, b in diff)


def test_sequence_goes_up_only_on_significant_change() -> None:
    p = programme_with_events()
    old = p.events["talk@t"]
    typo = touch(old, dataclasses.replace(old, description=Texts.same("About bridges.")))
    moved = touch(old, dataclasses.replace(old, start=at(4, 11), end=at(4, 13)))
    for changed, sequence in ((typo, 3), (moved, 4)):
        p.events["talk@t"] = changed
        e = vevents(export_ics(p, now=NOW))["talk@t"]
        assert e["SEQUENCE"] == sequence
        assert e["LAST-MODIFIED"].dt == changed.last_modified


def test_colour_names() -> None:
    assert css3_colour_name("#ff0000") == "red"
    assert css3_colour_name("#fe0101") == "red"
    assert css3_colour_name("#000080") == "navy"
    assert css3_colour_name("#2e8b57") == "seagreen"
    assert len(CSS3_COLOURS) == 147  # CSS Color Module Level 3, extended keywords


def test_split_by_track() -> None:
    files = export_by_track(programme_with_events(), now=NOW)
    assert sorted(files) == ["business", "culture"]
    assert list(vevents(files["culture"])) == ["concert@t"]
    calendar = icalendar.Calendar.from_ical(files["culture"])
    assert str(calendar["X-WR-CALNAME"]) == "Test week: Culture"


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "test.programme"
    save_new(path, programme_with_events())
    out = tmp_path / "out.ics"
    assert main(["export", "-p", str(path), "-o", str(out), "--lang", "de",
                 "--alarm", "10", "--split-dir", str(tmp_path / "split")]) == 0
    events = vevents(out.read_bytes())
    assert str(events["talk@t"]["SUMMARY"]) == "Vortrag"
    assert events["talk@t"].walk("VALARM")
    assert sorted(p.name for p in (tmp_path / "split").iterdir()) == [
        "business.ics", "culture.ics"
    ]
    assert "out.ics geschrieben: " in capsys.readouterr().out  # --lang de


@pytest.mark.parametrize("option", ["--track", "--venue", "--uid"])
def test_cli_export_unknown_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    out = tmp_path / "out.ics"
    assert main(["export", "-o", str(out), option, "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "'nope'" in err and err.count("\n") == 1
    assert not out.exists()


def test_cli_export_builtin_to_stdout(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", "-o", "-"]) == 0
    data = capfdbinary.readouterr().out
    assert data.count(b"BEGIN:VEVENT") == len(load_builtin().events)


# --------------------------------------------------------------------------- round trips


@settings(max_examples=40, deadline=None)
@given(
    day=st.integers(min_value=25, max_value=31 + 30),
    minutes=st.integers(min_value=0, max_value=24 * 60 - 1),
    length=st.integers(min_value=1, max_value=6 * 60),
)
# In the spring gap (02:00-03:00 on 31 March): a start in it, an end in it, an end in it at
# the start's instant, an end after it that is before the start's instant; the autumn repeat.
@example(day=31, minutes=150, length=20)
@example(day=31, minutes=110, length=40)
@example(day=31, minutes=150, length=60)
@example(day=31, minutes=150, length=40)
@example(day=31 + 27, minutes=150, length=30)
def test_export_then_read_keeps_the_instant(day: int, minutes: int, length: int) -> None:
    """Any start in Berlin around the spring change reads back at the same instant.

    A wall-clock time in the spring gap is no time on Berlin's clocks; RFC 5545 3.3.5 reads
    it with the offset before the gap (02:30 is 03:30 CEST, 01:30 UTC), and so do the model
    and the importer. Model and importer order start and end by that instant, not by the
    wall clock: 02:30-03:10 ends 20 minutes before it starts. The model refuses such an
    event; the importer, as calendar clients do, reads it as taking no time."""
    p = berlin_programme()
    p.events.clear()
    start = (datetime(2019, 3, 1, tzinfo=BERLIN) + timedelta(days=day - 1, minutes=minutes))
    start = start.replace(tzinfo=BERLIN)
    end = (start.replace(tzinfo=None) + timedelta(minutes=length)).replace(tzinfo=BERLIN)
    written = event("x@t", start=start, end=end, zone=BERLIN)
    backwards = end.astimezone(UTC) < start.astimezone(UTC)
    if backwards:
        with pytest.raises(TimeRangeError):
            validate_event(p, written)
    else:
        validate_event(p, written)
    p.events["x@t"] = written  # the file an older version or another program wrote
    read = read_ics(export_ics(p, now=NOW), "x.ics")
    target = berlin_programme()
    target.events.clear()
    plan = plan_import(target, read.events, problems=read.problems)
    assert plan.skipped == []
    (imported,) = plan.added
    validate_event(target, imported)
    assert imported.start.astimezone(UTC) == start.astimezone(UTC)
    if backwards:
        assert [str(n) for n in read.notes] == [
            "x.ics: event 'x@t': it ends before it starts; read as taking no time"]
        assert imported.end.astimezone(UTC) == start.astimezone(UTC)
    else:
        assert imported.end.astimezone(UTC) == end.astimezone(UTC)


def test_structured_location_for_apple_calendar() -> None:
    e = vevents(export_ics(programme_with_events(), now=NOW))["concert@t"]
    prop = e["X-APPLE-STRUCTURED-LOCATION"]
    assert prop.to_ical() == b"geo:59.9358,30.3262"
    assert prop.params["X-TITLE"] == "Petrikirche"
    assert prop.params["X-ADDRESS"] == "Nevsky Prospekt 22-24"
