"""What changed between two snapshots (planner.changes), and the changes command."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
from factories import at, event, small_programme
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import assert_usage_error, run

from planner.builtin import load_builtin
from planner.changes import CHANGE_KINDS, MESSAGES, Change, changes, concerned
from planner.i18n import catalogue
from planner.model import LANGS, Person, Recurrence, RecurrenceId, Texts
from planner.releases import compare, record_release
from planner.store import ProgrammeStore, save_new


def base():
    programme = small_programme()
    programme.people["bob"] = Person("bob", "Bob Muster")
    programme.events["a@t"] = event("a@t", speakers=("anna",),
                                    title=Texts("Vortrag", "Talk", "Доклад"))
    programme.events["daily@t"] = event(
        "daily@t", day=3, start=16, end=18, venue="petri", title=Texts.same("Café"),
        recurrence=Recurrence("FREQ=DAILY;COUNT=4"))
    return programme


def after(edit) -> list[Change]:
    before = base()
    later = before.copy()
    edit(later)
    return changes(before, later)


def replace(programme, uid, **fields):
    programme.events[uid] = dataclasses.replace(programme.events[uid], **fields)


def kinds(found: list[Change]) -> list[tuple[str, str]]:
    return [(c.uid, c.kind) for c in found]


def test_nothing_changed_is_an_empty_list():
    assert changes(base(), base()) == []
    # What nobody following the programme sees is no change: a description, a sequence.
    assert after(lambda p: replace(p, "a@t", description=Texts.same("more"), sequence=3)) == []
    # Nor the order of the speakers.
    two = base()
    replace(two, "a@t", speakers=("anna", "bob"))
    swapped = two.copy()
    replace(swapped, "a@t", speakers=("bob", "anna"))
    assert changes(two, swapped) == []


def test_added_and_removed():
    found = after(lambda p: (p.events.pop("a@t"), p.events.update(
        {"n@t": event("n@t", day=5, venue="petri")})))
    assert kinds(found) == [("a@t", "removed"), ("n@t", "added")]
    removed, added = found
    assert removed.before["title"]["en"] == "Talk" and removed.after is None
    assert added.before is None and added.after["venue"] == "petri"
    assert added.after["start"] == "2019-04-05T10:00:00+03:00"
    assert removed.message("en") == (
        "Removed from the programme: “Talk” (Thu 4 Apr 10:00–12:00, Goethe-Institut)")
    assert added.message("de").startswith("Neu: „Titel“ (Fr 5. Apr. 10:00–12:00")
    assert removed.speakers == ("anna",) and removed.venues == ("goethe",)


def test_cancelled_and_restored():
    found = after(lambda p: replace(p, "a@t", status="cancelled"))
    assert kinds(found) == [("a@t", "cancelled")]
    assert (found[0].before, found[0].after) == ("confirmed", "cancelled")
    assert found[0].message("ru").startswith("Отменено: «Доклад»")
    # Cancelled, then moved while cancelled: only the cancellation matters to anyone.
    found = after(lambda p: replace(p, "a@t", status="cancelled", venue="petri"))
    assert kinds(found) == [("a@t", "cancelled")]
    # Restored at a new time: both are told.
    gone = base()
    replace(gone, "a@t", status="cancelled")
    back = gone.copy()
    replace(back, "a@t", status="confirmed", start=at(4, 14), end=at(4, 16))
    assert kinds(changes(gone, back)) == [("a@t", "restored"), ("a@t", "rescheduled")]
    still = gone.copy()
    replace(still, "a@t", venue="petri")
    assert changes(gone, still) == []


def test_rescheduled_moved_renamed_speakers():
    found = after(lambda p: replace(p, "a@t", start=at(5, 11), end=at(5, 13), venue="petri",
                                    title=Texts("Neu", "New", "Новый"), speakers=("bob",)))
    assert kinds(found) == [("a@t", k) for k in ("rescheduled", "moved", "renamed", "speakers")]
    rescheduled, moved, renamed, speakers = found
    assert rescheduled.before == {"start": "2019-04-04T10:00:00+03:00",
                                  "end": "2019-04-04T12:00:00+03:00"}
    assert rescheduled.after == {"start": "2019-04-05T11:00:00+03:00",
                                 "end": "2019-04-05T13:00:00+03:00"}
    assert rescheduled.message("en") == (
        "“New” moves from Thu 4 Apr 10:00–12:00 to Fri 5 Apr 11:00–13:00")
    assert moved.before == {"id": "goethe", "name": Texts.same("Goethe-Institut").as_dict()}
    assert moved.after["id"] == "petri"
    assert moved.message("en") == (
        "“New” (Fri 5 Apr 11:00–13:00) moves from Goethe-Institut to Petrikirche")
    assert renamed.before["de"] == "Vortrag" and renamed.after["ru"] == "Новый"
    assert renamed.message("de") == "„Vortrag“ (Fr 5. Apr. 11:00–13:00) heißt jetzt „Neu“"
    assert speakers.before == [{"id": "anna", "name": "Anna Beispiel"}]
    assert speakers.after == [{"id": "bob", "name": "Bob Muster"}]
    # Who to tell: the speakers of before and after, the venue left and the one gone to.
    assert speakers.speakers == ("anna", "bob") and moved.venues == ("goethe", "petri")
    tell = concerned(found)
    assert list(tell.speakers) == ["anna", "bob"] and list(tell.venues) == ["goethe", "petri"]
    assert tell.speakers["bob"] == found


def test_a_repeating_event_by_occurrence():
    # One date dropped (an exception): that occurrence is cancelled, the others are not.
    found = after(lambda p: replace(p, "daily@t", recurrence=Recurrence(
        "FREQ=DAILY;COUNT=4", (at(4, 16),))))
    assert kinds(found) == [("daily@t", "cancelled")]
    assert found[0].occurrence == at(4, 16)
    assert found[0].message("en") == "“Café” on Thu 4 Apr 16:00–18:00 is cancelled"
    # Two more repeats: two added occurrences.
    found = after(lambda p: replace(p, "daily@t", recurrence=Recurrence("FREQ=DAILY;COUNT=6")))
    assert kinds(found) == [("daily@t", "added")] * 2
    assert [c.occurrence for c in found] == [at(7, 16), at(8, 16)]
    assert found[0].message("en") == "“Café”: an extra date, Sun 7 Apr 16:00–18:00, Petrikirche"
    # The whole series an hour later: one change of the series.
    found = after(lambda p: replace(p, "daily@t", start=at(3, 17), end=at(3, 19)))
    assert kinds(found) == [("daily@t", "rescheduled")]
    assert found[0].occurrence is None
    assert found[0].message("en").endswith("and each repeat alike")
    # Every other day instead of daily (3, 5, 7 for 3, 4, 5, 6): the 6th moved to the 7th,
    # the nearest new date, and the 4th is dropped.
    found = after(lambda p: replace(p, "daily@t", recurrence=Recurrence(
        "FREQ=DAILY;INTERVAL=2;COUNT=3")))
    assert kinds(found) == [("daily@t", "cancelled"), ("daily@t", "rescheduled")]
    assert found[0].occurrence == at(4, 16)
    assert found[1].occurrence == at(6, 16)
    assert found[1].after["start"] == "2019-04-07T16:00:00+03:00"
    # A single event that becomes a series: its later dates are added.
    found = after(lambda p: replace(p, "a@t", recurrence=Recurrence("FREQ=DAILY;COUNT=2")))
    assert kinds(found) == [("a@t", "added")] and found[0].occurrence == at(5, 10)


def override(programme, uid, day, **fields):
    """``programme``'s series ``uid`` with its occurrence on ``day`` (of April) changed."""
    series = programme.events[uid]
    rid = series.start.replace(day=day)
    changed = dataclasses.replace(series, recurrence=None, start=rid,
                                  end=rid + series.duration, recurrence_id=RecurrenceId(rid))
    changed = dataclasses.replace(changed, **fields)
    programme.events[uid] = dataclasses.replace(series, overrides=(*series.overrides, changed))


