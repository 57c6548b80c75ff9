"""Tests of the four-parser ICS harness (tests/support/parsers.py) on small hand-made files.

Besides checking that icalendar, vobject, libical and ical.js are wired up correctly, a few
tests pin down quirks of those parsers that the exporter has to steer around; their
docstrings say which.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.parsers import PARSERS, agree, ensure_icaljs, read_all


@pytest.fixture(scope="module", autouse=True)
def _icaljs() -> Iterator[None]:
    """Install ical.js once (a no-op when node_modules is there already)."""
    ensure_icaljs()
    yield


def calendar(*blocks: str) -> bytes:
    """Wrap VTIMEZONE/VEVENT blocks (written with \\n) into a CRLF VCALENDAR."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Programme Planner//harness test//EN"]
    for block in blocks:
        lines.extend(line for line in block.strip().splitlines() if line)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


MOSCOW = """
BEGIN:VTIMEZONE
TZID:Europe/Moscow
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0300
TZOFFSETTO:+0300
TZNAME:MSK
END:STANDARD
END:VTIMEZONE
"""

# The tzurl / Thunderbird form: one DAYLIGHT and one STANDARD observance with yearly rules,
# each DTSTART the local time *before* the change (in TZOFFSETFROM), as RFC 5545 asks.
BERLIN = """
BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def vevent(uid: str, *lines: str) -> str:
    """Return a VEVENT block with UID, DTSTAMP and the given property lines."""
    body = "\n".join(lines)
    return f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20190301T000000Z\n{body}\nEND:VEVENT\n"


def starts(ics: bytes, key: str) -> dict[str, str | None]:
    """Return the start of event ``key`` as each parser reads it."""
    results = read_all(ics)
    return {name: r.events[key].start if key in r.events else None for name, r in results.items()}


# --------------------------------------------------------------------------- agreement


def test_moscow_with_vtimezone() -> None:
    """10:00 Moscow time is 07:00Z for all four parsers, and they agree on everything."""
    ics = calendar(
        MOSCOW,
        vevent(
            "msk@test",
            "DTSTART;TZID=Europe/Moscow:20190404T100000",
            "DTEND;TZID=Europe/Moscow:20190404T113000",
            "SUMMARY:Opening",
        ),
    )
    results = read_all(ics)
    assert list(results) == list(PARSERS)
    for name, result in results.items():
        assert result.errors == [], name
        event = result.events["msk@test"]
        assert (event.start, event.end, event.summary) == (
            "2019-04-04T07:00:00Z",
            "2019-04-04T08:30:00Z",
            "Opening",
        ), name
        assert event.occurrences == [], name
    assert agree(results) == []


def test_berlin_across_the_dst_change() -> None:
    """10:00 Berlin is 09:00Z on 30 March 2019 (CET) and 08:00Z on 1 April (CEST).

    A daily series from the 30th also moves from 09:00Z to 08:00Z in every parser's own
    recurrence expansion.
    """
    ics = calendar(
        BERLIN,
        vevent(
            "before@test",
            "DTSTART;TZID=Europe/Berlin:20190330T100000",
            "DTEND;TZID=Europe/Berlin:20190330T110000",
            "SUMMARY:Before",
        ),
        vevent(
            "after@test",
            "DTSTART;TZID=Europe/Berlin:20190401T100000",
            "DTEND;TZID=Europe/Berlin:20190401T110000",
            "SUMMARY:After",
        ),
        vevent(
            "daily@test",
            "DTSTART;TZID=Europe/Berlin:20190330T100000",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY",
            "SUMMARY:Daily",
        ),
    )
    results = read_all(ics, occurrences=4)
    assert agree(results) == []
    for name, result in results.items():
        assert result.events["before@test"].start == "2019-03-30T09:00:00Z", name
        assert result.events["before@test"].end == "2019-03-30T10:00:00Z", name
        assert result.events["after@test"].start == "2019-04-01T08:00:00Z", name
        assert result.events["after@test"].end == "2019-04-01T09:00:00Z", name
        daily = result.events["daily@test"]
        assert daily.end == "2019-03-30T10:00:00Z", name
        assert daily.occurrences == [
            "2019-03-30T09:00:00Z",
            "2019-03-31T08:00:00Z",
            "2019-04-01T08:00:00Z",
            "2019-04-02T08:00:00Z",
        ], name


def test_utc_times_and_duration() -> None:
    """UTC date-times pass through unchanged; DURATION stands in for a missing DTEND."""
    ics = calendar(
        vevent("utc@test", "DTSTART:20190402T150000Z", "DTEND:20190402T163000Z", "SUMMARY:U"),
        vevent("dur@test", "DTSTART:20190402T230000Z", "DURATION:PT1H30M", "SUMMARY:D"),
    )
    results = read_all(ics)
    assert agree(results) == []
    for name, result in results.items():
        utc, dur = result.events["utc@test"], result.events["dur@test"]
        assert (utc.start, utc.end) == ("2019-04-02T15:00:00Z", "2019-04-02T16:30:00Z"), name
        assert (dur.start, dur.end) == ("2019-04-02T23:00:00Z", "2019-04-03T00:30:00Z"), name


def test_all_day_events() -> None:
    """VALUE=DATE events give plain dates, the end exclusive; no DTEND means one day."""
    ics = calendar(
        vevent(
            "days@test",
            "DTSTART;VALUE=DATE:20190404",
            "DTEND;VALUE=DATE:20190406",
            "SUMMARY:Two days",
        ),
        vevent("day@test", "DTSTART;VALUE=DATE:20190407", "SUMMARY:One day"),
    )
    results = read_all(ics)
    assert agree(results) == []
    for name, result in results.items():
        days, day = result.events["days@test"], result.events["day@test"]
        assert (days.start, days.end) == ("2019-04-04", "2019-04-06"), name
        assert (day.start, day.end) == ("2019-04-07", "2019-04-08"), name


def test_daily_rule_with_exdates() -> None:
    """RRULE COUNT=5 less two EXDATEs leaves three occurrences, in all four expansions."""
    ics = calendar(
        MOSCOW,
        vevent(
            "series@test",
            "DTSTART;TZID=Europe/Moscow:20190403T100000",
            "DTEND;TZID=Europe/Moscow:20190403T110000",
            "RRULE:FREQ=DAILY;COUNT=5",
            "EXDATE;TZID=Europe/Moscow:20190404T100000,20190406T100000",
            "SUMMARY:Series",
        ),
        vevent(
            "open@test",
            "DTSTART;VALUE=DATE:20190403",
            "RRULE:FREQ=WEEKLY",
            "EXDATE;VALUE=DATE:20190410",
            "SUMMARY:Weekly",
        ),
    )
    results = read_all(ics, occurrences=10)
    assert agree(results) == []
    for name, result in results.items():
        assert result.events["series@test"].occurrences == [
            "2019-04-03T07:00:00Z",
            "2019-04-05T07:00:00Z",
            "2019-04-07T07:00:00Z",
        ], name
        weekly = result.events["open@test"].occurrences
        assert len(weekly) == 10, name
        assert weekly[:3] == ["2019-04-03", "2019-04-17", "2019-04-24"], name


def test_rules_are_not_expanded_unless_asked() -> None:
    """With the default occurrences=0 no parser lists occurrences."""
    ics = calendar(MOSCOW, vevent("s@test", "DTSTART:20190403T070000Z", "RRULE:FREQ=DAILY"))
    for name, result in read_all(ics).items():
        assert result.events["s@test"].occurrences == [], name


def test_recurrence_id_is_part_of_the_key() -> None:
    """An overridden instance is keyed ``UID|RECURRENCE-ID`` (in UTC) beside its master."""
    ics = calendar(
        MOSCOW,
        vevent(
            "rec@test",
            "DTSTART;TZID=Europe/Moscow:20190403T100000",
            "DTEND;TZID=Europe/Moscow:20190403T110000",
            "RRULE:FREQ=DAILY;COUNT=3",
            "SUMMARY:Series",
        ),
        vevent(
            "rec@test",
            "RECURRENCE-ID;TZID=Europe/Moscow:20190404T100000",
            "DTSTART;TZID=Europe/Moscow:20190404T120000",
            "DTEND;TZID=Europe/Moscow:20190404T130000",
            "SUMMARY:Moved",
        ),
    )
    results = read_all(ics)
    assert agree(results) == []
    for name, result in results.items():
        assert set(result.events) == {"rec@test", "rec@test|2019-04-04T07:00:00Z"}, name
        moved = result.events["rec@test|2019-04-04T07:00:00Z"]
        assert (moved.start, moved.summary) == ("2019-04-04T09:00:00Z", "Moved"), name


def test_summary_escaping_folding_and_utf8() -> None:
    """Escaped , ; \\ and newline, and a line folded between UTF-8 characters, read alike."""
    ics = calendar(
        vevent(
            "text@test",
            "DTSTART:20190402T150000Z",
            "SUMMARY:Panel\\, Q&A\\; \\\\ Teil 1\\nДискуссия: «Город и",
            " культура»",
        )
    )
    results = read_all(ics)
    assert agree(results) == []
    for name, result in results.items():
        assert result.events["text@test"].summary == (
            "Panel, Q&A; \\ Teil 1\nДискуссия: «Город икультура»"
        ), name


def test_floating_times_have_no_z() -> None:
    """A date-time without zone is floating: all parsers keep its wall clock, without Z."""
    ics = calendar(vevent("float@test", "DTSTART:20190402T150000", "DTEND:20190402T160000"))
    results = read_all(ics)
    assert agree(results) == []
    assert {r.events["float@test"].start for r in results.values()} == {"2019-04-02T15:00:00"}


# --------------------------------------------------------------------------- errors


def test_broken_vtimezone_is_a_libical_error() -> None:
    """A bad line inside a VTIMEZONE shows up as libical's X-LIC-ERROR, and in agree()."""
    broken = MOSCOW.replace("TZNAME:MSK", "TZNAME:MSK\nNOT A PROPERTY")
    ics = calendar(broken, vevent("b@test", "DTSTART;TZID=Europe/Moscow:20190404T100000"))
    results = read_all(ics)
    libical = results["libical"].errors
    assert any("X-LIC-ERROR" in e and "VTIMEZONE" in e and "NOT A PROPERTY" in e for e in libical)
    assert any(line.startswith("libical: X-LIC-ERROR") for line in agree(results))
    # icalendar, vobject and ical.js refuse the whole file.
    for name in ("icalendar", "vobject", "icaljs"):
        assert results[name].events == {}, name
        assert results[name].errors[0].startswith("parse failed"), name


