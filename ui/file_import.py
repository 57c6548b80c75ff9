"""File > Import's work on a worker: the ICS and CSV files are read and their import
planned off the GUI thread (see :mod:`ui.tasks`); the window carries the plan out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ui.tasks import Progress

if TYPE_CHECKING:
    from planner.importing import ImportPlan
    from planner.model import Programme

# Progress units per file read; planning the import counts as a tenth of a file.
_UNITS = 1000


def read_and_plan(programme: Programme, paths: Sequence[str], progress: Progress) -> ImportPlan:
    """Read the ICS and CSV files ``paths`` and plan their import into ``programme``.

    Runs on a worker: ``programme`` must be a copy that nothing else changes meanwhile (the
    plan only reads it). Raises what the readers raise (:class:`ProgrammeError`,
    ``OSError``) and :class:`Cancelled` from ``progress``.
    """
    from planner.importing import plan_files, read_import_file

    total = _UNITS * len(paths) + _UNITS // 10
    results = []
    for number, name in enumerate(paths):
        base = number * _UNITS

        def part(done: int, of: int, base: int = base) -> None:
            if of > 0:
                progress(base + done * _UNITS // of, total)
            else:  # (0, 0) while a file is parsed, which tells nothing of how far: busy
                progress(0, 0)

        results.append(read_import_file(name, part))
    progress(_UNITS * len(paths), total)
    plan = plan_files(programme, results)
    progress(total, total)
    return plan
