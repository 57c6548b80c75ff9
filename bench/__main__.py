"""Run every benchmark and print a table of ratios: `make bench` (python -m bench).

Each module ``bench/bench_*.py`` has ``run(quick: bool) -> list[Result]``. Every figure is a
ratio against a baseline measured in the same run, never an absolute time.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import platform
import subprocess
import sys
from pathlib import Path

from bench.common import Result, machine_line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*", help="only these benchmark modules (e.g. ics)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # run one module here, print JSON
    args = parser.parse_args(argv)
    if args.one:
        module = importlib.import_module(f"bench.{args.one}")
        for result in module.run(quick=args.quick):
            print(json.dumps(dataclasses.asdict(result)), flush=True)
        return 0
    here = Path(__file__).parent
    modules = sorted(p.stem for p in here.glob("bench_*.py"))
    if args.names:
        modules = [m for m in modules if m.removeprefix("bench_") in args.names]
    results: list[Result] = []
    for name in modules:
        # Each in a fresh process: what one benchmark leaves in memory (a festival's
        # objects for the collector to walk, caches) must not weigh on the next.
        print(f"running {name} ...", file=sys.stderr, flush=True)
        command = [sys.executable, "-m", "bench", "--one", name]
        if args.quick:
            command.append("--quick")
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
        results.extend(Result(**json.loads(line))
                       for line in done.stdout.splitlines() if line.startswith("{"))
    print(machine_line())
    print(f"Python {platform.python_version()}")
    print()
    print("| measurement | baseline (same run) | ratio | target | met |")
    print("| --- | --- | --- | --- | --- |")
    for r in results:
        target = f"≤ {r.target:g}×" if r.target is not None else "-"
        met = "-" if r.target is None else ("yes" if r.ratio <= r.target else "NO")
        print(f"| {r.name} | {r.baseline} | {r.ratio:.2f}× | {target} | {met} |")
    for r in results:
        if r.detail:
            print(f"- {r.name}: {r.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
