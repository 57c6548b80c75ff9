"""Two-way CalDAV sync against a real Radicale: two planners through one server, a third
client writing with the caldav library, conflicts, deletions, and servers that fail."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, timedelta

import pytest
from factories import at, event
from icalendar import Calendar
from support.davserver import NotCalDav
from sync_helpers import (
    data_of,
    edit,
    load,
    make_file,
    retitle,
    rich_programme,
    run_cli,
    status_rows,
    sync,
)

from planner.model import Person, Texts, Venue
from planner.store import ProgrammeStore
from planner.sync import Account, SyncError
from planner.sync.resource import PAYLOAD, PROGRAMME_COLLECTION


def cli_sync(capsys, path, dav, *extra):
    return run_cli(capsys, "sync", "-p", str(path), "--url", dav.url, "--user", dav.user,
                   "--password-file", str(dav.password_file), *extra)


def two_planners(tmp_path, dav, programme=None):
    """Planner A syncs a programme up; planner B builds its copy from the server."""
    a = make_file(tmp_path / "a.programme", programme)
    sync(a, dav)
    b = tmp_path / "b.programme"
    make_file(b, _empty())
    sync(b, dav)
    return a, b


def _empty():
    from planner.model import Programme

    return Programme(Texts.same("b"), "UTC", date.today(), date.today())


def file_digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------------------------
# The layout on the server


def test_first_sync_makes_a_calendar_per_track_and_a_resource_per_event(dav, tmp_path):
    a = make_file(tmp_path / "a.programme")
    report = sync(a, dav)
    assert report.uploaded == 5 and report.first and not report.conflicts
    calendars = dav.calendars()
    assert set(calendars) == {"business", "culture", PROGRAMME_COLLECTION}
    business = calendars["business"]
    assert business.get_display_name() == "Business"
    props = business.get_properties([_colour()])
    assert list(props.values()) == ["#1f6fb2"]
    resources = dav.resources()
    assert sorted(resources) == [
        "business/daily%40t.ics", "business/fair%40t.ics", "business/gone%40t.ics",
        "business/talk%40t.ics", "culture/concert%40t.ics",
        f"{PROGRAMME_COLLECTION}/programme.ics",
    ]
    talk = Calendar.from_ical(resources["business/talk%40t.ics"]).walk("VEVENT")[0]
    # The standard part is what an export writes, so any calendar shows it.
    assert str(talk["SUMMARY"]) == "Talk"
    assert "Anna Beispiel" in str(talk["DESCRIPTION"])
    assert str(talk["LOCATION"]).startswith("Goethe-Institut")
    assert talk.get(PAYLOAD) is not None
    journal = Calendar.from_ical(resources[f"{PROGRAMME_COLLECTION}/programme.ics"])
    assert [c.name for c in journal.subcomponents] == ["VJOURNAL"]


def _colour():
    from caldav.elements import ical

    return ical.CalendarColor()


def test_a_second_planner_rebuilds_the_same_programme_from_an_empty_one(dav, tmp_path, capsys):
    a = make_file(tmp_path / "a.programme")
    sync(a, dav)
    b = tmp_path / "b.programme"
    code, out, err = cli_sync(capsys, b, dav)
    assert (code, err) == (0, "")
    assert "0 sent, 5 received" in out
    assert data_of(load(b)) == data_of(load(a))
    # Both now agree with the server: nothing goes either way.
    assert not sync(a, dav).changed and not sync(b, dav).changed


def test_a_new_file_is_not_made_when_the_server_holds_no_programme(dav, tmp_path, capsys):
    b = tmp_path / "b.programme"
    code, out, err = cli_sync(capsys, b, dav)
    assert code == 2 and err.startswith("error: ") and "holds no programme" in err
    assert not b.exists() and list(tmp_path.glob("*.programme*")) == []
    assert set(dav.calendars()) == set()


def test_url_and_user_are_remembered_and_the_password_never(dav, tmp_path, capsys):
    a = make_file(tmp_path / "a.programme")
    cli_sync(capsys, a, dav)
    assert b"secret" not in a.read_bytes()
    edit(a, retitle("talk@t", "Talk 2"))
    code, out, _ = run_cli(capsys, "sync", "-p", str(a), "--password-file",
                           str(dav.password_file))
    assert code == 0 and "1 sent" in out
    code, _, err = run_cli(capsys, "sync", "-p", str(a))
    assert code == 2 and "asks for a password" in err


def test_the_password_comes_from_the_environment(dav, tmp_path, capsys, monkeypatch):
    a = make_file(tmp_path / "a.programme")
    monkeypatch.setenv("PLANNER_CALDAV_PASSWORD", dav.password)
    code, out, err = run_cli(capsys, "sync", "-p", str(a), "--url", dav.url, "--user",
                             dav.user)
    assert (code, err) == (0, "") and "5 sent" in out


# ---------------------------------------------------------------------------------------------
# Incremental, two-way


def test_a_sync_with_nothing_changed_sends_one_small_request_per_collection(dav, tmp_path):
    programme = rich_programme()
    for n in range(50):
        e = event(f"extra-{n}@t", day=3 + n % 8, start=8 + n % 10, end=9 + n % 10,
                  track="culture" if n % 2 else "business", title=Texts.same(f"Extra {n}"))
        programme.events[e.uid] = e
    a = make_file(tmp_path / "a.programme", programme)
    sync(a, dav)
    sync(a, dav)  # the first sync's own writes are behind its stored tokens
    dav.proxy.reset()
    report = sync(a, dav)
    assert not report.changed
    seen = dav.proxy.seen
    assert len(seen) == 3 == report.requests  # the programme's collection and two tracks
    assert {s.method for s in seen} == {"REPORT"} and all(s.status == 207 for s in seen)
    assert max(s.size for s in seen) < 1000
    # Each an RFC 6578 sync-collection with the token the last sync was given.
    assert all(b"sync-collection" in s.body and b"sync-token>http" in s.body for s in seen)


def test_one_changed_event_goes_up_alone(dav, tmp_path):
    a = make_file(tmp_path / "a.programme")
    sync(a, dav)
    edit(a, retitle("concert@t", "Concert (new time)"))
    dav.proxy.reset()
    report = sync(a, dav)
    assert report.uploaded == 1
    puts = [s for s in dav.proxy.seen if s.method == "PUT"]
    assert [s.path for s in puts] == [f"/{dav.user}/culture/concert@t.ics"]


def test_edits_additions_and_deletions_travel_both_ways(dav, tmp_path):
    a, b = two_planners(tmp_path, dav)

    def on_a(programme):
        talk = programme.events["talk@t"]
        return {"talk@t": dataclasses.replace(talk, start=at(4, 14), end=at(4, 15),
                                              venue="petri"),
                "gone@t": None}

    def on_b(programme):
        new = event("new@t", day=9, start=11, end=12, track="culture",
                    title=Texts("Neu", "New", "Новое"))
        concert = programme.events["concert@t"]
        return {"new@t": new,
                "concert@t": dataclasses.replace(concert, status="cancelled")}

    edit(a, on_a)
    edit(b, on_b)
    assert sync(a, dav).uploaded == 1 and sync(a, dav).deleted_there == 0
    report = sync(b, dav)
    assert (report.downloaded, report.deleted_here, report.uploaded) == (1, 1, 2)
    report = sync(a, dav)
    assert report.downloaded == 2
    assert data_of(load(a)) == data_of(load(b))
    got = load(a)
    assert "gone@t" not in got.events and got.events["concert@t"].status == "cancelled"
    assert got.events["talk@t"].venue == "petri" and got.events["talk@t"].start == at(4, 14)
    assert dav.event_uids() == sorted(got.events)


def test_moving_an_event_to_another_track_moves_its_resource(dav, tmp_path):
    a, b = two_planners(tmp_path, dav)
    edit(a, lambda p: {"talk@t": dataclasses.replace(p.events["talk@t"], track="culture")})
    sync(a, dav)
    resources = dav.resources()
    assert "culture/talk%40t.ics" in resources and "business/talk%40t.ics" not in resources
    sync(b, dav)
    assert load(b).events["talk@t"].track == "culture"
    assert data_of(load(a)) == data_of(load(b))
    assert status_rows(a)["deletes"] == 0


def test_tracks_venues_people_and_settings_merge_entry_by_entry(dav, tmp_path):
    a, b = two_planners(tmp_path, dav)

    def on_a(programme):
        programme.venues["club"] = Venue("club", Texts.same("Club"), "Liteyny 5", 59.94, 30.35)
        programme.travel = dataclasses.replace(programme.travel, buffer_minutes=20)
        return {"club@t": event("club@t", day=8, start=20, end=23, venue="club",
                                track="culture", title=Texts.same("Club night"))}

    def on_b(programme):
        programme.people["carl"] = Person("carl", "Carl Meyer", "AHK")
        programme.name = Texts("Deutsche Woche", "German Week", "Немецкая неделя")
        programme.last_day = date(2019, 4, 12)
        talk = programme.events["talk@t"]
        return {"talk@t": dataclasses.replace(talk, speakers=(*talk.speakers, "carl"))}

    edit(a, on_a)
    edit(b, on_b)
    sync(a, dav)
    sync(b, dav)
    sync(a, dav)
    got_a, got_b = load(a), load(b)
    assert data_of(got_a) == data_of(got_b)
    assert "club" in got_a.venues and "carl" in got_a.people
    assert got_a.travel.buffer_minutes == 20 and got_a.name.en == "German Week"
    assert got_a.last_day == date(2019, 4, 12)
    assert got_a.events["talk@t"].speakers == ("anna", "boris", "carl")


def test_a_new_track_gets_a_calendar_of_its_own(dav, tmp_path):
    from planner.model import Track

    a, b = two_planners(tmp_path, dav)

    def on_a(programme):
        programme.tracks["science"] = Track("science", Texts("Wissenschaft", "Science",
                                                             "Наука"), "#2e7d32")
        return {"lab@t": event("lab@t", track="science", title=Texts.same("Lab tour"))}

    edit(a, on_a)
    sync(a, dav)
    assert "science" in dav.calendars()
    sync(b, dav)
    assert load(b).events["lab@t"].track == "science"
    assert data_of(load(a)) == data_of(load(b))


# ---------------------------------------------------------------------------------------------
# Conflicts


def test_a_conflict_is_listed_never_settled_silently_and_settled_by_prefer(dav, tmp_path,
                                                                        capsys):
    a, b = two_planners(tmp_path, dav)
    edit(a, retitle("talk@t", "Talk by A"))
    edit(b, retitle("talk@t", "Talk by B"))
    sync(a, dav)
    before = load(b)
    code, out, err = cli_sync(capsys, b, dav)
    assert code == 1 and err == ""
    assert 'conflict: talk@t “Talk by B”: changed here and on the server' in out
    assert "; 1 conflict waits (settle it with --prefer local or --prefer server" in out
    assert load(b).events["talk@t"].title.en == "Talk by B"
    assert data_of(load(b)) == data_of(before)
    assert status_rows(b)["conflicts"] == ["talk@t"]
    # Still there at the next sync; and the server keeps A's version meanwhile.
    assert cli_sync(capsys, b, dav)[0] == 1
    sync(a, dav)
    assert load(a).events["talk@t"].title.en == "Talk by A"
    code, out, _ = cli_sync(capsys, b, dav, "--prefer", "server")
    assert code == 0 and "1 conflict settled" in out and "wait" not in out
    assert load(b).events["talk@t"].title.en == "Talk by A"
    assert status_rows(b)["conflicts"] == []


def test_prefer_local_writes_this_side_over_the_server(dav, tmp_path, capsys):
    a, b = two_planners(tmp_path, dav)
    edit(a, retitle("talk@t", "Talk by A"))
    edit(b, retitle("talk@t", "Talk by B"))
    sync(a, dav)
    assert cli_sync(capsys, b, dav)[0] == 1
    code, _, _ = cli_sync(capsys, b, dav, "--prefer", "local")
    assert code == 0
    sync(a, dav)
    assert load(a).events["talk@t"].title.en == "Talk by B"
    assert data_of(load(a)) == data_of(load(b))


def test_the_same_change_on_both_sides_is_no_conflict(dav, tmp_path):
    a, b = two_planners(tmp_path, dav)
    change = retitle("talk@t", "Same title")
    edit(a, change)
    edit(b, change)
    # The same edit made at the same second on both sides: the same event.
    with ProgrammeStore.open(b) as store:
        programme = store.load()
        programme.events["talk@t"] = load(a).events["talk@t"]
        store.replace_all(programme)
    sync(a, dav)
    report = sync(b, dav)
    assert not report.conflicts and report.downloaded == 0


@pytest.mark.parametrize("deleted_on", ["a", "b"])
def test_deleted_on_one_side_changed_on_the_other_is_a_conflict(dav, tmp_path, capsys,
                                                                deleted_on):
    a, b = two_planners(tmp_path, dav)
    deleter, changer = (a, b) if deleted_on == "a" else (b, a)
    edit(deleter, lambda p: {"talk@t": None})
    edit(changer, retitle("talk@t", "Changed"))
    sync(a, dav)
    code, out, _ = cli_sync(capsys, b, dav, "--json")
    assert code == 1
    result = json.loads(out)
    reason = ("deleted here, changed on the server" if deleted_on == "b"
              else "changed here, deleted on the server")
    assert [(c["uid"], c["reason"]) for c in result["conflicts"]] == [("talk@t", reason)]
    # Keeping the change restores the event everywhere.
    keep = "local" if changer == b else "server"
    cli_sync(capsys, b, dav, "--prefer", keep)
    sync(a, dav)
    assert load(a).events["talk@t"].title.en == "Changed"
    assert data_of(load(a)) == data_of(load(b))
    assert dav.event_uids().count("talk@t") == 1


def test_a_venue_changed_differently_on_both_sides_is_a_conflict(dav, tmp_path, capsys):
    a, b = two_planners(tmp_path, dav)

    def address(text):
        def change(programme):
            programme.venues["goethe"] = dataclasses.replace(programme.venues["goethe"],
                                                             address=text)
        return change

    edit(a, address("Moika 58"))
    edit(b, address("Naberezhnaya 58"))
    sync(a, dav)
    code, out, _ = cli_sync(capsys, b, dav)
    assert code == 1 and "conflict: programme/venues/goethe" in out
    assert load(b).venues["goethe"].address == "Naberezhnaya 58"
    code, _, _ = cli_sync(capsys, b, dav, "--prefer", "server")
    assert code == 0
    assert load(b).venues["goethe"].address == "Moika 58"
    sync(a, dav)
    assert data_of(load(a)) == data_of(load(b))


# ---------------------------------------------------------------------------------------------
# Another calendar client on the same calendars (Thunderbird, Nextcloud, a phone)


def _edit_resource(dav, collection, name, change):
    calendar = dav.calendars()[collection]
    obj = calendar.event_by_url(calendar.url.join(name))
    obj.load()
    component = obj.icalendar_instance.walk("VEVENT")[0]
    change(component)
    obj.save()


def test_an_edit_in_a_calendar_client_comes_back_right(dav, tmp_path):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    a, b = two_planners(tmp_path, dav)

    def thunderbird(component):
        component["SUMMARY"] = "Talk (moved)"
        component.pop("DTSTART")
        component.pop("DTEND")
        zone = ZoneInfo("Europe/Moscow")
        component.add("DTSTART", datetime(2019, 4, 4, 16, 0, tzinfo=zone))
        component.add("DTEND", datetime(2019, 4, 4, 17, 30, tzinfo=zone))
        component["LOCATION"] = "Petrikirche"
        component["SEQUENCE"] = 1
        component.add("X-MOZ-GENERATION", "3")

    _edit_resource(dav, "business", "talk%40t.ics", thunderbird)
    report = sync(a, dav)
    assert report.downloaded == 1 and not report.conflicts
    talk = load(a).events["talk@t"]
    # The title changed in the calendar language only; the other translations stay.
    assert talk.title == Texts("Vortrag", "Talk (moved)", "Доклад")
    assert (talk.start, talk.end, talk.venue) == (at(4, 16), at(4, 17, 30), "petri")
    assert talk.speakers == ("anna", "boris") and talk.languages == ("de", "ru")
    assert talk.description.de == "Über Dinge" and talk.attendance == 80
    sync(b, dav)
    assert data_of(load(a)) == data_of(load(b))
    assert not sync(a, dav).changed and not sync(b, dav).changed


def test_events_made_and_deleted_in_a_calendar_client(dav, tmp_path):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    a, b = two_planners(tmp_path, dav)
    business = dav.calendars()["business"]
    zone = ZoneInfo("Europe/Moscow")
    business.save_event(
        dtstart=datetime(2019, 4, 9, 10, tzinfo=zone), dtend=datetime(2019, 4, 9, 11, tzinfo=zone),
        summary="Breakfast with the consul", location="Goethe-Institut", uid="phone-1@example")
    business.event_by_url(business.url.join("fair%40t.ics")).delete()
    report = sync(a, dav)
    assert (report.downloaded, report.deleted_here) == (1, 1)
    made = load(a).events["phone-1@example"]
    assert (made.track, made.venue, made.title.en) == ("business", "goethe",
                                                        "Breakfast with the consul")
    assert "fair@t" not in load(a).events
    sync(b, dav)
    assert data_of(load(a)) == data_of(load(b))


def test_an_event_moved_to_another_calendar_changes_its_track(dav, tmp_path):
    a, _ = two_planners(tmp_path, dav)
    calendars = dav.calendars()
    old = calendars["business"].event_by_url(calendars["business"].url.join("talk%40t.ics"))
    old.load()
    calendars["culture"].save_event(old.data)
    old.delete()
    report = sync(a, dav)
    assert not report.conflicts
    assert load(a).events["talk@t"].track == "culture"
    assert dav.event_uids().count("talk@t") == 1


def test_an_unreadable_resource_is_reported_and_left_alone(dav, tmp_path):
    a, _ = two_planners(tmp_path, dav)
    business = dav.calendars()["business"]
    business.save_event("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n"
                        "UID:broken@x\r\nDTSTAMP:20190101T000000Z\r\nDTSTART:15000404T100000Z"
                        "\r\nSUMMARY:Before the years an import takes\r\nEND:VEVENT\r\n"
                        "END:VCALENDAR\r\n")
    before = data_of(load(a))
    report = sync(a, dav)
    assert report.problems and "broken@x" not in load(a).events
    assert data_of(load(a)) == before


# ---------------------------------------------------------------------------------------------
# Servers that fail, refuse, or are not there


def test_an_unreachable_server_leaves_the_programme_untouched(tmp_path, capsys):
    from support.davserver import free_port

    a = make_file(tmp_path / "a.programme")
    digest = file_digest(a)
    password = tmp_path / "pw"
    password.write_text("x\n")
    code, out, err = run_cli(capsys, "sync", "-p", str(a), "--url",
                             f"http://127.0.0.1:{free_port()}/me/", "--user", "me",
                             "--password-file", str(password))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: cannot reach http://127.0.0.1:")
    assert "Connection refused" in err and "wait for the next sync" in err
    assert file_digest(a) == digest


def test_a_wrong_password_is_said_clearly(dav, tmp_path, capsys):
    a = make_file(tmp_path / "a.programme")
    digest = file_digest(a)
    wrong = tmp_path / "wrong"
    wrong.write_text("nope\n")
    code, _, err = run_cli(capsys, "sync", "-p", str(a), "--url", dav.url, "--user",
                           dav.user, "--password-file", str(wrong))
    assert code == 2 and "refused the user name" in err and err.count("\n") == 1
    assert file_digest(a) == digest


def test_an_address_that_is_not_caldav_is_said_clearly(tmp_path, capsys):
    site = NotCalDav()
    try:
        a = make_file(tmp_path / "a.programme")
        digest = file_digest(a)
        code, _, err = run_cli(capsys, "sync", "-p", str(a), "--url", site.url(), "--user",
                               "me")
        assert code == 2 and "is not a CalDAV calendar home" in err
        assert file_digest(a) == digest
    finally:
        site.close()


def test_a_calendar_instead_of_a_calendar_home_is_said_clearly(dav, tmp_path, capsys):
    a = make_file(tmp_path / "a.programme")
    sync(a, dav)
    b = make_file(tmp_path / "b.programme")
    code, _, err = run_cli(capsys, "sync", "-p", str(b), "--url", dav.url + "business/",
                           "--user", dav.user, "--password-file", str(dav.password_file))
    assert code == 2 and "is a calendar, not a calendar home" in err


@pytest.mark.parametrize(("status", "words"), [(403, "does not allow"),
                                                (507, "no room left")])
def test_a_server_that_refuses_writes_loses_nothing(dav, tmp_path, capsys, status, words):
    a, b = two_planners(tmp_path, dav)
    edit(a, retitle("talk@t", "Edited while refused"))
    dav.proxy.refuse["PUT"] = status
    code, _, err = cli_sync(capsys, a, dav)
    assert code == 2 and words in err and f"({status} " in err and err.count("\n") == 1
    assert load(a).events["talk@t"].title.en == "Edited while refused"
    dav.proxy.refuse.clear()
    assert cli_sync(capsys, a, dav)[0] == 0
    sync(b, dav)
    assert load(b).events["talk@t"].title.en == "Edited while refused"


@pytest.mark.parametrize("change", ["edited", "moved to another track"])
def test_an_event_the_server_will_not_take_waits_and_the_rest_goes_on(dav, tmp_path, capsys,
                                                                       change):
    """A server that cannot read one event (400, as Radicale answers a property its parser
    does not know): that event waits here, said as a problem; the others go up."""
    a, b = two_planners(tmp_path, dav)

    def changes(programme):
        talk = programme.events["talk@t"]
        talk = dataclasses.replace(talk, title=dataclasses.replace(talk.title, en="Refused"),
                                   track="culture" if change.startswith("moved") else
                                   talk.track)
        return {"talk@t": talk, **retitle("concert@t", "Taken")(programme)}

    edit(a, changes)
    intended = data_of(load(a))
    dav.proxy.refuse_on = ("PUT", "talk", 400)
    code, out, err = cli_sync(capsys, a, dav)
    assert (code, err) == (0, "")
    assert "problem: event 'talk@t' stays here only: " in out and "(400 " in out
    assert "1 sent" in out
    assert data_of(load(a)) == intended
    sync(b, dav)
    assert load(b).events["concert@t"].title.en == "Taken"
    assert load(b).events["talk@t"].title.en == "Talk"
    assert dav.event_uids().count("talk@t") == 1
    dav.proxy.refuse_on = None
    code, out, _ = cli_sync(capsys, a, dav)
    assert code == 0 and "1 sent" in out and "problem" not in out
    sync(b, dav)
    assert data_of(load(a)) == data_of(load(b)) == intended
    assert dav.event_uids().count("talk@t") == 1
    assert status_rows(a)["deletes"] == 0


def test_a_server_that_keeps_failing_the_precondition_stops_the_sync(dav, tmp_path, capsys):
    a, _ = two_planners(tmp_path, dav)
    edit(a, retitle("talk@t", "Never accepted"))
    dav.proxy.refuse["PUT"] = 412
    code, _, err = cli_sync(capsys, a, dav)
    assert code == 2 and "412 Precondition Failed" in err and "talk@t" in err
    assert load(a).events["talk@t"].title.en == "Never accepted"
    dav.proxy.refuse.clear()
    assert cli_sync(capsys, a, dav)[0] == 0


def test_the_server_stopping_mid_sync_loses_nothing_and_the_next_sync_converges(
        dav, tmp_path, capsys):
    programme = rich_programme()
    for n in range(30):
        e = event(f"more-{n}@t", day=3 + n % 8, title=Texts.same(f"More {n}"))
        programme.events[e.uid] = e
    a = make_file(tmp_path / "a.programme", programme)
    dav.proxy.drop_after = 12  # part way through the uploads
    code, _, err = cli_sync(capsys, a, dav)
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1
    assert data_of(load(a)) == data_of(programme)
    dav.proxy.reset()
    assert cli_sync(capsys, a, dav)[0] == 0
    assert dav.event_uids() == sorted(programme.events)
    b = tmp_path / "b.programme"
    assert cli_sync(capsys, b, dav)[0] == 0
    assert data_of(load(b)) == data_of(load(a))


def test_a_server_without_sync_collection_is_compared_by_etag(dav, tmp_path):
    dav.proxy.no_sync_collection = True
    a, b = two_planners(tmp_path, dav)
    edit(a, retitle("talk@t", "By ETag"))
    assert sync(a, dav).uploaded == 1
    report = sync(b, dav)
    assert report.downloaded == 1
    assert data_of(load(a)) == data_of(load(b))
    dav.proxy.seen.clear()
    assert not sync(b, dav).changed
    # Once the server said it has no sync-collection, it is not asked again.
    assert [s.method for s in dav.proxy.seen] == ["PROPFIND"] * 3


def test_an_expired_sync_token_lists_the_calendar_anew(dav, tmp_path):
    import sqlite3

    a, b = two_planners(tmp_path, dav)
    conn = sqlite3.connect(b)
    conn.execute("UPDATE sync_collections SET token = 'http://radicale.org/ns/sync/"
                 "0000000000000000000000000000000000000000000000000000000000000000'")
    conn.commit()
    conn.close()
    edit(a, retitle("talk@t", "After expiry"))
    sync(a, dav)
    report = sync(b, dav)
    assert report.downloaded == 1 and not report.conflicts
    assert data_of(load(a)) == data_of(load(b))


def test_a_new_url_starts_afresh_and_the_old_servers_state_is_forgotten(dav, radicale,
                                                                         tmp_path):
    a = make_file(tmp_path / "a.programme")
    sync(a, dav)
    other = radicale.add_user()
    account = Account(radicale.url(other), other)
    report = sync(a, dav, account=account)
    assert report.first and report.uploaded == 5
    assert load(a).events.keys() == rich_programme().events.keys()


def test_sync_refuses_a_file_open_elsewhere(dav, tmp_path, capsys):
    a = make_file(tmp_path / "a.programme")
    with ProgrammeStore.open(a):
        code, _, err = cli_sync(capsys, a, dav)
    assert code == 2 and "already open for editing" in err


def test_days_grow_with_the_programme(dav, tmp_path):
    a, b = two_planners(tmp_path, dav)

    def later(programme):
        programme.last_day = programme.last_day + timedelta(days=2)
        return {"late@t": event("late@t", day=12, title=Texts.same("Late"))}

    edit(a, later)
    sync(a, dav)
    sync(b, dav)
    assert load(b).last_day == date(2019, 4, 12) and "late@t" in load(b).events


def test_sync_errors_are_programme_errors():
    with pytest.raises(SyncError):
        from planner.sync.server import Server

        Server("ftp://example.org/", "me", None)


def test_series_with_dates_exceptions_overrides_and_kept_properties_travel(dav, tmp_path,
                                                                          capsys):
    from planner.model import Recurrence, RecurrenceId, validate_event

    programme = rich_programme()
    start, end = at(3, 15), at(3, 16)
    late = event("tour@t", start=at(4, 17), end=at(4, 18), track="culture", venue="petri",
                 title=Texts.same("City tour (late)"),
                 recurrence_id=RecurrenceId(at(4, 15)))
    tour = event("tour@t", start=start, end=end, track="culture", venue="petri",
                 title=Texts.same("City tour"),
                 recurrence=Recurrence("FREQ=DAILY;COUNT=4", exdates=(at(5, 15),),
                                       rdates=(at(9, 15),)),
                 overrides=(late,), source_uid="tour@example",
                 preserved="CLASS:PUBLIC\r\nX-ORGANISER-NOTE:bring umbrellas\r\n",
                 absent=frozenset({"COLOR"}))
    validate_event(programme, tour)
    programme.events[tour.uid] = tour
    a = make_file(tmp_path / "a.programme", programme)
    sync(a, dav)
    b = tmp_path / "b.programme"
    code, out, err = cli_sync(capsys, b, dav)
    assert (code, err) == (0, "")
    assert data_of(load(b)) == data_of(load(a))
    assert load(b).events["tour@t"] == tour
    assert not sync(a, dav).changed


def test_the_server_really_stopping_mid_sync(dav, radicale, tmp_path, capsys):
    """Radicale itself goes away between two requests of a sync, and comes back."""
    a, b = two_planners(tmp_path, dav)

    def changes(programme):
        return {f"late-{n}@t": event(f"late-{n}@t", day=4 + n % 5,
                                     title=Texts.same(f"Late {n}")) for n in range(6)}

    edit(a, changes)
    intended = data_of(load(a))
    dav.proxy.reset()
    dav.proxy.hold_on = ("PUT", ".ics", 2)
    import threading

    def stop_then_release():
        dav.proxy.held.wait(60)
        radicale.stop()
        dav.proxy.release.set()

    stopper = threading.Thread(target=stop_then_release)
    stopper.start()
    try:
        code, _, err = cli_sync(capsys, a, dav)
    finally:
        stopper.join()
        radicale.start()
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1
    assert data_of(load(a)) == intended
    dav.proxy.reset()
    assert cli_sync(capsys, a, dav)[0] == 0
    sync(b, dav)
    assert data_of(load(b)) == intended
    assert dav.event_uids() == sorted(load(a).events)


def test_unscheduled_sessions_and_availability_travel(dav, tmp_path):
    from datetime import timedelta

    from planner.model import Session, TimeWindow, schedule_session

    def plan(programme):
        programme.people["anna"] = dataclasses.replace(
            programme.people["anna"],
            availability=(TimeWindow(at(4, 9), at(4, 18)),
                          TimeWindow(at(4, 12), at(4, 13), "blocked")))
        programme.venues["petri"] = dataclasses.replace(
            programme.venues["petri"], availability=(TimeWindow(at(6, 8), at(6, 22)),))
        for n in (1, 2):
            programme.unscheduled[f"open-{n}@t"] = Session(
                f"open-{n}@t", Texts.same(f"Open session {n}"), timedelta(minutes=45),
                "culture", speakers=("anna",))

    a = make_file(tmp_path / "a.programme")
    edit(a, plan)
    sync(a, dav)
    b = tmp_path / "b.programme"
    make_file(b, _empty())
    sync(b, dav)
    assert data_of(load(b)) == data_of(load(a))
    assert set(load(b).unscheduled) == {"open-1@t", "open-2@t"}
    # B places one session; A edits the other: both arrive, nothing twice.

    def place(programme):
        schedule_session(programme, "open-1@t", at(8, 10), "goethe")

    def rename(programme):
        session = programme.unscheduled["open-2@t"]
        programme.unscheduled["open-2@t"] = dataclasses.replace(
            session, title=Texts.same("Open session two"))

    edit(b, place)
    edit(a, rename)
    sync(b, dav)
    sync(a, dav)
    sync(b, dav)
    got = load(a)
    assert "open-1@t" in got.events and "open-1@t" not in got.unscheduled
    assert got.unscheduled["open-2@t"].title.en == "Open session two"
    assert data_of(load(b)) == data_of(got)
    assert dav.event_uids().count("open-1@t") == 1


# ---------------------------------------------------------------------------------------------
# What goes over the wire: calendars made with MKCALENDAR, writes made conditional


def _etags(path):
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT ident, etag FROM sync_items"))
    finally:
        conn.close()


def test_calendars_are_made_with_mkcalendar_named_and_coloured_as_their_tracks(dav, tmp_path):
    from planner.model import Track

    a = make_file(tmp_path / "a.programme")
    sync(a, dav)
    made = {s.path: s for s in dav.proxy.seen if s.method == "MKCALENDAR"}
    assert sorted(made) == [f"/{dav.user}/business/", f"/{dav.user}/culture/",
                            f"/{dav.user}/{PROGRAMME_COLLECTION}/"]
    assert all(s.status == 201 for s in made.values())
    culture = made[f"/{dav.user}/culture/"].body.decode()
    assert "<D:displayname>Culture</D:displayname>" in culture
    assert "<I:calendar-color>#b5446e</I:calendar-color>" in culture
    assert '<C:comp name="VEVENT"/>' in culture
    # A track renamed and recoloured here renames and recolours its calendar there.

    def rename(programme):
        programme.tracks["culture"] = Track("culture", Texts("Kunst", "Arts", "Искусство"),
                                            "#6a1b9a")

    edit(a, rename)
    dav.proxy.reset()
    sync(a, dav)
    assert [s.method for s in dav.proxy.seen if s.method == "MKCALENDAR"] == []
    culture = dav.calendars()["culture"]
    assert culture.get_display_name() == "Arts"
    assert list(culture.get_properties([_colour()]).values()) == ["#6a1b9a"]


def test_new_events_go_up_with_if_none_match_and_changes_with_if_match(dav, tmp_path):
    a, b = two_planners(tmp_path, dav)
    before = _etags(a)

    def changes(programme):
        return {"talk@t": dataclasses.replace(programme.events["talk@t"], attendance=90),
                "gone@t": None,
                "fresh@t": event("fresh@t", day=9, title=Texts.same("Fresh"))}

    edit(a, changes)
    dav.proxy.reset()
    sync(a, dav)
    writes = {(s.method, s.path.rsplit("/", 1)[-1]): s for s in dav.proxy.seen
              if s.method in ("PUT", "DELETE")}
    assert set(writes) == {("PUT", "talk@t.ics"), ("PUT", "fresh@t.ics"),
                           ("DELETE", "gone@t.ics")}
    new = writes[("PUT", "fresh@t.ics")].headers
    assert new.get("if-none-match") == "*" and "if-match" not in new
    changed = writes[("PUT", "talk@t.ics")].headers
    assert changed.get("if-match") == before["talk@t"] and "if-none-match" not in changed
    assert writes[("DELETE", "gone@t.ics")].headers.get("if-match") == before["gone@t"]
    assert all(s.status in (201, 204, 200) for s in writes.values())
    # The server's new ETag is what the next change is made on.
    assert _etags(a)["talk@t"] != before["talk@t"]
    edit(a, retitle("talk@t", "Once more"))
    after = _etags(a)["talk@t"]
    dav.proxy.reset()
    sync(a, dav)
    put = next(s for s in dav.proxy.seen if s.method == "PUT" and "talk" in s.path)
    assert put.headers.get("if-match") == after


def test_an_event_changed_there_between_listing_and_writing_becomes_a_conflict(dav, tmp_path,
                                                                               capsys):
    """The server's copy changes after this sync listed it and before its PUT arrives: the
    server answers 412 (If-Match fails), and the sync lists again and finds a conflict
    rather than writing over the other change."""
    a, b = two_planners(tmp_path, dav)
    edit(a, retitle("talk@t", "Talk by A"))
    third_party = []

    def meanwhile(number, method):
        if method == "PUT" and not third_party:
            third_party.append(number)
            _edit_resource(dav, "business", "talk%40t.ics",
                           lambda component: component.__setitem__("SUMMARY", "Talk by C"))

    dav.proxy.reset()
    dav.proxy.on_request = meanwhile
    code, out, _ = cli_sync(capsys, a, dav)
    dav.proxy.on_request = None
    assert third_party
    refused = [s for s in dav.proxy.seen if s.method == "PUT" and "talk" in s.path]
    assert [s.status for s in refused] == [412]
    assert code == 1 and 'conflict: talk@t “Talk by A”: changed here and on the server' in out
    assert load(a).events["talk@t"].title.en == "Talk by A"
    calendar = dav.calendars()["business"]
    obj = calendar.event_by_url(calendar.url.join("talk%40t.ics"))
    obj.load()
    assert "SUMMARY:Talk by C" in obj.data
    assert cli_sync(capsys, a, dav, "--prefer", "server")[0] == 0
    assert load(a).events["talk@t"].title.en == "Talk by C"


def test_edits_made_offline_wait_and_go_up_at_the_next_sync(dav, tmp_path, capsys):
    a, b = two_planners(tmp_path, dav)
    dav.proxy.drop_after = 0  # the server is out of reach
    for n in range(2):
        edit(a, retitle("talk@t", f"Offline edit {n}"))
        digest = file_digest(a)
        code, out, err = cli_sync(capsys, a, dav)
        assert code == 2 and out == "" and err.startswith("error: cannot reach ")
        assert err.count("\n") == 1 and file_digest(a) == digest
    dav.proxy.reset()
    code, out, _ = cli_sync(capsys, a, dav)
    assert code == 0 and "1 sent" in out
    sync(b, dav)
    assert load(b).events["talk@t"].title.en == "Offline edit 1"


# ---------------------------------------------------------------------------------------------
# Everything the programme holds travels


def complete_programme():
    """A programme in which every field of every part of the model holds something other
    than its default somewhere (test_every_field_of_the_model_is_exercised checks it)."""
    from test_series import everything_programme

    from planner.model import Session, TimeWindow, Track

    programme = everything_programme()
    rich = rich_programme()
    programme.travel = rich.travel
    programme.venues.update(rich.venues)
    programme.people.update(rich.people)
    for uid, item in rich.events.items():
        programme.events[uid] = (dataclasses.replace(item, sequence=3,
                                                     last_modified=at(2, 11, 15))
                                 if uid == "talk@t" else item)
    programme.tracks["later"] = Track("later", Texts("Später", "Later", "Позже"), "#555555",
                                      placeholder=True)
    programme.people["anna"] = dataclasses.replace(
        programme.people["anna"], contact="anna@example.org",
        availability=(TimeWindow(at(4, 9), at(4, 18)),
                      TimeWindow(at(4, 12), at(4, 13), "blocked")))
    programme.venues["hall"] = dataclasses.replace(
        programme.venues["hall"], availability=(TimeWindow(at(6, 8), at(6, 22)),))
    programme.unscheduled["open@t"] = Session(
        "open@t", Texts("Offen", "Open", "Открыто"), timedelta(minutes=45), "culture",
        venue="hall", description=Texts("Text", "Text", "Текст"), speakers=("anna",),
        languages=("en",), status="tentative", sequence=2,
        last_modified=at(2, 10), url="https://example.org/open", attendance=40,
        source_uid="open@elsewhere", preserved="CLASS:PUBLIC\r\n",
        absent=frozenset({"COLOR"}))
    return programme


def _instances(value, seen):
    """Every dataclass instance reachable from ``value``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if id(value) in seen:
            return
        seen.add(id(value))
        yield value
        for item in dataclasses.fields(value):
            yield from _instances(getattr(value, item.name), seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _instances(item, seen)
    elif isinstance(value, (tuple, list, frozenset)):
        for item in value:
            yield from _instances(item, seen)


def test_every_field_of_the_model_is_exercised():
    """The programme the next test syncs holds a value other than the default in every
    field of the model, so a field the sync forgot cannot pass unnoticed; a field added
    to the model later fails here until the programme holds it too."""
    from planner import model

    unset = {}
    for instance in _instances(complete_programme(), set()):
        for item in dataclasses.fields(instance):
            value = getattr(instance, item.name)
            if item.default is not dataclasses.MISSING:
                default = item.default
            elif item.default_factory is not dataclasses.MISSING:
                default = item.default_factory()
            else:
                default = None
            key = f"{type(instance).__name__}.{item.name}"
            unset.setdefault(key, True)
            if value != default and value not in ("", None):
                unset[key] = False
    missing = sorted(key for key, none_set in unset.items() if none_set)
    assert missing == []
    kinds = {key.split(".")[0] for key in unset}
    assert kinds >= {name for name in ("Programme", "Track", "Venue", "Person", "Event",
                                      "Session", "TimeWindow", "Recurrence", "RecurrenceId",
                                      "Period", "TravelSettings", "Texts")
                     if hasattr(model, name)}


def test_everything_the_programme_holds_travels_to_a_second_planner(dav, tmp_path, capsys):
    programme = complete_programme()
    a = make_file(tmp_path / "a.programme", programme)
    assert load(a) == programme
    assert cli_sync(capsys, a, dav)[0] == 0
    b = tmp_path / "b.programme"
    code, out, err = cli_sync(capsys, b, dav)
    assert (code, err) == (0, "") and "problem" not in out
    assert load(b) == load(a)
    assert data_of(load(b)) == data_of(programme)
    lone = load(b).events["s@t/2"]
    assert lone.zone.key == "Old-Eastern" and lone.start.utcoffset() == timedelta(hours=-5)
    assert not sync(a, dav).changed and not sync(b, dav).changed


def test_the_built_in_programme_travels_whole(dav, tmp_path, capsys):
    """The German Week itself (60 events, series with exceptions, venues across the city,
    three languages) synced up from one copy and down into a new file."""
    from planner.builtin import load_builtin

    week = load_builtin()
    a = make_file(tmp_path / "a.programme", week)
    code, out, err = cli_sync(capsys, a, dav)
    assert (code, err) == (0, "") and f"{len(week.events)} sent" in out
    b = tmp_path / "b.programme"
    code, out, err = cli_sync(capsys, b, dav)
    assert (code, err) == (0, "") and "problem" not in out
    assert f"{len(week.events)} received" in out
    assert load(b) == load(a)
    assert not sync(a, dav).changed and not sync(b, dav).changed
