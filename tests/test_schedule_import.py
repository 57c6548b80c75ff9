"""Importing schedule.xml and schedule.json as pretalx and frab publish them (real files in
tests/data/schedules), merging by guid; and our own published files read back."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import assert_usage_error, run

from planner.builtin import load_builtin
from planner.importing import apply_plan, plan_import, read_import_file
from planner.publish import PublishOptions, publish
from planner.publish.frab import guid_for
from planner.releases import record_release
from planner.schedule_formats import ScheduleFileError, read_schedule, schedule_kind
from planner.store import ProgrammeStore, open_programme, save_new

DATA = Path(__file__).resolve().parent / "data" / "schedules"
ROMHACK = DATA / "pretalx-romhack-camp-2026.xml"
DEMOCON = DATA / "pretalx-democon.json"
CAMP = DATA / "frab-camp2019.json"
CONGRESS = DATA / "frab-36c3-merged.xml"
# The "billion laughs": ten entities of ten of the one before, a title of 10^9 "lol"s.
LAUGHS = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE schedule [\n <!ENTITY lol "lol">\n'
          + "".join(f' <!ENTITY lol{i} "{("&lol" + ("" if i == 1 else str(i - 1)) + ";") * 10}">\n'
                    for i in range(1, 10))
          + "]>\n<schedule><conference><title>&lol9;</title></conference></schedule>\n")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def imported(tmp_path: Path, *files: Path) -> Path:
    path = tmp_path / "imported.programme"
    result = run("import", *map(str, files), "-p", str(path))
    assert result.returncode == 0, result.stderr
    return path


def test_files_are_told_apart_by_content():
    assert schedule_kind(ROMHACK.read_bytes()) == "xml"
    assert schedule_kind(DEMOCON.read_bytes()) == "json"
    assert schedule_kind(b"BEGIN:VCALENDAR\r\n") is None
    assert schedule_kind(b"title,start,end\n") is None
    assert schedule_kind(b'\xef\xbb\xbf  {"schedule": {}}') == "json"


def test_pretalx_schedule_xml(tmp_path):
    path = imported(tmp_path, ROMHACK)
    programme = open_programme(path)
    assert programme.name.en == "RomHack Camp 2026" and programme.timezone == "Europe/Rome"
    assert (programme.first_day.isoformat(), programme.last_day.isoformat()) == (
        "2026-10-02", "2026-10-04")
    assert len(programme.events) == 10
    opening = programme.events["89839af4-ef15-5a58-8e2f-fc9263688830"]
    assert opening.title.en == "RomHack Camp Opening"
    assert opening.start == datetime(2026, 10, 2, 11, 0, tzinfo=ZoneInfo("Europe/Rome"))
    assert opening.zone.key == "Europe/Rome"
    assert opening.end - opening.start == timedelta(minutes=40)
    assert programme.venues[opening.venue].name.en == "STAGE 1"
    assert programme.tracks[opening.track].name.en == "Orga"
    assert programme.tracks[opening.track].colour == "#a52a2a"
    assert [programme.people[p].name for p in opening.speakers] == ["Cyber Saiyan"]
    assert opening.languages == ("en",)
    assert opening.url == "https://cfp.romhack.io/romhack-camp-2026/talk/7DJ87Y/"
    assert opening.description.en.startswith("**Welcome to the second edition")
    award = programme.events["56d822d2-1f7e-5799-a21e-5136064328cc"]
    assert [programme.people[p].name for p in award.speakers] == ["Cyber Saiyan", "fibonhack"]
    italian = programme.events["4289128a-10cd-5396-88c5-333686509ab1"]
    assert italian.languages == ()  # Italian is no language of the programme
    assert '"Manualetto di sicurezza digitale' in italian.title.en
    ctf = programme.events["5642155c-3d83-58df-8c2e-ad348d7ea737"]
    assert ctf.end - ctf.start == timedelta(hours=15)


def test_pretalx_schedule_json(tmp_path):
    programme = open_programme(imported(tmp_path, DEMOCON))
    assert programme.name.en == "DemoCon" and programme.timezone == "UTC"
    assert len(programme.events) == 36
    talk = programme.events["8079583e-8321-506c-95af-fd2903a5f075"]
    assert talk.title.en == "Focused 5thgeneration hardware"
    # The session says 09:00+01:00 in a conference kept in UTC: the instant counts.
    assert talk.start == datetime(2020, 12, 14, 8, 0, tzinfo=UTC)
    assert talk.end - talk.start == timedelta(minutes=30)
    assert programme.venues[talk.venue].name.en == "Gray Room"


def test_frab_schedule_json(tmp_path):
    programme = open_programme(imported(tmp_path, CAMP))
    assert programme.name.en == "Chaos Communication Camp 2019"
    assert programme.timezone == "Europe/Berlin" and len(programme.events) == 79
    opening = programme.events["a0a0fcfe-b7fb-46e3-84b6-97a5406016b4"]
    assert opening.title.en == "Opening Ceremony"
    assert opening.start == datetime(2019, 8, 21, 11, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert programme.venues[opening.venue].name.en == "Curie"
    assert [programme.people[p].name for p in opening.speakers] == ["jinxx", "smtw"]
    assert opening.description.en == "A hearty welcome me lasses and lads!"


def test_frab_schedule_xml(tmp_path):
    # frab's 36C3 Fahrplan as the congress apps read it: no time_zone_name, each session's
    # date with its offset (+01:00), days that run to 04:00, descriptions with CRs (&#13;).
    path = tmp_path / "36c3.programme"
    result = run("import", str(CONGRESS), "-p", str(path), "--skip-invalid")
    assert result.returncode == 0, result.stderr
    # 1,351 sessions; three guids stand for two sessions each (workshops held twice): each
    # session is kept, the second known by its time as well.
    assert "1351 added" in result.stdout and "skipped" not in result.stdout
    programme = open_programme(path)
    # The one session of no length is an instant at its time as the file gives it (12:45),
    # as an event without an end is (issue 15, RFC 5545 3.6.1).
    instant = programme.events["7581590f-0f77-5766-94d6-a4f3a0c43a2f"]
    assert instant.start == instant.end == datetime(2019, 12, 29, 12, 45,
                                                    tzinfo=ZoneInfo("Etc/GMT-1"))
    assert programme.name.en == "36th Chaos Communication Congress"
    # Without a zone name the file's own offset is the programme's time (UTC+1), so that
    # a session at 11:00 in the file is at 11:00 in the programme.
    assert programme.timezone == "Etc/GMT-1"
    plus_one = ZoneInfo("Etc/GMT-1")
    opening = programme.events["6a32cb72-a69d-423c-91b5-60d88eb8e6c7"]
    assert opening.title.en == "Opening Ceremony"
    assert opening.start == datetime(2019, 12, 27, 11, 0, tzinfo=plus_one)
    assert opening.start.astimezone(UTC) == datetime(2019, 12, 27, 10, 0, tzinfo=UTC)
    assert opening.end - opening.start == timedelta(minutes=30)
    assert programme.venues[opening.venue].name.en == "Ada"
    assert programme.tracks[opening.track].name.en == "CCC"
    assert [programme.people[p].name for p in opening.speakers] == ["bleeptrack", "blinry"]
    assert opening.languages == ("de",)
    assert opening.url == \
        "https://fahrplan.events.ccc.de/congress/2019/Fahrplan/events/11223.html"
    # Past midnight on the first congress day: the 28th, as its date says.
    jeopardy = programme.events["d1b8ed3f-2c22-47d2-9aca-0f9d3cf48eb8"]
    assert jeopardy.title.en == "Hacker Jeopardy"
    assert jeopardy.start == datetime(2019, 12, 28, 0, 50, tzinfo=plus_one)
    assert jeopardy.end - jeopardy.start == timedelta(hours=2)
    assert jeopardy.description.en.startswith("Zahlenraten für Geeks")
    plundervolt = programme.events["479cc703-bacb-49e2-b364-e16f5ba000b9"]
    assert "Plundervolt" in plundervolt.title.en
    assert "\r" not in plundervolt.description.en
    assert [programme.people[p].name for p in plundervolt.speakers] == [
        "Daniel Gruss", "Kit Murdock"]
    solder = [e for e in programme.events.values() if e.title.en == "Löten für Einsteiger"]
    assert sorted((e.uid, e.start.day) for e in solder) == [
        ("4f5c1cc5-ad99-52dc-89cd-699eae66bcb8", 27),
        ("4f5c1cc5-ad99-52dc-89cd-699eae66bcb8/201912291400", 29)]
    # Importing it again changes nothing; with --timezone the same instants in Hamburg's zone.
    again = run("import", str(CONGRESS), "-p", str(path), "--skip-invalid")
    assert "0 added, 0 updated, 1351 unchanged" in again.stdout, again.stdout
    berlin = tmp_path / "36c3-berlin.programme"
    result = run("import", str(CONGRESS), "-p", str(berlin), "--skip-invalid",
                 "--timezone", "Europe/Berlin")
    assert result.returncode == 0, result.stderr
    opening = open_programme(berlin).events["6a32cb72-a69d-423c-91b5-60d88eb8e6c7"]
    assert opening.start == datetime(2019, 12, 27, 11, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_importing_again_changes_nothing_and_a_new_version_updates_by_guid(tmp_path):
    path = imported(tmp_path, CAMP)
    before = open_programme(path)
    again = run("import", str(CAMP), "-p", str(path))
    assert "0 added, 0 updated, 79 unchanged" in again.stdout
    assert open_programme(path) == before
    # A newer version of the schedule: one session moved and renamed.
    document = json.loads(CAMP.read_text(encoding="utf-8"))
    session = next(iter(document["schedule"]["conference"]["days"][0]["rooms"].values()))[0]
    session["title"] = "Opening Ceremony (moved)"
    session["date"] = "2019-08-21T12:00:00+02:00"
    newer = tmp_path / "camp2019-v2.json"
    newer.write_text(json.dumps(document), encoding="utf-8")
    result = run("import", str(newer), "-p", str(path))
    assert "0 added, 1 updated, 78 unchanged" in result.stdout, result.stdout
    opening = open_programme(path).events[session["guid"]]
    assert opening.title.en == "Opening Ceremony (moved)"
    assert opening.start.hour == 12 and opening.sequence == before.events[
        session["guid"]].sequence + 1


def test_own_published_files_read_back(tmp_path):
    path = tmp_path / "gw.programme"
    save_new(path, load_builtin())
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "1")
        publish(store, tmp_path / "out", PublishOptions())
    programme = load_builtin()
    taking_place = {(guid_for(e.uid, None if e.recurrence is None else s), s)
                    for e in programme.events.values() if e.status != "cancelled"
                    for s in [o[0] for o in _occurrences(e)]}
    for name in ("schedule.xml", "schedule.json"):
        result = read_import_file(tmp_path / "out" / name)
        assert result.problems == []
        assert {(e.uid, e.start) for e in result.events} == taking_place
        assert result.zone == "Europe/Moscow" and result.name == programme.name.en


def _occurrences(event):
    from planner.recurrence import occurrences

    return occurrences(event)


def test_a_schedule_merges_into_an_existing_programme(tmp_path):
    programme = load_builtin()
    result = read_schedule(ROMHACK.read_bytes(), ROMHACK)
    plan = plan_import(programme, result.events, extend_days=True)
    assert plan.counts["added"] == 10 and plan.skipped == []
    apply_plan(programme, plan)
    assert len(programme.events) == len(load_builtin().events) + 10


# ---------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("cut.xml", ROMHACK.read_bytes()[:5000], "not a readable schedule file"),
        ("cut.json", DEMOCON.read_bytes()[:3000], "not a readable schedule file"),
        ("nodays.json", b'{"schedule": {"conference": {"title": "x"}}}', "no 'days'"),
        ("entities.xml", b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]>'
                         b"<schedule>&a;</schedule>", "declares XML entities"),
        ("noconf.xml", b"<schedule><version>1</version></schedule>", "no <conference>"),
        ("external.xml", b'<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY e SYSTEM '
                         b'"file:///etc/passwd">]><schedule><conference><title>&e;</title>'
                         b"</conference></schedule>", "declares XML entities"),
        ("laughs.xml", LAUGHS.encode(), "declares XML entities"),
        ("deep.xml", b"<schedule><conference><title>" + b"<b>" * 1000 + b"t" + b"</b>" * 1000
                     + b"</title></conference></schedule>", "nested more than 32 deep"),
        ("feed.xml", b'<?xml version="1.0"?><rss><channel/></rss>',
         "not a schedule.xml or schedule.json"),
        ("other.json", b'{"events": []}', "not a schedule.xml or schedule.json"),
        ("deep.json", b'{"schedule": {"conference": {"days": ' + b"[" * 100_000
                      + b"]" * 100_000 + b"}}}", "nested too deeply"),
    ],
)
def test_a_broken_schedule_is_refused_and_nothing_changes(tmp_path, name, content, says):
    path = tmp_path / "p.programme"
    save_new(path, load_builtin())
    before = digest(path)
    bad = tmp_path / name
    bad.write_bytes(content)
    assert_usage_error(run("import", str(bad), "-p", str(path)), name, says)
    assert digest(path) == before
    with pytest.raises(ScheduleFileError):
        read_import_file(bad)


def test_entities_are_refused_in_any_encoding():
    # A UTF-16 file has no "<!ENTITY" in its bytes: the parser itself refuses entities.
    data = LAUGHS.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    with pytest.raises(ScheduleFileError, match="declares XML entities"):
        read_schedule(data, "laughs16.xml", "xml")
    xxe = LAUGHS.replace('<!ENTITY lol "lol">', '<!ENTITY lol SYSTEM "file:///etc/hostname">')
    with pytest.raises(ScheduleFileError, match="declares XML entities"):
        read_schedule(xxe.replace("utf-8", "utf-16").encode("utf-16"), "xxe16.xml", "xml")


def test_a_file_of_too_many_elements_is_refused_before_it_is_parsed(monkeypatch):
    import planner.schedule_formats as formats

    monkeypatch.setattr(formats, "MAX_ELEMENTS", 1000)
    head = b"<schedule><conference><title>t</title></conference>"
    with pytest.raises(ScheduleFileError, match="more than 1000 elements"):
        read_schedule(head + b"<x/>" * 1000 + b"</schedule>", "many.xml", "xml")
    assert read_schedule(head + b"<x/>" * 900 + b"</schedule>", "few.xml", "xml").events == []
    with pytest.raises(ScheduleFileError, match="more than 1000 elements"):
        read_schedule(b'{"schedule": {"conference": {"days": [' + b"{}," * 1000 + b"{}]}}}",
                      "many.json", "json")


def test_a_session_without_usable_time_is_a_problem(tmp_path):
    document = json.loads(DEMOCON.read_text(encoding="utf-8"))
    day = document["schedule"]["conference"]["days"][0]
    session = next(iter(day["rooms"].values()))[0]
    session["date"] = "someday"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    path = tmp_path / "p.programme"
    # --strict refuses the file; by default the rest comes in (issue 15).
    assert_usage_error(run("import", str(broken), "-p", str(path), "--strict"), "broken.json",
                       session["guid"], "someday")
    assert not path.exists()
    result = run("import", str(broken), "-p", str(path))
    assert result.returncode == 0, result.stderr
    assert "35 added" in result.stdout and "1 skipped" in result.stdout


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["schedule", "conference", "days", "rooms", "date", "duration", "guid", "id", "title",
         "persons", "name", "start", "end", "time_zone_name", "tracks", "color"]), inner,
        max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_is_read_or_refused_with_a_message(value):
    data = json.dumps({"schedule": {"conference": {"days": [
        {"date": "2020-01-01", "rooms": {"R": [value, {"guid": "g", "date": value,
                                                      "duration": value, "title": value}]}}
    ]}}}).encode()
    try:
        result = read_schedule(data, "fuzz.json", "json")
    except ScheduleFileError as exc:
        assert str(exc).startswith("fuzz.json: ")
        return
    for item in result.problems:
        assert str(item).startswith("fuzz.json: ")
    # Whatever was read merges without an exception: each event is added or skipped.
    plan = plan_import(load_builtin(), result.events, extend_days=True)
    assert plan.counts["added"] + plan.counts["skipped"] == len(result.events)