def test_one_occurrence_changed_on_its_own():
    # One occurrence moved to another venue: a change of that occurrence alone.
    found = after(lambda p: override(p, "daily@t", 4, venue="goethe"))
    assert kinds(found) == [("daily@t", "moved")]
    assert found[0].occurrence == at(4, 16) and found[0].start == at(4, 16)
    assert found[0].message("en") == (
        "“Café” (Thu 4 Apr 16:00–18:00) moves from Petrikirche to Goethe-Institut")
    # One occurrence an hour later, one cancelled, one renamed.
    found = after(lambda p: (override(p, "daily@t", 4, start=at(4, 17), end=at(4, 19)),
                             override(p, "daily@t", 5, status="cancelled"),
                             override(p, "daily@t", 6, title=Texts.same("Café special"))))
    assert kinds(found) == [("daily@t", "rescheduled"), ("daily@t", "cancelled"),
                            ("daily@t", "renamed")]
    assert [c.occurrence for c in found] == [at(4, 16), at(5, 16), at(6, 16)]
    # The cancelled occurrence back: restored, for that occurrence.
    gone = base()
    override(gone, "daily@t", 5, status="cancelled")
    found = changes(gone, base())
    assert kinds(found) == [("daily@t", "restored")] and found[0].occurrence == at(5, 16)


