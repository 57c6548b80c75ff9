"""The publish folder: feeds, schedule files valid against voc/schedule's schemas, change
pages, QR codes, written in one step and the same bytes for the same release."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import jsonschema
import pytest
import xmlschema
from factories import at, event, small_programme
from hypothesis import given, settings
from hypothesis import strategies as st
from ics_programmes import berlin_programme, expected_instants, with_venue_and_track
from qr_codes import qr_codes_in_svg
from support.parsers import agree, ensure_icaljs, read_all
from test_cli import assert_usage_error, run

from planner import publish as publishing
from planner.builtin import load_builtin
from planner.model import (
    Person,
    Programme,
    Recurrence,
    RecurrenceId,
    Texts,
    Venue,
    move_event,
    put_event,
)
from planner.publish import PublishError, PublishOptions, check_base_url, prepare, publish
from planner.publish.folder import MARKER
from planner.publish.frab import guid_for
from planner.publish.names import safe_name, safe_names
from planner.recurrence import occurrences
from planner.releases import record_release
from planner.store import ProgrammeStore, open_programme, save_new

DATA = Path(__file__).resolve().parent / "data" / "voc-schedule"
T1 = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)
T2 = datetime(2019, 3, 27, 9, 30, tzinfo=UTC)
BASE = "https://example.org/gw2019"


@pytest.fixture(scope="module")
def xml_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(DATA / "schedule.xml.xsd")


@pytest.fixture(scope="module")
def json_validator() -> jsonschema.Draft6Validator:
    schema = json.loads((DATA / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema,
                                      format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)


def check_schedules(folder: Path, xml_schema, json_validator) -> None:
    xml_schema.validate(str(folder / "schedule.xml"))
    document = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in json_validator.iter_errors(document)]
    assert errors == []


def two_releases(tmp_path: Path, programme: Programme | None = None) -> Path:
    """A programme file with release 1, then edits (moved, cancelled, renamed, a dropped
    occurrence), release 2."""
    path = tmp_path / "fest.programme"
    save_new(path, programme or load_builtin())
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "Version 1", "First programme", now=T1)
        edited = store.load()
        events = edited.sorted_events()
        move_event(edited, events[3].uid, events[3].start + timedelta(hours=2))
        put_event(edited, dataclasses.replace(events[7], status="cancelled"))
        put_event(edited, dataclasses.replace(events[9], title=Texts.same("<b>New</b> & more")))
        series = next(e for e in events if e.recurrence)
        put_event(edited, dataclasses.replace(series, recurrence=Recurrence(
            series.recurrence.rule, (series.start + timedelta(days=2),))))
        store.replace_all(edited)
        record_release(store, store.load(), "Version 2", "Keynote moved", now=T2)
    return path


def do_publish(path: Path, out: Path, **options: object) -> publishing.PublishResult:
    with ProgrammeStore.open(path, readonly=True) as store:
        return publish(store, out, PublishOptions(**options),  # type: ignore[arg-type]
                       now=datetime(2019, 4, 1, 8, 0, tzinfo=UTC))


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------------------------
# The folder


def test_the_folder_holds_every_part(tmp_path):
    path = two_releases(tmp_path)
    result = do_publish(path, tmp_path / "out", base_url=BASE)
    out = tmp_path / "out"
    programme = load_builtin()
    assert result.release == "Version 2"
    names = set(tree(out))
    expected = {"programme.ics", "schedule.xml", "schedule.json", "changes.html",
                "changes.de.html", "changes.en.html", "changes.ru.html", "changes.json",
                "releases.atom", "feeds.json", "qr/programme.svg", MARKER}
    expected |= {f"tracks/{t}.ics" for t in programme.tracks}
    expected |= {f"venues/{v}.ics" for v in programme.venues}
    expected |= {f"qr/tracks/{t}.svg" for t in programme.tracks}
    expected |= {f"qr/venues/{v}.svg" for v in programme.venues}
    assert expected <= names
    event_files = {n for n in names if n.startswith("events/")}
    assert len(event_files) == len(programme.events)
    # Nothing of the staging is left beside the folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fest.programme", "out"]


def test_the_same_release_gives_the_same_bytes(tmp_path):
    path = two_releases(tmp_path)
    do_publish(path, tmp_path / "a", base_url=BASE)
    do_publish(path, tmp_path / "b", base_url=BASE)
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first == second
    # Publishing again into the same folder replaces it with the same bytes.
    do_publish(path, tmp_path / "a", base_url=BASE)
    assert tree(tmp_path / "a") == first


def test_a_draft_differs_only_in_its_time_stamps(tmp_path):
    path = two_releases(tmp_path)
    with ProgrammeStore.open(path, readonly=True) as store:
        for out, now in (("a", T1), ("b", T2)):
            publish(store, tmp_path / out, PublishOptions(draft=True), now=now)
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first.keys() == second.keys()
    stamp = re.compile(rb"DTSTAMP:\d{8}T\d{6}Z|draft \d{4}-\d\d-\d\dT[\d:+]+")
    differing = [name for name in first if first[name] != second[name]]
    assert differing  # the stamps did change
    for name in differing:
        assert stamp.sub(b"", first[name]) == stamp.sub(b"", second[name]), name


def test_a_failed_publish_leaves_the_old_folder(tmp_path, monkeypatch):
    path = two_releases(tmp_path)
    out = tmp_path / "out"
    do_publish(path, out)
    before = tree(out)

    def broken(context, folder, progress=None):
        # While the new folder is being written, the old one is still whole.
        assert tree(out) == before
        raise OSError(28, "No space left on device")

    every = publishing.writers
    monkeypatch.setattr(publishing, "writers", lambda: [*every(), broken])
    with pytest.raises(PublishError, match="No space left on device"):
        do_publish(path, out)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fest.programme", "out"]


def test_a_folder_of_other_files_is_not_replaced(tmp_path):
    path = two_releases(tmp_path)
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.odt").write_bytes(b"years of work")
    with pytest.raises(PublishError, match="holds files that a publish did not write"):
        do_publish(path, precious)
    assert (precious / "thesis.odt").read_bytes() == b"years of work"
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(PublishError, match="is not a folder"):
        do_publish(path, tmp_path / "file")
    empty = tmp_path / "empty"
    empty.mkdir()
    do_publish(path, empty)
    assert (empty / "programme.ics").is_file()


def test_a_symbolic_link_as_the_folder_is_refused_and_left_alone(tmp_path):
    # The swap would put a folder where the link was (and leave its target stale): the
    # link is refused, saying so, and neither it nor what it points to changes.
    path = two_releases(tmp_path)
    real = tmp_path / "real"
    do_publish(path, real)
    before = sorted(p.name for p in real.iterdir())
    link = tmp_path / "site"
    link.symlink_to(real)
    with pytest.raises(PublishError, match="is a symbolic link"):
        do_publish(path, link)
    assert link.is_symlink() and sorted(p.name for p in real.iterdir()) == before
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(PublishError, match="is a symbolic link"):
        do_publish(path, dangling)
    assert dangling.is_symlink() and not (tmp_path / "nowhere").exists()


def test_a_folder_that_cannot_be_made_is_refused(tmp_path):
    path = two_releases(tmp_path)
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(PublishError, match="cannot write"):
        do_publish(path, tmp_path / "file" / "out")


def test_without_a_release_only_a_draft(tmp_path):
    path = tmp_path / "p.programme"
    save_new(path, load_builtin())
    with pytest.raises(PublishError, match="no release to publish yet"):
        do_publish(path, tmp_path / "out")
    do_publish(path, tmp_path / "out", draft=True)
    changes = json.loads((tmp_path / "out" / "changes.json").read_text(encoding="utf-8"))
    assert changes["releases"] == [] and changes["published"] is None


# ---------------------------------------------------------------------------------------------
# File names


def test_safe_names():
    assert safe_name("science") == "science"
    assert safe_name("talk-1.b_2") == "talk-1.b_2"
    uid = safe_name("gw2019-cafe-d@german-week-2019.programme-planner")
    assert re.fullmatch(r"gw2019-cafe-d-[0-9a-f]{10}", uid)
    for nasty in ("../../etc/passwd", "..", "a/b", "a\\b", "CON", "con.txt", "Lpt1",
                  " spaced ", "C:", "x" * 300, "", "Ärger", "大会"):
        name = safe_name(nasty)
        assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", name), nasty
        assert ".." not in name and len(name) <= 100
        assert name.split(".")[0] not in {"con", "lpt1", "prn", "aux", "nul"}
    assert safe_name("Room") != safe_name("room") and safe_name("Room") != safe_name("ROOM")


@settings(max_examples=300)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=20, unique=True))
def test_names_are_distinct_in_any_letter_case(ids):
    names = safe_names(ids)
    assert len({n.casefold() for n in names.values()}) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", n) for n in names.values())


def test_ids_of_any_shape_publish_safely(tmp_path, xml_schema, json_validator):
    programme = with_venue_and_track(small_programme())
    programme.venues["Hall:2"] = Venue("Hall:2", Texts.same("Hall"))  # same name as "hall"
    programme.venues["con"] = Venue("con", Texts.same("Con"))
    programme.people["p1"] = Person("p1", "Ann\x0bOther")  # a control character
    programme.events["UPPER@X"] = event("UPPER@X", venue="Hall:2", title=Texts.same("A\x01B"))
    programme.events["upper@x"] = event("upper@x", venue="con", speakers=("p1",))
    programme.events["long@x"] = event("long@x", day=4, start=at(4, 0), end=at(8, 12),
                                       venue="hall", url="https://example.org/long")
    path = tmp_path / "p.programme"
    save_new(path, programme)
    do_publish(path, tmp_path / "out", draft=True, base_url=BASE)
    out = tmp_path / "out"
    files = [p.name for p in (out / "events").iterdir()]
    assert len({f.casefold() for f in files}) == len(programme.events)
    assert sorted(p.name for p in (out / "venues").iterdir()) == sorted(
        f"{safe_name(v)}.ics" for v in programme.venues)
    check_schedules(out, xml_schema, json_validator)
    rooms = json.loads((out / "schedule.json").read_text())["schedule"]["conference"]["rooms"]
    assert len({r["name"] for r in rooms}) == len(rooms)


# ---------------------------------------------------------------------------------------------
# Feeds


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_feeds_carry_names_refresh_and_every_event(tmp_path):
    path = two_releases(tmp_path)
    do_publish(path, tmp_path / "out", base_url=BASE)
    out = tmp_path / "out"
    programme = load_builtin()
    whole = icalendar.Calendar.from_ical((out / "programme.ics").read_bytes())
    assert str(whole["NAME"]) == str(whole["X-WR-CALNAME"]) == programme.name.en
    assert whole["REFRESH-INTERVAL"].dt == timedelta(hours=12)
    assert "X-PUBLISHED-TTL" in whole and str(whole["METHOD"]) == "PUBLISH"
    assert set(vevents((out / "programme.ics").read_bytes())) == set(programme.events)
    for tid, track in programme.tracks.items():
        data = (out / "tracks" / f"{tid}.ics").read_bytes()
        calendar = icalendar.Calendar.from_ical(data)
        assert str(calendar["NAME"]).endswith(track.name.en)
        assert set(vevents(data)) == {e.uid for e in programme.events_in_track(tid)}
    for vid in programme.venues:
        data = (out / "venues" / f"{vid}.ics").read_bytes()
        assert set(vevents(data)) == {e.uid for e in programme.events.values()
                                      if e.venue == vid}
    # The release's time is the stamp, so that a re-publish writes the same bytes.
    assert {e["DTSTAMP"].dt for e in vevents((out / "programme.ics").read_bytes()).values()} \
        == {T2}
    feeds = json.loads((out / "feeds.json").read_text(encoding="utf-8"))
    assert feeds[0] == {"kind": "programme", "id": "programme", "title": programme.name.en,
                        "path": "programme.ics", "url": f"{BASE}/programme.ics",
                        "webcal": "webcal://example.org/gw2019/programme.ics",
                        "qr": "qr/programme.svg"}


def publish_first_release(tmp_path: Path, out: Path) -> None:
    """Publish release 1 of the built-in programme into ``out`` as it was published before
    release 2 was made: from a file that holds only release 1."""
    one = tmp_path / "one.programme"
    save_new(one, load_builtin())
    with ProgrammeStore.open(one) as store:
        record_release(store, store.load(), "Version 1", now=T1)
    do_publish(one, out)


def test_sequence_rises_and_cancelled_events_stay(tmp_path):
    path = two_releases(tmp_path)
    first_out, second_out = tmp_path / "v1", tmp_path / "v2"
    with ProgrammeStore.open(path, readonly=True) as store:
        context = prepare(store, PublishOptions())
        assert context.release is not None and context.release.name == "Version 2"
    publish_first_release(tmp_path, first_out)
    do_publish(path, second_out)
    before = vevents((first_out / "programme.ics").read_bytes())
    after = vevents((second_out / "programme.ics").read_bytes())
    assert set(before) == set(after)  # stable UIDs, nothing dropped
    for item in (*before.values(), *after.values()):
        del item["DTSTAMP"]  # the release's time: in every event
    changed = {uid for uid in after if after[uid].to_ical() != before[uid].to_ical()}
    assert len(changed) == 4
    for uid in changed:
        assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"]), uid
    for uid in set(after) - changed:
        assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]), uid
    cancelled = [e for e in after.values() if str(e["STATUS"]) == "CANCELLED"]
    assert len(cancelled) == 1 + sum(1 for e in load_builtin().events.values()
                                     if e.status == "cancelled")
    # Each event's own file holds it with the same SEQUENCE.
    for uid in changed:
        name = safe_name(uid)
        own = vevents((second_out / "events" / f"{name}.ics").read_bytes())
        assert int(own[uid]["SEQUENCE"]) == int(after[uid]["SEQUENCE"])


def test_sequence_rises_even_for_edits_that_did_not_raise_it(tmp_path):
    # An edit straight into the file (no SEQUENCE raised) still shows as a new SEQUENCE.
    path = tmp_path / "p.programme"
    programme = small_programme()
    programme.events["a@t"] = event("a@t")
    save_new(path, programme)
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "1", now=T1)
        changed = store.load()
        changed.events["a@t"] = dataclasses.replace(changed.events["a@t"], venue="petri")
        store.replace_all(changed)
        record_release(store, store.load(), "2", now=T2)
    do_publish(path, tmp_path / "out")
    published = vevents((tmp_path / "out" / "programme.ics").read_bytes())
    assert int(published["a@t"]["SEQUENCE"]) == 1


@pytest.fixture(scope="module")
def _icaljs() -> Iterator[None]:
    ensure_icaljs()
    yield


def check_feed(data: bytes, programme: Programme) -> None:
    results = read_all(data, occurrences=60)
    assert agree(results) == []
    expected = expected_instants(programme)
    for name, result in results.items():
        assert result.events, name
        for uid, read in result.events.items():
            start, end, occurrences = expected[uid]
            assert (read.start, read.end) == (start, end), (name, uid)
            assert read.occurrences == occurrences, (name, uid)


@pytest.mark.usefixtures("_icaljs")
@pytest.mark.parametrize("which", ["builtin", "berlin"])
def test_every_feed_reads_alike_in_four_parsers(tmp_path, which):
    programme = load_builtin() if which == "builtin" else with_venue_and_track(
        berlin_programme())
    path = tmp_path / "p.programme"
    save_new(path, programme)
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "1", now=T1)
    do_publish(path, tmp_path / "out", base_url=BASE)
    out = tmp_path / "out"
    feeds = [out / "programme.ics", *sorted((out / "tracks").iterdir()),
             *sorted((out / "venues").iterdir())]
    for feed in feeds:
        if b"BEGIN:VEVENT" in feed.read_bytes():
            check_feed(feed.read_bytes(), programme)
    # Each event's own file, for a spread of events (a repeating one, a cancelled one, ...).
    events = sorted(out / "events" / f"{safe_name(e.uid)}.ics" for e in programme.events.values()
                    if e.recurrence or e.status == "cancelled" or e.all_day)
    events += sorted((out / "events").iterdir())[:5]
    for own in events:
        check_feed(own.read_bytes(), programme)


# ---------------------------------------------------------------------------------------------
# schedule.xml and schedule.json


def test_schedules_are_valid_against_the_voc_schemas(tmp_path, xml_schema, json_validator):
    path = two_releases(tmp_path)
    for name, options in (("with", {"base_url": BASE}), ("without", {}),
                          ("draft", {"draft": True, "lang": "ru"})):
        do_publish(path, tmp_path / name, **options)
        check_schedules(tmp_path / name, xml_schema, json_validator)
    berlin = tmp_path / "berlin.programme"
    save_new(berlin, with_venue_and_track(berlin_programme()))
    do_publish(berlin, tmp_path / "berlin", draft=True, base_url=BASE)
    check_schedules(tmp_path / "berlin", xml_schema, json_validator)


def test_schedule_content(tmp_path):
    path = two_releases(tmp_path)
    do_publish(path, tmp_path / "out", base_url=BASE, lang="de")
    out = tmp_path / "out"
    programme = load_builtin()
    root = ET.parse(out / "schedule.xml").getroot()
    assert root.findtext("version") == "Version 2"
    conference = root.find("conference")
    assert conference.findtext("title") == programme.name.de
    assert conference.findtext("time_zone_name") == "Europe/Moscow"
    assert [t.get("name") for t in conference.findall("track")] == [
        t.name.de for t in programme.tracks.values()]
    assert [d.get("date") for d in root.findall("day")] == [
        d.isoformat() for d in programme.days]
    xml_events = root.findall("day/room/event")
    document = json.loads((out / "schedule.json").read_text(encoding="utf-8"))
    json_events = [e for day in document["schedule"]["conference"]["days"]
                   for room in day["rooms"].values() for e in room]
    assert sorted(e.get("guid") for e in xml_events) == sorted(e["guid"] for e in json_events)
    # One session per occurrence; cancelled events and occurrences are left out.
    with ProgrammeStore.open(path, readonly=True) as store:
        released = prepare(store, PublishOptions()).programme
    expected = {guid_for(e.uid, s if e.recurrence else None)
                for e in released.events.values() if e.status != "cancelled"
                for s, _ in occurrences(e)}
    assert {e["guid"] for e in json_events} == expected
    assert len({e["id"] for e in json_events}) == len(json_events)
    single = next(e for e in released.sorted_events() if e.speakers and not e.recurrence
                  and e.status != "cancelled")
    item = next(e for e in json_events if e["guid"] == guid_for(single.uid))
    assert item["title"] == single.title.de
    assert item["date"] == single.start.isoformat()
    assert item["room"] == released.venues[single.venue].name.de
    assert [p["name"] for p in item["persons"]] == [released.people[p].name
                                                    for p in single.speakers]
    assert item["url"].startswith(BASE) or item["url"] == single.url
    # The language a session is given in (frab has room for one: the first).
    assert single.languages and item["language"] == single.languages[0]
    node = next(e for e in xml_events if e.get("guid") == guid_for(single.uid))
    assert node.findtext("language") == single.languages[0]
    assert [p.text for p in node.iter("person")] == [released.people[p].name
                                                     for p in single.speakers]
    # A guid depends on the UID alone, and stays the same from one version of this program to
    # the next (apps keep favourites by it): this one was published by the first version.
    assert guid_for("gw2019-cafe-d@german-week-2019.programme-planner") == \
        "9b6d9635-6c48-5fc3-9c46-0c4c730a5b7b"


# ---------------------------------------------------------------------------------------------
# Change pages, Atom, QR codes


def test_changes_json_and_pages(tmp_path):
    path = two_releases(tmp_path)
    do_publish(path, tmp_path / "out", base_url=BASE, lang="de")
    out = tmp_path / "out"
    data = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    assert [r["release"]["name"] for r in data["releases"]] == ["Version 2", "Version 1"]
    newest, first = data["releases"]
    assert first["first"] and first["changes"] == []
    kinds = sorted(c["change"] for c in newest["changes"])
    assert kinds == ["cancelled", "cancelled", "renamed", "rescheduled"]
    for change in newest["changes"]:
        assert set(change["message"]) == {"de", "en", "ru"}
    page = (out / "changes.html").read_text(encoding="utf-8")
    assert page == (out / "changes.de.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in page and "Keynote moved" in page
    # Titles are text, never markup.
    assert "&lt;b&gt;New&lt;/b&gt; &amp; more" in page and "<b>New</b>" not in page
    english = (out / "changes.en.html").read_text(encoding="utf-8")
    assert "Release Version 2" in english and "The first release" in english
    assert "webcal://example.org/gw2019/programme.ics" in english
    assert "Veröffentlichung Version 2" in page
    assert "Выпуск Version 2" in (out / "changes.ru.html").read_text(encoding="utf-8")


def test_the_change_page_puts_the_changes_first_and_groups_the_feeds(tmp_path):
    # A page called "What changed" opens with the changes; the feeds follow, grouped
    # (the whole programme, tracks, venues), each named by its track or venue alone.
    from html.parser import HTMLParser

    path = two_releases(tmp_path)
    do_publish(path, tmp_path / "out", base_url=BASE, lang="en")
    page = (tmp_path / "out" / "changes.en.html").read_text(encoding="utf-8")
    assert page.index("Release Version 2") < page.index("Subscribe")
    assert page.index("The first release") < page.index("Subscribe")

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.headings: list[str] = []
            self.links: list[str] = []
            self._in: str | None = None

        def handle_starttag(self, tag, attrs):
            if tag in ("h3", "a"):
                self._in = tag
                if tag == "a":
                    self.links.append("")

        def handle_endtag(self, tag):
            self._in = None

        def handle_data(self, data):
            if self._in == "h3":
                self.headings.append(data.strip())
            elif self._in == "a":
                self.links[-1] += data.strip()

    reader = Reader()
    reader.feed(page[page.index("Subscribe"):])
    assert reader.headings == ["The whole programme", "Tracks", "Venues"]
    programme = open_programme(path)
    for track in programme.tracks.values():
        assert track.name.en in reader.links
    for venue in programme.venues.values():
        assert venue.name.en in reader.links
    assert not [link for link in reader.links if link.startswith(programme.name.en + ":")]


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_every_page_text_is_translated(lang):
    from planner.i18n import catalogue
    from planner.publish.changelog import TEXTS

    assert [t for t in TEXTS.values() if t not in catalogue(lang)] == []


def test_atom_feed_of_releases(tmp_path):
    path = two_releases(tmp_path)
    do_publish(path, tmp_path / "out", base_url=BASE)
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(tmp_path / "out" / "releases.atom").getroot()
    assert feed.tag == f"{atom}feed"
    assert feed.findtext(f"{atom}updated") == "2019-03-27T09:30:00Z"
    entries = feed.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == ["Release Version 2",
                                                             "Release Version 1"]
    assert len({e.findtext(f"{atom}id") for e in entries}) == 2
    assert "Keynote moved" in entries[0].findtext(f"{atom}content")
    assert entries[0].find(f"{atom}link").get("href") == f"{BASE}/changes.html#release-2"
    assert feed.find(f"{atom}author/{atom}name").text


def test_qr_codes_point_at_the_feeds(tmp_path):
    path = two_releases(tmp_path)
    do_publish(path, tmp_path / "out", base_url=BASE)
    out = tmp_path / "out"
    feeds = json.loads((out / "feeds.json").read_text(encoding="utf-8"))
    for feed in feeds[:6]:
        svg = (out / feed["qr"]).read_bytes()
        # What a phone reads from it is the feed's address, ready to subscribe to.
        assert qr_codes_in_svg(svg) == [feed["webcal"]], feed["path"]
    do_publish(path, tmp_path / "plain")
    assert not (tmp_path / "plain" / "qr").exists()


def test_a_bad_base_url_is_refused(tmp_path):
    path = two_releases(tmp_path)
    for bad in ("ftp://example.org/", "example.org", "https://", "https://x.org/?a=b",
                # What no address holds: it would go into webcal links, QR codes and feeds.
                "https://ex ample.org/", "https://example.org/a b/", "https://example.org/\t/",
                'https://example.org/"><script>/', "https://example.org/<b>/",
                "https://user:secret@example.org/", "https://example.org:port/",
                "javascript://example.org/%0Aalert(1)//"):
        with pytest.raises(PublishError, match="is not an http"):
            do_publish(path, tmp_path / "out", base_url=bad)
    assert not (tmp_path / "out").exists()
    # What addresses do hold: a port, an IDN host, escapes, a path without its last slash.
    for good, expected in (("https://example.org:8443/fest", "https://example.org:8443/fest/"),
                           ("https://пример.рф/неделя/", "https://пример.рф/неделя/"),
                           ("http://[::1]:8000/a%20b/", "http://[::1]:8000/a%20b/")):
        assert check_base_url(good) == expected


# ---------------------------------------------------------------------------------------------
# The command


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_publish_command(tmp_path):
    path = two_releases(tmp_path)
    result = run("publish", "-p", str(path), "-o", str(tmp_path / "out"), "--base-url", BASE)
    assert result.returncode == 0, result.stderr
    assert "published release 'Version 2'" in result.stdout
    assert "subscribe: webcal://example.org/gw2019/programme.ics" in result.stdout
    assert (tmp_path / "out" / "schedule.xml").is_file()


def test_publish_command_refusals(tmp_path):
    path = tmp_path / "p.programme"
    save_new(path, load_builtin())
    before = digest(path)
    assert_usage_error(run("publish", "-p", str(path), "-o", str(tmp_path / "out")),
                       "no release to publish yet")
    (tmp_path / "file").write_text("x")
    assert_usage_error(run("publish", "-p", str(path), "-o", str(tmp_path / "file"),
                           "--draft"), "is not a folder")
    assert_usage_error(run("publish", "-p", str(path), "-o", str(tmp_path / "out"), "--draft",
                           "--base-url", "nope", "--lang", "de"), "nope")
    assert digest(path) == before
    assert not (tmp_path / "out").exists()


def test_the_context_gives_writers_what_the_site_needs(tmp_path):
    path = two_releases(tmp_path)
    with ProgrammeStore.open(path, readonly=True) as store:
        released = prepare(store, PublishOptions(base_url=BASE))
        from planner.releases import load_release

        assert released.previous == load_release(store, "Version 1")
        assert released.programme == load_release(store, "Version 2")
        draft = prepare(store, PublishOptions(draft=True))
        assert draft.release is None and draft.previous == load_release(store, "Version 2")
        assert draft.history[0].release is None and draft.history[0].changes == []
    uid = sorted(released.programme.events)[0]
    assert released.event_path(uid) == f"events/{safe_name(uid)}.ics"
    assert released.webcal("tracks/science.ics") == "webcal://example.org/gw2019/tracks/science.ics"
    assert draft.url("x") is None


# ---------------------------------------------------------------------------------------------
# A series with changed occurrences (RECURRENCE-ID) in every file


CAFE = "gw2019-cafe-d@german-week-2019.programme-planner"


def changed_series(tmp_path: Path) -> tuple[Path, Programme]:
    """Release 1 of the built-in programme; release 2 with two occurrences of the daily
    Café D changed on their own: Friday's an hour later at another venue, Sunday's called
    off. Returns the file and the programme of release 2."""
    path = tmp_path / "fest.programme"
    save_new(path, load_builtin())
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "Version 1", now=T1)
        edited = store.load()
        series = edited.events[CAFE]
        other = next(v for v in sorted(edited.venues) if v != series.venue)
        friday, sunday = series.start + timedelta(days=2), series.start + timedelta(days=4)
        moved = dataclasses.replace(
            series, recurrence=None, overrides=(), recurrence_id=RecurrenceId(friday),
            start=friday + timedelta(hours=1), end=friday + timedelta(hours=1) + series.duration,
            venue=other)
        off = dataclasses.replace(series, recurrence=None, overrides=(), status="cancelled",
                                  recurrence_id=RecurrenceId(sunday), start=sunday,
                                  end=sunday + series.duration)
        put_event(edited, dataclasses.replace(series, overrides=(moved, off)))
        store.replace_all(edited)
        record_release(store, store.load(), "Version 2", now=T2)
        return path, store.load()


def utc_text(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_moved_occurrence_is_at_its_new_time_in_the_schedule_files(
        tmp_path, xml_schema, json_validator):
    path, programme = changed_series(tmp_path)
    series = programme.events[CAFE]
    moved, off = series.overrides
    do_publish(path, tmp_path / "out", base_url=BASE)
    out = tmp_path / "out"
    check_schedules(out, xml_schema, json_validator)
    document = json.loads((out / "schedule.json").read_text(encoding="utf-8"))
    sessions = {e["guid"]: (day["date"], room, e) for day in
                document["schedule"]["conference"]["days"]
                for room, items in day["rooms"].items() for e in items}
    cafe = {g: s for g, s in sessions.items() if s[2]["title"] == series.title.en}
    day, room, item = cafe[guid_for(CAFE, moved.recurrence_id.start)]
    assert item["date"] == moved.start.isoformat() and item["start"] == "17:00"
    assert room == item["room"] == programme.venues[moved.venue].name.en
    assert guid_for(CAFE, off.recurrence_id.start) not in sessions
    assert len(cafe) == len(occurrences(series))
    assert len(occurrences(series)) == len(occurrences(
        dataclasses.replace(series, overrides=()))) - 1
    root = ET.parse(out / "schedule.xml").getroot()
    node = next(e for e in root.iter("event")
                if e.get("guid") == guid_for(CAFE, moved.recurrence_id.start))
    assert node.findtext("date") == moved.start.isoformat()
    assert node.findtext("room") == programme.venues[moved.venue].name.en
    assert guid_for(CAFE, off.recurrence_id.start) not in {
        e.get("guid") for e in root.iter("event")}


def instances(data: bytes) -> dict[tuple[str, str | None], icalendar.Event]:
    """Each VEVENT by UID and RECURRENCE-ID (in UTC), none twice."""
    found: dict[tuple[str, str | None], icalendar.Event] = {}
    for item in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        rid = utc_text(item["RECURRENCE-ID"].dt) if "RECURRENCE-ID" in item else None
        key = (str(item["UID"]), rid)
        assert key not in found, f"{key} twice in one feed"
        found[key] = item
    return found


@pytest.mark.usefixtures("_icaljs")
def test_changed_occurrences_in_every_feed_read_alike_by_four_parsers(tmp_path):
    path, programme = changed_series(tmp_path)
    series = programme.events[CAFE]
    moved, off = series.overrides
    one, two = tmp_path / "v1", tmp_path / "v2"
    publish_first_release(tmp_path, one)
    do_publish(path, two)
    feeds = ["programme.ics", f"tracks/{series.track}.ics", f"venues/{series.venue}.ics",
             f"venues/{moved.venue}.ics", f"events/{safe_name(CAFE)}.ics"]
    rid_moved, rid_off = utc_text(moved.recurrence_id.start), utc_text(off.recurrence_id.start)
    for feed in feeds:
        data = (two / feed).read_bytes()
        results = read_all(data, occurrences=20)
        assert agree(results) == [], feed
        for name, result in results.items():
            # The series as it was planned (every client applies its changed occurrences
            # over it), and each changed occurrence at its own time.
            master = result.events[CAFE]
            assert master.start == utc_text(series.start), (feed, name)
            assert master.occurrences == [utc_text(s) for s, _ in occurrences(
                dataclasses.replace(series, overrides=()))], (feed, name)
            changed = result.events[f"{CAFE}|{rid_moved}"]
            assert (changed.start, changed.end) == (utc_text(moved.start), utc_text(moved.end))
            assert f"{CAFE}|{rid_off}" in result.events, (feed, name)
        found = instances(data)
        assert str(found[CAFE, rid_off]["STATUS"]) == "CANCELLED"
        assert str(found[CAFE, rid_moved]["LOCATION"]).startswith(
            programme.venues[moved.venue].name.en)
        # The update replaces what a calendar has: the same UID, a higher SEQUENCE than
        # release 1 gave the series, for the series and each of its changed occurrences.
        before = instances((one / "programme.ics").read_bytes())[CAFE, None]
        for key in ((CAFE, None), (CAFE, rid_moved), (CAFE, rid_off)):
            assert int(found[key]["SEQUENCE"]) > int(before["SEQUENCE"]), (feed, key)
    # A feed of a venue or track where none of its occurrences are has none of the series.
    elsewhere = next(v for v in programme.venues if v not in (series.venue, moved.venue))
    assert CAFE.encode() not in (two / "venues" / f"{elsewhere}.ics").read_bytes()
