"""Recovery files for programmes that have no file of their own yet.

Edits to a programme opened from a file reach that file as they happen. A new programme, or
the built-in one being edited, has no file: its work is kept in a recovery file in the user's
data folder (QStandardPaths.AppDataLocation/recovery), written at most a couple of seconds
after the first change that it does not hold yet, however often the user goes on editing, so
that after a crash the next start can offer it back. Each recovery file is an ordinary
programme file, written beside its final name and moved into place, so a crash mid-write
leaves the previous copy whole. A sidecar ``.json`` names the window's process: a file
whose process still runs belongs to another open window and is not offered.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from planner.model import Programme, ProgrammeError
from planner.store import ProgrammeStore, open_programme

SUFFIX = ".programme"


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


@dataclass(frozen=True)
class Recoverable:
    """A recovery file left by a window that is gone."""

    path: Path
    name: str
    saved_at: datetime
    events: int
    # The programme's name in each language it has ("de", "en", "ru"), to ask in the
    # window's language; files from before kept only the English ``name``.
    names: dict[str, str] = field(default_factory=dict)

    def name_in(self, lang: str) -> str:
        """The programme's name in ``lang`` (or in English, or any it has)."""
        return self.names.get(lang) or self.name or next(iter(self.names.values()), "")

    def load(self) -> Programme:
        return open_programme(self.path)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        _sidecar(self.path).unlink(missing_ok=True)


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def pending() -> list[Recoverable]:
    """Recovery files whose window is gone (a crash), newest first."""
    found = []
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            meta = json.loads(_sidecar(path).read_text(encoding="utf-8"))
            if _process_alive(int(meta["pid"])):
                continue
            found.append(
                Recoverable(
                    path,
                    str(meta.get("name", path.stem)),
                    datetime.fromisoformat(meta["saved_at"]),
                    int(meta.get("events", 0)),
                    {str(k): str(v) for k, v in dict(meta.get("names") or {}).items() if v},
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            # A file without a readable sidecar cannot be described: offer nothing for it.
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class RecoveryWriter(QObject):
    """Keeps one unsaved programme's recovery file up to date: written ``delay_ms`` after the
    first change it does not hold yet.

    The timer starts at that first change and is not restarted by the ones after it: a
    timer restarted by every change (a debounce) never fired while the user kept editing
    faster than its delay, and a crash then lost all of it.
    """

    def __init__(self, delay_ms: int = 2000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        import uuid  # here, not at start-up (uuid brings platform): most windows need no writer

        self.path = recovery_dir() / f"{uuid.uuid4().hex}{SUFFIX}"
        self._programme: Programme | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def schedule(self, programme: Programme) -> None:
        """Write ``programme`` within the delay of the first change not yet written (changes
        in quick succession are written once, together)."""
        self._programme = programme
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Write now, if a change is waiting."""
        self._timer.stop()
        programme, self._programme = self._programme, None
        if programme is None:
            return
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{self.path.stem}.{os.getpid()}.tmp{SUFFIX}"
        tmp.unlink(missing_ok=True)
        try:
            ProgrammeStore.create(tmp, programme).close()
            meta = {
                "pid": os.getpid(),
                "name": programme.name.get("en"),
                "names": {lang: programme.name.get(lang) for lang in ("de", "en", "ru")},
                "saved_at": datetime.now(UTC).isoformat(),
                "events": len(programme.events),
            }
            _sidecar(self.path).write_text(json.dumps(meta), encoding="utf-8")
            os.replace(tmp, self.path)
        except (OSError, ProgrammeError):
            # Recovery is best effort: a full disk must not stop the user's editing.
            tmp.unlink(missing_ok=True)

    def discard(self) -> None:
        """Forget the recovery file (the work was saved, or thrown away on purpose)."""
        self._timer.stop()
        self._programme = None
        self.path.unlink(missing_ok=True)
        _sidecar(self.path).unlink(missing_ok=True)