def test_a_change_of_the_series_is_told_once():
    # The series (and so every occurrence, an overridden one too) moves to another venue.
    earlier = base()
    override(earlier, "daily@t", 4, title=Texts.same("Café special"))
    later = earlier.copy()
    series = later.events["daily@t"]
    later.events["daily@t"] = dataclasses.replace(
        series, venue="goethe",
        overrides=tuple(dataclasses.replace(o, venue="goethe") for o in series.overrides))
    found = changes(earlier, later)
    assert kinds(found) == [("daily@t", "moved")] and found[0].occurrence is None


def test_sentences_in_every_language():
    found = after(lambda p: (replace(p, "a@t", start=at(5, 11), end=at(5, 13), venue="petri",
                                     title=Texts("Neu", "New", "Новый"), speakers=()),
                             p.events.pop("daily@t")))
    for change in found:
        assert set(change.messages) == set(LANGS)
        for lang in LANGS:
            assert change.message(lang)
        assert change.message("de") != change.message("en") != change.message("ru")
    assert "niemand" in found[-1].message("de") and "никто" in found[-1].message("ru")


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_every_sentence_is_translated(lang):
    translations = catalogue(lang)
    assert [t for t in MESSAGES.values() if t not in translations] == []


def test_json_objects():
    found = after(lambda p: replace(p, "a@t", venue="petri"))
    data = found[0].as_json("ru")
    assert {"uid", "change", "before", "after", "message"} <= set(data)
    assert data["change"] == "moved" and data["title"] == "Доклад"
    everywhere = found[0].as_json(None)
    assert set(everywhere["message"]) == set(LANGS)
    assert json.loads(json.dumps(everywhere)) == everywhere


# ---------------------------------------------------------------------------------------------
# Properties


@st.composite
def edited(draw: st.DrawFn):
    programme = load_builtin()
    later = programme.copy()
    uids = sorted(programme.events)
    for uid in draw(st.lists(st.sampled_from(uids), max_size=6, unique=True)):
        what = draw(st.sampled_from(["time", "venue", "title", "status", "speakers", "drop",
                                     "description"]))
        ev = later.events[uid]
        if what == "drop":
            del later.events[uid]
        elif what == "time":
            shift = timedelta(minutes=30 * draw(st.integers(-4, 4)))
            replace(later, uid, start=ev.start + shift, end=ev.end + shift)
        elif what == "venue":
            replace(later, uid, venue=draw(st.sampled_from(sorted(programme.venues))))
        elif what == "title":
            replace(later, uid, title=Texts.same(draw(st.text(min_size=1, max_size=5))))
        elif what == "status":
            replace(later, uid, status=draw(st.sampled_from(["confirmed", "cancelled"])))
        elif what == "speakers":
            replace(later, uid, speakers=tuple(draw(st.lists(
                st.sampled_from(sorted(programme.people)), max_size=2, unique=True))))
        else:
            replace(later, uid, description=Texts.same("x"))
    return programme, later


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_leaving_out_shared_events_changes_nothing(pair):
    before, later = pair
    found = changes(before, later)
    shared = {u for u in before.events if later.events.get(u) == before.events[u]}
    stripped = (dataclasses.replace(before.copy(), events={
                    u: e for u, e in before.events.items() if u not in shared}),
                dataclasses.replace(later.copy(), events={
                    u: e for u, e in later.events.items() if u not in shared}))  # fmt: skip
    assert changes(*stripped) == found
    # Only events that differ are named, and the list is in time order.
    assert {c.uid for c in found} <= set(before.events) ^ set(later.events) | {
        u for u in before.events if u in later.events and u not in shared}
    assert found == sorted(found, key=lambda c: (c.start, c.uid, CHANGE_KINDS.index(c.kind),
                                                 c.occurrence.timestamp() if c.occurrence else 0))


# ---------------------------------------------------------------------------------------------
# Release -> edit -> release -> changes, through the file and the command


def fest(tmp_path):
    path = tmp_path / "fest.programme"
    save_new(path, base())
    return path


