"""Search and filters over a programme, and clashes among starred events."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.builtin import load_builtin
from planner.model import Person, Recurrence, Texts, Venue
from planner.recurrence import occurrences
from planner.search import (
    EventFilter,
    clear_cache,
    event_days,
    filter_events,
    haystack,
    matches,
    normalise,
    prepare,
    query_words,
    starred_clash_details,
    starred_clashes,
)
from tests.factories import at, event, small_programme

CAFE_D = "gw2019-cafe-d@german-week-2019.programme-planner"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Неделя", "неделя"),
        ("ЁЛКА", "елка"),
        ("Ёлка", "елка"),
        ("Край", "краи"),
        ("Café D", "cafe d"),
        ("CAFÉ", "cafe"),
        ("Straße", "strasse"),
        ("Gödöllő", "godollo"),
        ("  Goethe \t\n Institut  ", "goethe institut"),
        ("ﬁlm", "film"),
        ("", ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_normalise_keeps_both_scripts():
    assert normalise("Deutsche Woche / Неделя Германии") == "deutsche woche / неделя германии"


def test_query_words_are_normalised_and_unique():
    assert query_words("  Café  cafe ЁЖ ") == ("cafe", "еж")


def programme_with(*events):
    programme = small_programme()
    for item in events:
        programme.events[item.uid] = item
    return programme


def search(programme, text):
    return filter_events(programme, EventFilter(text=text))


def test_cyrillic_search_ignores_case_and_yo():
    programme = programme_with(
        event("week", title=Texts("Woche", "Week", "Неделя Германии")),
        event("tree", title=Texts("Baum", "Tree", "Ёлка у Петрикирхе")),
        event("other", title=Texts("Anderes", "Other", "Другое")),
    )
    assert search(programme, "неделя") == {"week"}
    assert search(programme, "НЕДЕЛЯ") == {"week"}
    assert search(programme, "ЁЛКА") == {"tree"}
    assert search(programme, "елка") == {"tree"}
    assert search(programme, "ёлка") == {"tree"}


def test_accents_are_ignored_both_ways():
    programme = programme_with(
        event("cafe", title=Texts.same("Café D")),
        event("plain", title=Texts.same("Cafe Central")),
    )
    assert search(programme, "cafe") == {"cafe", "plain"}
    assert search(programme, "café") == {"cafe", "plain"}
    assert search(programme, "cafe d") == {"cafe"}


def test_builtin_cafe_d_is_found_without_accent():
    programme = load_builtin()
    assert CAFE_D in search(programme, "cafe d")
    assert CAFE_D in search(programme, "CAFÉ")


def test_all_words_must_match_anywhere_in_the_event():
    programme = programme_with(
        event("a", title=Texts.same("Digital city"), speakers=("anna",)),
        event("b", title=Texts.same("Digital city")),
        event("c", title=Texts.same("Analog town"), speakers=("anna",)),
    )
    assert search(programme, "digital") == {"a", "b"}
    # One word from the title, one from the speaker's name: only the event with both.
    assert search(programme, "digital beispiel") == {"a"}
    assert search(programme, "beispiel digital") == {"a"}
    assert search(programme, "digital nowhere") == set()
    assert search(programme, "   ") == {"a", "b", "c"}


def test_words_are_substrings():
    programme = programme_with(event("a", title=Texts.same("Kooperationsforum")))
    assert search(programme, "forum") == {"a"}
    assert search(programme, "koop") == {"a"}


def test_every_searchable_field():
    programme = small_programme()
    programme.people["ivan"] = Person("ivan", "Иван Петров", "Университет ИТМО")
    programme.venues["hall"] = Venue("hall", Texts("Saal", "Hall", "Зал Чайковского"),
                                     "Невский проспект 30")
    base = event("x", title=Texts("Titel", "Title", "Название"),
                 description=Texts("Beschreibung", "Description", "Описание"),
                 speakers=("ivan",), venue="hall", track="culture")
    programme.events["x"] = base
    programme.events["y"] = event("y", title=Texts.same("Nothing"), track="business")
    for query in ["titel", "title", "название", "beschreibung", "description", "описание",
                  "иван", "петров", "итмо", "saal", "hall", "чаиковского", "невскии",
                  "kultur", "culture", "культура"]:
        assert search(programme, query) == {"x"}, query


def test_unsearched_fields_do_not_match():
    programme = programme_with(event("x", title=Texts.same("Talk"), url="https://example.org/"))
    assert search(programme, "example") == set()
    assert search(programme, "e1@test") == set()


def test_haystack_follows_edits_of_event_and_speaker():
    programme = programme_with(event("a", title=Texts.same("Old title"), speakers=("anna",)))
    assert search(programme, "old") == {"a"}
    programme.events["a"] = dataclasses.replace(programme.events["a"],
                                                title=Texts.same("New title"))
    assert search(programme, "old") == set()
    assert search(programme, "new") == {"a"}
    assert search(programme, "beispiel") == {"a"}
    programme.people["anna"] = Person("anna", "Anna Muster", "Goethe-Institut")
    assert search(programme, "beispiel") == set()
    assert search(programme, "muster") == {"a"}
    assert "muster" in haystack(programme, programme.events["a"])


def test_search_follows_renamed_venues_and_tracks_and_copies():
    programme = programme_with(event("a", venue="goethe", track="business"))
    assert search(programme, "goethe-institut") == {"a"}
    copy = programme.copy()
    copy.venues["goethe"] = Venue("goethe", Texts.same("Haus am Fluss"))
    copy.tracks["business"] = dataclasses.replace(copy.tracks["business"],
                                                  name=Texts.same("Handel"))
    # The copy shares the event object but not its venue or track.
    assert search(copy, "goethe-institut") == set()
    assert search(copy, "fluss handel") == {"a"}
    assert search(programme, "goethe-institut") == {"a"}
    assert search(programme, "fluss") == set()
    assert matches(copy, copy.events["a"], EventFilter(text="fluss"))
    assert not matches(programme, programme.events["a"], EventFilter(text="fluss"))


def test_prepare_changes_no_result():
    programme = load_builtin()
    queries = ["cafe", "goethe", "неделя", "pinkwart", "culture"]
    before = {q: search(programme, q) for q in queries}
    clear_cache()
    prepare(programme)
    assert {q: search(programme, q) for q in queries} == before
    assert any(before.values())


def test_after_prepare_a_search_and_a_day_filter_work_nothing_out_again(monkeypatch):
    import planner.search as search_module

    programme = load_builtin()
    clear_cache()
    prepare(programme)
    calls = {"texts": 0, "days": 0}
    texts, days_of = search_module._texts, search_module._days_of

    def counted_texts(values):
        calls["texts"] += 1
        return texts(values)

    def counted_days(programme_, event_):
        calls["days"] += 1
        return days_of(programme_, event_)

    monkeypatch.setattr(search_module, "_texts", counted_texts)
    monkeypatch.setattr(search_module, "_days_of", counted_days)
    assert filter_events(programme, EventFilter(text="goethe"))
    assert filter_events(programme, EventFilter(days=frozenset({date(2019, 4, 5)})))
    assert calls == {"texts": 0, "days": 0}
    # An edited event is worked out anew, and only that one.
    uid = next(iter(programme.events))
    programme.events[uid] = dataclasses.replace(programme.events[uid],
                                                title=Texts.same("Renamed"))
    assert filter_events(programme, EventFilter(text="renamed", days=frozenset(
        programme.days))) == {uid}
    assert calls == {"texts": 1, "days": 1}


def test_each_filter_dimension():
    programme = programme_with(
        event("a", day=4, track="business", venue="goethe", languages=("de",),
              speakers=("anna",)),
        event("b", day=5, track="culture", venue="petri", languages=("ru", "en")),
        event("c", day=6, track="culture", venue="goethe", languages=("en",)),
    )
    everything = {"a", "b", "c"}
    assert filter_events(programme, EventFilter()) == everything
    assert filter_events(programme, EventFilter(tracks=frozenset({"culture"}))) == {"b", "c"}
    assert filter_events(programme, EventFilter(tracks=frozenset())) == set()
    assert filter_events(programme, EventFilter(venues=frozenset({"goethe"}))) == {"a", "c"}
    assert filter_events(programme, EventFilter(languages=frozenset({"en"}))) == {"b", "c"}
    assert filter_events(programme, EventFilter(languages=frozenset({"de", "ru"}))) == {"a", "b"}
    assert filter_events(programme, EventFilter(speakers=frozenset({"anna"}))) == {"a"}
    assert filter_events(programme, EventFilter(days=frozenset({date(2019, 4, 5)}))) == {"b"}
    assert filter_events(programme, EventFilter(starred_only=True,
                                                starred=frozenset({"a", "c", "gone"}))) == {
        "a", "c"}
    # Stars alone do not restrict.
    assert filter_events(programme, EventFilter(starred=frozenset({"a"}))) == everything


def test_dimensions_combine_with_and():
    programme = programme_with(
        event("a", track="culture", venue="goethe"),
        event("b", track="culture", venue="petri"),
        event("c", track="business", venue="petri"),
    )
    flt = EventFilter(tracks=frozenset({"culture"}), venues=frozenset({"petri"}))
    assert filter_events(programme, flt) == {"b"}
    assert [matches(programme, programme.events[u], flt) for u in "abc"] == [False, True, False]


def test_day_filter_finds_every_day_of_the_repeating_cafe_d():
    programme = load_builtin()
    cafe = programme.events[CAFE_D]
    assert cafe.recurrence is not None
    assert event_days(programme, cafe) == frozenset(programme.days)
    for day in programme.days:
        found = filter_events(programme, EventFilter(days=frozenset({day})))
        assert CAFE_D in found, day
        # Every other event found that day really has an occurrence on it.
        for uid in found:
            assert any(s.date() <= day <= (e - timedelta(microseconds=1)).date()
                       for s, e in occurrences(programme.events[uid])), uid


def test_day_filter_respects_excluded_occurrences():
    programme = load_builtin()
    cafe = programme.events[CAFE_D]
    assert cafe.recurrence is not None
    skipped = cafe.start + timedelta(days=2)
    programme.events[CAFE_D] = dataclasses.replace(
        cafe, recurrence=Recurrence(cafe.recurrence.rule, (skipped,)))
    assert CAFE_D not in filter_events(programme, EventFilter(days=frozenset({skipped.date()})))
    assert CAFE_D in filter_events(
        programme, EventFilter(days=frozenset({skipped.date() + timedelta(days=1)})))


def test_an_event_past_midnight_is_on_both_days_but_midnight_end_is_not():
    programme = programme_with(
        event("late", start=at(4, 22), end=at(5, 1)),
        event("till-midnight", start=at(4, 20), end=at(5, 0)),
    )
    assert filter_events(programme, EventFilter(days=frozenset({date(2019, 4, 5)}))) == {"late"}
    assert filter_events(programme, EventFilter(days=frozenset({date(2019, 4, 4)}))) == {
        "late", "till-midnight"}


def test_filter_round_trips_through_its_dict():
    flt = EventFilter(tracks=frozenset({"culture"}), venues=None,
                      languages=frozenset({"ru"}), days=frozenset({date(2019, 4, 4)}),
                      speakers=frozenset(), text="Café", starred_only=True,
                      starred=frozenset({"x"}))
    back = EventFilter.from_dict(flt.to_dict())
    assert back == dataclasses.replace(flt, starred=frozenset())
    assert EventFilter.from_dict({"days": ["nonsense", "2019-04-05"], "languages": ["xx", "de"],
                                  "text": 3}) == EventFilter(
        days=frozenset({date(2019, 4, 5)}), languages=frozenset({"de"}))


def test_is_active():
    assert not EventFilter().is_active
    assert not EventFilter(text="  ", starred=frozenset({"a"})).is_active
    assert EventFilter(text="x").is_active
    assert EventFilter(tracks=frozenset()).is_active
    assert EventFilter(starred_only=True).is_active


# ---------------------------------------------------------------------------------------------
# Starred clashes


def test_starred_clashes_pairs_overlapping_starred_events_only():
    programme = programme_with(
        event("a", day=4, start=10, end=12),
        event("b", day=4, start=11, end=13, venue="petri"),
        event("c", day=4, start=12, end=14),  # touches a: no clash
        event("d", day=4, start=9, end=18),  # overlaps all, but not starred
    )
    assert starred_clashes(programme, {"a", "b", "c"}) == [("a", "b"), ("b", "c")]
    assert starred_clashes(programme, {"a", "c"}) == []
    assert starred_clashes(programme, {"a", "b", "c", "d"}) == [
        ("a", "b"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]
    assert starred_clashes(programme, {"a", "missing"}) == []


def test_starred_clashes_ignore_cancelled_events():
    programme = programme_with(
        event("a", day=4, start=10, end=12),
        event("b", day=4, start=11, end=13, status="cancelled"),
    )
    assert starred_clashes(programme, {"a", "b"}) == []


def test_starred_clashes_with_the_repeating_cafe_d():
    programme = load_builtin()
    cafe = programme.events[CAFE_D]
    # An event on the last day, overlapping Café D's last occurrence only.
    last = programme.last_day
    late = event("late@test", start=cafe.start.replace(day=last.day, hour=17),
                 end=cafe.start.replace(day=last.day, hour=19), track="culture",
                 venue=cafe.venue)
    programme.events[late.uid] = late
    assert starred_clashes(programme, {CAFE_D, late.uid}) == sorted([(CAFE_D, late.uid)])
    # The repeating event never clashes with itself.
    assert starred_clashes(programme, {CAFE_D}) == []
    # Which occurrence of it: the last day's, known by its RECURRENCE-ID.
    [clash] = starred_clash_details(programme, {CAFE_D, late.uid})
    last_start = cafe.start.replace(day=last.day)
    assert clash.events == (CAFE_D, late.uid)
    assert clash.starts == (last_start, late.start)
    assert clash.recurrence_ids == (last_start, None)


def test_starred_clash_details_give_the_first_overlap_of_each_pair():
    """A daily series overlapping a single event on Thursday and another series on each of
    its days: each pair is named by its first overlap, with the occurrences' RECURRENCE-IDs
    (a moved occurrence's is the start its series gives it)."""
    import dataclasses

    from planner.edits import occurrence_of, overridden
    from planner.model import Recurrence

    daily = event("daily", day=3, start=16, end=17, recurrence=Recurrence("FREQ=DAILY;COUNT=4"))
    # Friday's occurrence moved to the morning: it no longer meets "evening".
    daily = overridden(daily, at(5, 16), dataclasses.replace(
        occurrence_of(daily, at(5, 16)), start=at(5, 9), end=at(5, 10)))
    programme = programme_with(
        daily,
        event("talk", day=4, start=16, end=18, venue="petri"),
        event("morning", day=5, start=9, end=11, venue="petri"),
        event("evening", day=5, start=16, end=18, recurrence=Recurrence("FREQ=DAILY;COUNT=2"),
              venue="petri"),
    )
    details = {c.events: c for c in starred_clash_details(programme, programme.events)}
    assert set(details) == {("daily", "morning"), ("daily", "talk"), ("daily", "evening")}
    assert details[("daily", "talk")].recurrence_ids == (at(4, 16), None)
    assert details[("daily", "morning")].starts == (at(5, 9), at(5, 9))
    assert details[("daily", "morning")].recurrence_ids == (at(5, 16), None)
    # Not Friday (moved away): Saturday's occurrences, both series'.
    assert details[("daily", "evening")].recurrence_ids == (at(6, 16), at(6, 16))
    assert [c.events for c in starred_clash_details(programme, programme.events)] == \
        starred_clashes(programme, programme.events)


def test_starred_clashes_across_time_zones():
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    programme = programme_with(
        event("msk", day=4, start=12, end=13),  # 09:00-10:00 UTC
        event("ber", start=at(4, 10, zone=berlin), end=at(4, 11, zone=berlin)),  # 08-09 UTC
        event("ber2", start=at(4, 11, zone=berlin), end=at(4, 12, zone=berlin),
              zone=berlin),  # 09-10 UTC
    )
    assert starred_clashes(programme, {"msk", "ber", "ber2"}) == [("ber2", "msk")]


slots = st.tuples(st.integers(0, 30), st.integers(1, 8))


@settings(max_examples=150, deadline=None)
@given(st.lists(slots, min_size=0, max_size=12), st.data())
def test_starred_clashes_agree_with_brute_force(spans, data):
    programme = small_programme()
    base = at(4, 8)
    for i, (offset, length) in enumerate(spans):
        start = base + timedelta(minutes=30 * offset)
        programme.events[f"e{i:02d}"] = event(
            f"e{i:02d}", start=start, end=start + timedelta(minutes=30 * length))
    uids = sorted(programme.events)
    starred = set(data.draw(st.lists(st.sampled_from(uids), unique=True)) if uids else [])
    expected = sorted(
        (a, b) for a, b in itertools.combinations(sorted(starred), 2)
        if programme.events[a].start < programme.events[b].end
        and programme.events[b].start < programme.events[a].end
    )
    assert starred_clashes(programme, starred) == expected


@settings(max_examples=100, deadline=None)
@given(
    tracks=st.none() | st.frozensets(st.sampled_from(["business", "culture"])),
    venues=st.none() | st.frozensets(st.sampled_from(["goethe", "petri"])),
    languages=st.none() | st.frozensets(st.sampled_from(["de", "en", "ru"])),
    text=st.sampled_from(["", "talk", "ТАЛК", "talk zwei", "zwei", "beispiel"]),
)
def test_filter_events_agrees_with_matches_and_a_plain_oracle(tracks, venues, languages, text):
    programme = programme_with(
        event("a", title=Texts.same("Talk eins"), track="business", venue="goethe",
              languages=("de",)),
        event("b", title=Texts("Talk zwei", "Talk two", "Талк два"), track="culture",
              venue="petri", languages=("ru", "en")),
        event("c", title=Texts.same("Konzert"), track="culture", venue="goethe",
              speakers=("anna",)),
    )
    flt = EventFilter(tracks=tracks, venues=venues, languages=languages, text=text)
    found = filter_events(programme, flt)
    assert found == {u for u, e in programme.events.items() if matches(programme, e, flt)}
    for uid, item in programme.events.items():
        plain = "\n".join([
            *item.title.as_dict().values(),
            *(programme.people[p].name for p in item.speakers),
            *programme.venues[item.venue].name.as_dict().values(),
            *programme.tracks[item.track].name.as_dict().values(),
        ]).lower()
        expected = (
            (tracks is None or item.track in tracks)
            and (venues is None or item.venue in venues)
            and (languages is None or bool(set(item.languages) & languages))
            and all(word in plain for word in text.lower().split())
        )
        assert (uid in found) == expected, uid
