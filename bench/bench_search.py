"""Search and filters at festival scale: 50,000 events with titles and descriptions in three
languages, as a ratio to the plainest possible search in the same run (one pass over the
events looking for a lower-cased word in the English title only).

1. A two-word text search with the haystacks cached (every keystroke after the first).
2. The first search, which builds every event's normalised haystack.
3. A day filter with the days cached (recurring events expanded once).
4. Tracks, languages and a day together with a text search: the panel's usual case.
5. Clashes among 2,000 starred events (a sort and sweep).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench.common import Result, best_of
from planner.model import Event, Person, Programme, Recurrence, Texts, Track, Venue
from planner.search import EventFilter, clear_cache, filter_events, starred_clashes

ZONE = ZoneInfo("Europe/Moscow")
FIRST_DAY = date(2019, 4, 3)
DAYS = 10
WORDS = [
    ("Forum", "forum", "Форум"), ("Stadt", "city", "Город"), ("Kultur", "culture", "Культура"),
    ("Wirtschaft", "business", "Экономика"), ("Bildung", "education", "Образование"),
    ("Energie", "energy", "Энергия"), ("Café", "café", "Кафе"), ("Woche", "week", "Неделя"),
    ("Zukunft", "future", "Будущее"), ("Ausstellung", "exhibition", "Выставка"),
    ("Konzert", "concert", "Концерт"), ("Gespräch", "talk", "Беседа"),
]


def build(events: int, seed: int = 11) -> Programme:
    rng = random.Random(seed)
    programme = Programme(
        name=Texts.same("Search benchmark"), timezone="Europe/Moscow", first_day=FIRST_DAY,
        last_day=FIRST_DAY + timedelta(days=DAYS - 1),
    )
    for n in range(8):
        programme.tracks[f"t{n}"] = Track(f"t{n}", Texts(f"Spur {n}", f"Track {n}", f"Трек {n}"))
    for n in range(300):
        programme.venues[f"v{n}"] = Venue(f"v{n}", Texts(f"Ort {n}", f"Venue {n}", f"Место {n}"),
                                          f"Nevsky prospekt {n}")
    for n in range(3000):
        programme.people[f"p{n}"] = Person(f"p{n}", f"Person {n} Müller", f"Institut {n % 97}")
    for n in range(events):
        picked = rng.sample(WORDS, 3)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        start = datetime.combine(day, datetime.min.time(), ZONE) + timedelta(
            minutes=30 * rng.randrange(16, 40))
        recurrence = None
        if n % 50 == 0:
            last = FIRST_DAY + timedelta(days=DAYS - 1)
            recurrence = Recurrence(f"FREQ=DAILY;UNTIL={last:%Y%m%d}T235959")
        event = Event(
            uid=f"e{n}@bench",
            title=Texts(*(" ".join(w[i] for w in picked) + f" {n}" for i in range(3))),
            description=Texts(*(" ".join(w[i] for w in reversed(picked)) * 4 for i in range(3))),
            start=start,
            end=start + timedelta(minutes=30 * rng.randrange(1, 5)),
            track=f"t{rng.randrange(8)}",
            venue=f"v{rng.randrange(300)}",
            speakers=tuple(f"p{x}" for x in rng.sample(range(3000), rng.randrange(0, 3))),
            languages=tuple(rng.sample(["de", "en", "ru"], rng.randrange(1, 3))),
            recurrence=recurrence,
        )
        programme.events[event.uid] = event
    return programme


def run(quick: bool) -> list[Result]:
    size = 5_000 if quick else 50_000
    programme = build(size)
    events = list(programme.events.values())

    def plain() -> object:
        return {e.uid for e in events if "city" in e.title.en.lower()}

    baseline_time = best_of(plain)
    baseline = f"one-field lower-case search over {size:,} events"
    text = EventFilter(text="Город café")
    results = []

    def cold() -> object:
        clear_cache()
        return filter_events(programme, text)

    cold_time = best_of(cold, repeat=3)
    filter_events(programme, text)
    warm_time = best_of(lambda: filter_events(programme, text))
    results.append(Result("text search, 2 words, 3 languages, cached", baseline,
                          warm_time / baseline_time, target=10.0,
                          detail=f"{len(filter_events(programme, text)):,} matches"))
    results.append(Result("first text search (builds every haystack)", baseline,
                          cold_time / baseline_time))
    day = EventFilter(days=frozenset({FIRST_DAY + timedelta(days=4)}))
    filter_events(programme, day)
    day_time = best_of(lambda: filter_events(programme, day))
    results.append(Result("day filter, cached", baseline, day_time / baseline_time,
                          target=10.0))
    combined = EventFilter(tracks=frozenset({"t1", "t2", "t3"}), languages=frozenset({"ru"}),
                           days=frozenset({FIRST_DAY + timedelta(days=2)}), text="форум")
    filter_events(programme, combined)
    combined_time = best_of(lambda: filter_events(programme, combined))
    results.append(Result("tracks + language + day + text, cached", baseline,
                          combined_time / baseline_time, target=10.0))
    starred = [e.uid for e in events[:: max(1, len(events) // 2000)]]
    clash_time = best_of(lambda: starred_clashes(programme, starred), repeat=3)
    results.append(Result(f"clashes among {len(starred):,} starred events", baseline,
                          clash_time / baseline_time,
                          detail=f"{len(starred_clashes(programme, starred)):,} pairs"))
    return results