EDITS = {
    "added": lambda p: p.events.update({"n@t": event("n@t", day=6)}),
    "removed": lambda p: p.events.pop("a@t"),
    "cancelled": lambda p: replace(p, "a@t", status="cancelled"),
    "rescheduled": lambda p: replace(p, "a@t", start=at(4, 14), end=at(4, 15)),
    "moved": lambda p: replace(p, "a@t", venue="petri"),
    "renamed": lambda p: replace(p, "a@t", title=Texts.same("Other")),
    "speakers": lambda p: replace(p, "a@t", speakers=("bob",)),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_round_trip_through_releases(tmp_path, kind):
    path = fest(tmp_path)
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "1")
        programme = store.load()
        EDITS[kind](programme)
        store.replace_all(programme)
        record_release(store, store.load(), "2")
    result = run("changes", "-p", str(path), "--since", "1", "--until", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["change"] for d in data] == [kind]
    assert {"uid", "change", "before", "after", "message"} <= set(data[0])
    # Since the latest release (2) nothing has changed.
    assert json.loads(run("changes", "-p", str(path), "--json").stdout) == []


def test_restored_through_releases(tmp_path):
    path = fest(tmp_path)
    with ProgrammeStore.open(path) as store:
        EDITS["cancelled"](programme := store.load())
        store.replace_all(programme)
        record_release(store, store.load(), "1")
        replace(programme, "a@t", status="confirmed")
        store.replace_all(programme)
        comparison = compare(store)
    assert kinds(comparison.changes) == [("a@t", "restored")]
    assert comparison.since is not None and comparison.since.name == "1"
    assert comparison.until is None


def test_changes_command_text_and_languages(tmp_path):
    path = fest(tmp_path)
    assert run("release", "-p", str(path), "--name", "Version 1").returncode == 0
    with ProgrammeStore.open(path) as store:
        programme = store.load()
        replace(programme, "a@t", venue="petri", speakers=("bob",))
        store.replace_all(programme)
    result = run("changes", "-p", str(path), "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("New place: “Talk” (Thu 4 Apr 10:00–12:00) moves from Goethe-Institut "
                        "to Petrikirche")
    assert lines[1].startswith("Speakers: “Talk”")
    assert f"2 changes from release 'Version 1' to now in {path}" == lines[2]
    assert "speakers to tell: Anna Beispiel, Bob Muster" in result.stdout
    assert "venues to tell: Goethe-Institut; Petrikirche" in result.stdout
    # Every line in the language asked for, not only the sentences.
    german = run("changes", "-p", str(path), "--lang", "de").stdout.splitlines()
    assert german[0].startswith("Neuer Ort: „Vortrag“") and "findet jetzt in Petrikirche statt" \
        in german[0]
    assert german[2] == f"2 Änderungen seit der Veröffentlichung „Version 1“ bis jetzt in {path}"
    assert german[3] == "zu benachrichtigende Mitwirkende: Anna Beispiel, Bob Muster"
    assert german[4].startswith("zu benachrichtigende Orte: ")
    one = run("changes", "-p", str(path), "--lang", "ru", "--until", "Version 1").stdout
    assert one.strip() == f"{path}: 0 изменений с выпуска «Version 1» по выпуск «Version 1»"
    russian_text = run("changes", "-p", str(path), "--lang", "ru").stdout.splitlines()
    assert russian_text[0].startswith("Новое место: «Доклад»")
    assert russian_text[2] == f"{path}: 2 изменения с выпуска «Version 1» по сей день"
    russian = json.loads(run("changes", "-p", str(path), "--lang", "ru", "--json").stdout)
    assert russian[0]["title"] == "Доклад" and "ранее" in russian[0]["message"]


def test_without_releases_everything_is_new(tmp_path):
    path = fest(tmp_path)
    data = json.loads(run("changes", "-p", str(path), "--json").stdout)
    assert sorted(d["uid"] for d in data) == ["a@t", "daily@t"]
    assert {d["change"] for d in data} == {"added"}


def test_changes_command_refuses_unknown_releases(tmp_path):
    path = fest(tmp_path)
    assert_usage_error(run("changes", "-p", str(path), "--since", "v1"), "no release 'v1'",
                       "no releases yet")
    assert run("release", "-p", str(path), "--name", "1").returncode == 0
    assert_usage_error(run("changes", "-p", str(path), "--until", "2", "--lang", "de"),
                       "keine Veröffentlichung „2“", "vorhanden: 1")
    assert_usage_error(run("changes", "-p", str(tmp_path / "missing.programme")), "no such file")
