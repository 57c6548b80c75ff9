"""The built-in programme: the 16th German Week in St. Petersburg (3 to 10 April 2019).

It ships as readable JSON in ``resources/programme/`` and is an illustrative reconstruction
from public announcements, not the official timetable. It is never written back: a window
that edits it works on a copy that the user saves under a name of their own.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from planner.i18n import msg
from planner.model import (
    Event,
    Person,
    Programme,
    ProgrammeError,
    Recurrence,
    Texts,
    Track,
    TravelSettings,
    Venue,
    validate_programme,
)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BUILTIN_PATH = RESOURCES / "programme" / "german-week-2019.json"
BUILTIN_LABEL = "built-in programme"

# The data was compiled in early 2019; events carry this as their last modification.
_COMPILED = datetime(2019, 3, 1, tzinfo=UTC)


def load_builtin() -> Programme:
    """A fresh copy of the built-in German Week 2019 programme."""
    try:
        data = json.loads(BUILTIN_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProgrammeError(
            msg("{path}: cannot read the built-in programme ({reason})", path=BUILTIN_PATH,
                reason=exc)
        ) from exc
    return programme_from_dict(data)


def programme_from_dict(data: dict[str, Any]) -> Programme:
    """Build and validate a programme from the JSON form of ``resources/programme``."""
    zone = ZoneInfo(data["timezone"])

    def local(text: str) -> datetime:
        return datetime.fromisoformat(text).replace(tzinfo=zone)

    programme = Programme(
        name=Texts.from_mapping(data["name"]),
        timezone=data["timezone"],
        first_day=date.fromisoformat(data["start"]),
        last_day=date.fromisoformat(data["end"]),
        travel=TravelSettings(**data.get("travel", {})),
    )
    for item in data.get("tracks", []):
        programme.tracks[item["id"]] = Track(
            item["id"], Texts.from_mapping(item["name"]), item.get("colour", "#607d8b")
        )
    for item in data.get("venues", []):
        programme.venues[item["id"]] = Venue(
            item["id"],
            Texts.from_mapping(item["name"]),
            item.get("address", ""),
            item.get("lat"),
            item.get("lon"),
            item.get("capacity"),
        )
    for item in data.get("people", []):
        programme.people[item["id"]] = Person(
            item["id"], item["name"], item.get("affiliation", ""), item.get("contact", "")
        )
    for item in data.get("events", []):
        recurrence = None
        if item.get("recurrence"):
            rec = item["recurrence"]
            recurrence = Recurrence(rec["rule"], tuple(local(x) for x in rec.get("exdates", [])))
        event = Event(
            uid=item["uid"],
            title=Texts.from_mapping(item["title"]),
            description=Texts.from_mapping(item.get("description")),
            track=item["track"],
            venue=item["venue"],
            start=local(item["start"]),
            end=local(item["end"]),
            speakers=tuple(item.get("speakers", ())),
            languages=tuple(item.get("languages", ())),
            status=item.get("status", "confirmed"),
            all_day=bool(item.get("all_day", False)),
            recurrence=recurrence,
            sequence=int(item.get("sequence", 0)),
            last_modified=_COMPILED,
            url=item.get("url", "") or "",
            attendance=item.get("attendance"),
        )
        programme.events[event.uid] = event
    validate_programme(programme)
    return programme
