"""Small programmes for tests, built in code."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from planner.model import Event, Person, Programme, Texts, Track, Venue

MSK = ZoneInfo("Europe/Moscow")


def at(day: int, hour: int, minute: int = 0, zone: ZoneInfo = MSK) -> datetime:
    """A time in April 2019."""
    return datetime(2019, 4, day, hour, minute, tzinfo=zone)


def small_programme(timezone: str = "Europe/Moscow") -> Programme:
    programme = Programme(
        name=Texts("Testwoche", "Test week", "Тестовая неделя"),
        timezone=timezone,
        first_day=date(2019, 4, 3),
        last_day=date(2019, 4, 10),
    )
    programme.tracks["business"] = Track("business", Texts("Wirtschaft", "Business", "Экономика"),
                                         "#1f6fb2")
    programme.tracks["culture"] = Track("culture", Texts("Kultur", "Culture", "Культура"),
                                        "#b5446e")
    programme.venues["goethe"] = Venue("goethe", Texts.same("Goethe-Institut"),
                                       "Nab. reki Moyki 58", 59.9316, 30.3127, 120)
    programme.venues["petri"] = Venue("petri", Texts.same("Petrikirche"),
                                      "Nevsky Prospekt 22-24", 59.9358, 30.3262, 600)
    programme.people["anna"] = Person("anna", "Anna Beispiel", "Goethe-Institut")
    return programme


def event(uid: str = "e1@test", day: int = 4, start: int | datetime = 10,
          end: int | datetime = 12, *, zone: ZoneInfo = MSK, **fields: object) -> Event:
    """An event on ``day`` of April 2019 from hour ``start`` to ``end`` (or given times)."""
    values: dict[str, object] = {
        "uid": uid, "title": Texts("Titel", "Title", "Название"),
        "start": start if isinstance(start, datetime) else at(day, start, zone=zone),
        "end": end if isinstance(end, datetime) else at(day, end, zone=zone),
        "track": "business", "venue": "goethe",
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]
