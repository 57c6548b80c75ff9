"""The built-in German Week 2019 programme."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from datetime import date

from planner.builtin import BUILTIN_PATH, load_builtin
from planner.model import LANGS
from planner.recurrence import occurrences


def test_frame():
    programme = load_builtin()
    assert programme.timezone == "Europe/Moscow"
    assert (programme.first_day, programme.last_day) == (date(2019, 4, 3), date(2019, 4, 10))
    assert programme.first_day.strftime("%A") == "Wednesday"
    assert "German Week" in programme.name.en and "Deutsche Woche" in programme.name.de


def test_events_tracks_and_venues():
    programme = load_builtin()
    assert len(programme.events) >= 55
    per_track = Counter(e.track for e in programme.events.values())
    for track in ("business", "science", "culture"):
        assert per_track[track] >= 8, per_track
    located = [v for v in programme.venues.values() if v.address and v.has_coordinates]
    assert len(located) >= 10


def test_texts_in_three_languages():
    programme = load_builtin()
    for e in programme.events.values():
        assert not e.title.missing() and not e.description.missing(), e.uid
        assert any("\u0400" <= ch <= "\u04ff" for ch in e.title.ru), e.uid
    for item in [*programme.tracks.values(), *programme.venues.values()]:
        assert not item.name.missing(), item.id
    assert set(LANGS) == {"de", "en", "ru"}


def test_named_speakers_where_public():
    programme = load_builtin()
    people = {p.id: p.name for p in programme.people.values()}
    def speakers_of(word):
        return [
            {people[s] for s in e.speakers}
            for e in programme.events.values()
            if word in e.title.en.lower()
        ]
    assert any("Prof. Dr. Andreas Pinkwart" in s for s in speakers_of("kick-off"))
    assert any("Dr. Jan Fritz Rettberg" in s for s in speakers_of("smart st. petersburg"))


def test_cafe_d_is_one_daily_repeating_event():
    programme = load_builtin()
    cafes = [e for e in programme.events.values() if "Café D" in e.title.en]
    assert len(cafes) == 1
    cafe = cafes[0]
    assert cafe.recurrence is not None and "FREQ=DAILY" in cafe.recurrence.rule
    days = [start.date() for start, _ in occurrences(cafe)]
    assert days == programme.days


def test_no_venue_or_speaker_in_two_places():
    programme = load_builtin()
    slots = [
        (e, start, end)
        for e in programme.events.values()
        if e.status != "cancelled"
        for start, end in occurrences(e)
    ]
    for (a, a0, a1), (b, b0, b1) in itertools.combinations(slots, 2):
        if a0 < b1 and b0 < a1:
            assert a.venue != b.venue, (a.uid, b.uid)
            assert not set(a.speakers) & set(b.speakers), (a.uid, b.uid)


def test_every_occurrence_inside_the_week():
    programme = load_builtin()
    first, last = programme.window
    for e in programme.events.values():
        for start, end in occurrences(e):
            assert first <= start and end <= last


def test_file_is_readable_json():
    data = json.loads(BUILTIN_PATH.read_text(encoding="utf-8"))
    assert data["format"] == "programme-planner/programme"
