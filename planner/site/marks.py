"""The marks the site puts on events that changed since the previous release.

A reader who looked at the programme last week needs to see at a glance what is new, what
moved to another venue and what was rescheduled; cancelled events are struck through
whatever the previous release said. The marks come from :func:`planner.changes.changes`,
the same list of changes that ``changes.html`` and the changes command give, so the site
never tells a different story: a change of one occurrence of a repeating event (an extra
date, one date moved) marks that occurrence only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from planner.changes import changes
from planner.model import Programme

Mark = Literal["new", "moved", "rescheduled"]
# The changes a reader of the programme is shown a mark for, and the mark.
_MARKS: dict[str, Mark] = {"added": "new", "moved": "moved", "rescheduled": "rescheduled"}

Marks = dict[str, dict[datetime | None, tuple[Mark, ...]]]
"""By UID: the marks of the whole event (under ``None``) and of single occurrences (under
the start they now have)."""


def marks_since(previous: Programme | None, programme: Programme) -> Marks:
    """The marks of the events of ``programme`` that are new, moved to another venue or
    rescheduled since ``previous``; nothing is marked without a previous release."""
    if previous is None:
        return {}
    marks: Marks = {}
    for change in changes(previous, programme):
        mark = _MARKS.get(change.kind)
        if mark is None or change.uid not in programme.events:
            continue
        key = None if change.occurrence is None else change.start
        found = marks.setdefault(change.uid, {})
        if mark not in found.get(key, ()):
            found[key] = (*found.get(key, ()), mark)
    return marks


def marks_of(marks: Marks, uid: str, start: datetime) -> tuple[Mark, ...]:
    """The marks of the occurrence of ``uid`` that starts at ``start``: its event's and its
    own, in the order new, moved, rescheduled."""
    found = marks.get(uid)
    if not found:
        return ()
    own = set(found.get(None, ())) | set(found.get(start, ()))
    return tuple(mark for mark in ("new", "moved", "rescheduled") if mark in own)
