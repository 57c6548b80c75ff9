"""The built-in programme: the 16th German Week in St. Petersburg (3 to 10 April 2019).

It ships in the programme's JSON form (:mod:`planner.snapshot`) in ``resources/programme/``
and is an illustrative reconstruction from public announcements, not the official
timetable. It is never written back: a window that edits it works on a copy that the user
saves under a name of their own.
"""

from __future__ import annotations

from pathlib import Path

from planner import snapshot
from planner.i18n import msg
from planner.model import Programme, ProgrammeError

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BUILTIN_PATH = RESOURCES / "programme" / "german-week-2019.json"
BUILTIN_LABEL = "built-in programme"


def load_builtin() -> Programme:
    """A fresh copy of the built-in German Week 2019 programme."""
    try:
        return snapshot.loads(BUILTIN_PATH.read_bytes())
    except (OSError, ProgrammeError) as exc:
        reason = exc.message if isinstance(exc, ProgrammeError) else exc.strerror
        raise ProgrammeError(
            msg("{path}: cannot read the built-in programme ({reason})", path=BUILTIN_PATH,
                reason=reason)
        ) from exc