def test_broken_property_is_a_libical_error() -> None:
    """An ISO-8601 DTSTART is not iCalendar: libical drops it with an X-LIC-ERROR."""
    ics = calendar(MOSCOW, vevent("p@test", "DTSTART;TZID=Europe/Moscow:2019-04-04T10:00:00"))
    results = read_all(ics)
    libical = results["libical"].errors
    assert any("X-LIC-ERROR" in e and "DTSTART" in e for e in libical), libical
    assert results["libical"].events["p@test"].start is None
    for name in PARSERS:
        assert results[name].errors, name
    assert agree(results)


def test_unparseable_input() -> None:
    """Input that is not iCalendar is a failed parse for every parser."""
    results = read_all(b"this is not a calendar\r\n")
    for name, result in results.items():
        assert result.events == {}, name
        assert any(e.startswith("parse failed") for e in result.errors), (name, result.errors)


def test_tzid_without_vtimezone() -> None:
    """A TZID with no VTIMEZONE is reported by all; ical.js then reads the time as floating."""
    ics = calendar(vevent("nz@test", "DTSTART;TZID=Europe/Moscow:20190404T100000"))
    results = read_all(ics)
    for name, result in results.items():
        assert any("Europe/Moscow" in e and "VTIMEZONE" in e for e in result.errors), name
    # icalendar, vobject and libical fall back silently to the system's zone of that name.
    assert starts(ics, "nz@test") == {
        "icalendar": "2019-04-04T07:00:00Z",
        "vobject": "2019-04-04T07:00:00Z",
        "libical": "2019-04-04T07:00:00Z",
        "icaljs": "2019-04-04T10:00:00",
    }
    assert any("start differs" in line for line in agree(results))


