"""Every hostile input of tools/hostile.py through the command line: exit 0, or exit 2 with one
``error:`` line; the programme (and an older export) unchanged; no hang.

The harness's time budget (5 s a case) is reported by ``python tools/hostile.py`` and in the
README, not asserted here: a test only stops a case that hangs. Damaged programme files run
through a reading and a writing command here (the harness runs all four).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("hostile", ROOT / "tools" / "hostile.py")
assert _spec is not None and _spec.loader is not None
hostile = importlib.util.module_from_spec(_spec)
sys.modules["hostile"] = hostile
_spec.loader.exec_module(hostile)

HANG_S = 60.0
CASES = [c for c in hostile.CASES
         if not (c.name.startswith("damaged-") and c.name.endswith(("-info", "-export")))]


def test_the_harness_has_every_kind_of_case():
    points = {c.point for c in hostile.CASES}
    assert {"4", "6", "7", "7/8", "9", "10", "11"} <= points
    assert len(hostile.CASES) > 100


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_handled(case):
    outcome = hostile.run_case(case, kill_after=HANG_S, budget=HANG_S)
    assert outcome.handled, f"{outcome.problem}\n{outcome.stderr[-2000:]}"
