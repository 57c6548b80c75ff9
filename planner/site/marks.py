"""The marks the site puts on events that changed since the previous release.

A reader who looked at the programme last week needs to see at a glance what is new, what
moved to another venue and what was rescheduled; cancelled events are struck through
whatever the previous release said.
"""

from __future__ import annotations

from typing import Literal

from planner.model import Programme

Mark = Literal["new", "moved", "rescheduled"]


def marks_since(previous: Programme | None, programme: Programme) -> dict[str, tuple[Mark, ...]]:
    """For each event of ``programme`` that changed since ``previous``, its marks: ``new``
    (not in ``previous``), ``moved`` (another venue), ``rescheduled`` (other times or another
    repeat rule). Nothing is marked without a previous release."""
    if previous is None:
        return {}
    marks: dict[str, tuple[Mark, ...]] = {}
    for uid, event in programme.events.items():
        old = previous.events.get(uid)
        if old is None:
            marks[uid] = ("new",)
            continue
        found: list[Mark] = []
        if old.venue != event.venue:
            found.append("moved")
        # Aware datetimes compare as instants: a change of zone alone is no new time.
        if (old.start, old.end, old.all_day, old.recurrence) != (
                event.start, event.end, event.all_day, event.recurrence):
            found.append("rescheduled")
        if found:
            marks[uid] = tuple(found)
    return marks
