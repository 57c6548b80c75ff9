"""Shared helpers for the benchmarks: timing by best of several runs, and the result row."""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    name: str
    baseline: str
    ratio: float
    target: float | None = None
    detail: str = ""


def best_of(func: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs of ``func``, in seconds (the least disturbed run)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB"
    except (ValueError, OSError):
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"Machine: {cpu}, {os.cpu_count()} cores{memory}, {system}"