def test_agree_reports_missing_events_and_differences() -> None:
    """agree() names an event one parser lacks and a field the parsers read differently."""
    results = read_all(calendar(MOSCOW, vevent("x@test", "DTSTART:20190402T150000Z")))
    results["vobject"].events.clear()
    results["libical"].events["x@test"].start = "2019-04-02T16:00:00Z"
    lines = agree(results)
    assert "x@test: not read by vobject (read by icalendar, libical, icaljs)" in lines
    assert any(
        line.startswith("x@test: start differs")
        and "icalendar/icaljs='2019-04-02T15:00:00Z'" in line
        and "libical='2019-04-02T16:00:00Z'" in line
        for line in lines
    ), lines


# --------------------------------------------------------------------------- quirks

CUSTOM_PLUS_FIVE = """
BEGIN:VTIMEZONE
TZID:{tzid}
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0500
TZOFFSETTO:+0500
TZNAME:X05
END:STANDARD
END:VTIMEZONE
"""


def test_file_vtimezone_is_honoured_over_the_system_zone() -> None:
    """A VTIMEZONE of the file wins over the system's zone of the same name, except in icalendar.

    libical (checked here: its zone comes from the file, not its built-in Europe/Moscow),
    vobject and ical.js read 10:00 in this +05:00 "Europe/Moscow" as 05:00Z. icalendar 7
    uses zoneinfo for any TZID it knows and ignores the file's definition, so it says 07:00Z:
    a VTIMEZONE for an IANA TZID must match the IANA rules for the dates it is used on.
    With a TZID that is no IANA name, all four use the file's definition.
    """
    event = vevent("c@test", "DTSTART;TZID={tzid}:20190404T100000")
    iana = calendar(
        CUSTOM_PLUS_FIVE.format(tzid="Europe/Moscow"), event.format(tzid="Europe/Moscow")
    )
    assert starts(iana, "c@test") == {
        "icalendar": "2019-04-04T07:00:00Z",
        "vobject": "2019-04-04T05:00:00Z",
        "libical": "2019-04-04T05:00:00Z",
        "icaljs": "2019-04-04T05:00:00Z",
    }
    custom = calendar(CUSTOM_PLUS_FIVE.format(tzid="PP/Plus5"), event.format(tzid="PP/Plus5"))
    results = read_all(custom)
    assert agree(results) == []
    assert results["libical"].events["c@test"].start == "2019-04-04T05:00:00Z"


