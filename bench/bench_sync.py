"""CalDAV sync against Radicale on loopback: the first sync of 5,000 events (the baseline),
a sync with nothing changed, and a sync with one event changed, each as a ratio of the
first sync in the same run.

Radicale runs as the tests run it (a process of its own, htpasswd logins, no fsync per
write). The programme is the ICS benchmark's: 8 tracks (so 8 calendars and one for the
programme), 40 venues, 200 people, speakers and three languages.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from pathlib import Path

from bench.bench_ics import big_programme
from bench.common import Result
from planner.store import ProgrammeStore, save_new
from planner.sync import Account, sync_store
from planner.sync.engine import SyncReport
from planner.sync.state import load_state

PASSWORD = "bench"


def _sync(path: Path, account: Account) -> tuple[float, SyncReport]:
    from planner.sync import account_for

    with ProgrammeStore.open(path) as store:
        # As the command line does: the remembered login scheme too.
        known = account_for(load_state(store.connection), account.url, account.user)
        start = time.perf_counter()
        report = sync_store(store, known, PASSWORD)
        return time.perf_counter() - start, report


def run(quick: bool = False) -> list[Result]:
    from tests.support.davserver import Radicale

    count = 500 if quick else 5000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "radicale").mkdir()
        server = Radicale(root / "radicale")
        server.start()
        try:
            user = server.add_user("bench", PASSWORD)
            account = Account(server.url(user), user)
            path = root / "bench.programme"
            programme = big_programme(count)
            save_new(path, programme)
            first, report = _sync(path, account)
            assert report.uploaded == count, report
            # The first sync's own writes are behind its stored tokens: nothing to send.
            quiet, report = min((_sync(path, account) for _ in range(3)),
                                key=lambda r: r[0])
            assert not report.changed, report
            quiet_requests = report.requests
            times = []
            for n in range(3):
                with ProgrammeStore.open(path) as store:
                    changed = store.load()
                    uid = sorted(changed.events)[n * 7]
                    event = changed.events[uid]
                    changed.events[uid] = dataclasses.replace(
                        event, title=dataclasses.replace(event.title, en=f"Changed {n}"))
                    store.replace_all(changed)
                took, report = _sync(path, account)
                assert report.uploaded == 1, report
                times.append((took, report.requests))
            one, one_requests = min(times)
        finally:
            server.stop()
    return [
        Result(f"sync with nothing changed, {count:,} events", f"first sync of {count:,} "
               f"events ({first:.1f} s)", quiet / first, 0.05,
               f"{quiet * 1000:.0f} ms, {quiet_requests} requests (one per calendar)"),
        Result(f"sync with one event changed, {count:,} events", f"first sync of {count:,} "
               f"events ({first:.1f} s)", one / first, 0.02,
               f"{one * 1000:.0f} ms, {one_requests} requests"),
    ]