def test_each_read_starts_with_fresh_zone_caches() -> None:
    """Two files defining the same custom TZID differently are each read by their own rules.

    icalendar and vobject keep process-wide zone caches in which the first definition of a
    TZID would otherwise win; the harness resets them before every read.
    """
    event = vevent("c@test", "DTSTART;TZID=PP/Custom:20190404T100000")
    five = calendar(CUSTOM_PLUS_FIVE.format(tzid="PP/Custom"), event)
    two = calendar(CUSTOM_PLUS_FIVE.format(tzid="PP/Custom").replace("+0500", "+0200"), event)
    assert set(starts(five, "c@test").values()) == {"2019-04-04T05:00:00Z"}
    assert set(starts(two, "c@test").values()) == {"2019-04-04T08:00:00Z"}


def test_icaljs_ignores_the_dtstart_of_an_observance_with_rdates() -> None:
    """ical.js 2 skips an observance's DTSTART when it also has RDATEs (but no RRULE).

    In this Berlin VTIMEZONE summer 2018 starts at the DAYLIGHT DTSTART and summer 2019 at
    its RDATE; ical.js reads July 2018 with the winter offset. Exporters must therefore write
    one STANDARD/DAYLIGHT block per transition (or RRULEs), never DTSTART plus RDATE lists.
    """
    rdate_form = """
BEGIN:VTIMEZONE
TZID:PP/Berlin
BEGIN:STANDARD
DTSTART:20180101T000000
TZOFFSETFROM:+0100
TZOFFSETTO:+0100
TZNAME:CET
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20180325T020000
RDATE:20190331T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20181028T030000
RDATE:20191027T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
END:STANDARD
END:VTIMEZONE
"""
    ics = calendar(rdate_form, vevent("j@test", "DTSTART;TZID=PP/Berlin:20180701T100000"))
    assert starts(ics, "j@test") == {
        "icalendar": "2018-07-01T08:00:00Z",
        "vobject": "2018-07-01T08:00:00Z",
        "libical": "2018-07-01T08:00:00Z",
        "icaljs": "2018-07-01T09:00:00Z",
    }


def test_ambiguous_local_time_is_read_differently() -> None:
    """02:30 on 27 Oct 2019 happens twice in Berlin; RFC 5545 says take the first (00:30Z).

    icalendar and vobject do; libical and ical.js take the second (01:30Z). Exporters must
    write events at such local times in UTC.
    """
    ics = calendar(BERLIN, vevent("amb@test", "DTSTART;TZID=Europe/Berlin:20191027T023000"))
    assert starts(ics, "amb@test") == {
        "icalendar": "2019-10-27T00:30:00Z",
        "vobject": "2019-10-27T00:30:00Z",
        "libical": "2019-10-27T01:30:00Z",
        "icaljs": "2019-10-27T01:30:00Z",
    }


def test_fold_inside_a_utf8_character_is_caught() -> None:
    """A line folded inside a multi-byte character (by octets, not characters) is caught.

    libical unfolds on bytes and reads the text right; icalendar and ical.js decode first and
    get replacement characters; vobject refuses the file. Exporters must fold between
    characters.
    """
    word = "Дискуссия".encode()
    ics = calendar(vevent("fold@test", "DTSTART:20190402T150000Z")).replace(
        b"END:VEVENT", b"SUMMARY:" + word[:3] + b"\r\n " + word[3:] + b"\r\nEND:VEVENT"
    )
    results = read_all(ics)
    assert results["libical"].events["fold@test"].summary == "Дискуссия"
    assert results["icalendar"].events["fold@test"].summary != "Дискуссия"
    assert results["vobject"].errors
    assert agree(results)
