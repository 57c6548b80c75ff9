"""The user's preferences, typed, over QSettings (Picard's typed options).

Preferences never go into the programme file: a file passed around a team stays the same
whoever opens it. Each preference has one property here with its default and its check, so
a bad value in the settings file falls back to the default instead of breaking the window.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QByteArray, QSettings

View = Literal["week", "day", "venues", "agenda"]
# In the order of the View menu and the toolbar (their shortcuts: see the window).
VIEWS: tuple[View, ...] = ("week", "day", "venues", "agenda")
# Which hours of a day the grids show: those the programme's events need, all of them, or
# the user's own ("HH:MM-HH:MM" in the settings).
Hours = Literal["programme", "all", "custom"]
SNAPS = (5, 15, 30)
DEFAULT_SECOND_ZONE = "Europe/Berlin"
MAX_RECENT = 8
HOUR_HEIGHTS = (24, 32, 40, 48, 60, 80, 100, 130, 170)
DEFAULT_HOUR_HEIGHT = 48
DEFAULT_SYNC_MINUTES = 5
MAX_SYNC_MINUTES = 24 * 60


class Settings:
    """Typed access to the window's preferences."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings()

    def _get(self, key: str, default: object) -> object:
        value = self._s.value(key, default)
        return default if value is None else value

    # -- views ----------------------------------------------------------------------------

    @property
    def view(self) -> View:
        value = str(self._get("view/current", "week"))
        return value if value in VIEWS else "week"

    @view.setter
    def view(self, value: View) -> None:
        self._s.setValue("view/current", value)

    @property
    def snap_minutes(self) -> int:
        value = _int(self._get("view/snap_minutes", 15), 15)
        return value if value in SNAPS else 15

    @snap_minutes.setter
    def snap_minutes(self, value: int) -> None:
        self._s.setValue("view/snap_minutes", int(value))

    @property
    def hour_height(self) -> int:
        value = _int(self._get("view/hour_height", DEFAULT_HOUR_HEIGHT), DEFAULT_HOUR_HEIGHT)
        return min(max(value, HOUR_HEIGHTS[0]), HOUR_HEIGHTS[-1])

    @hour_height.setter
    def hour_height(self, value: int) -> None:
        self._s.setValue("view/hour_height", int(value))

    @property
    def hours(self) -> tuple[Hours, tuple[int, int]]:
        """Which hours the grids show, and for "custom" which (minutes after midnight)."""
        value = str(self._get("view/hours", "programme"))
        if value in ("programme", "all"):
            return value, (0, 24 * 60)  # type: ignore[return-value]
        try:
            first, last = (_minutes(part) for part in value.split("-"))
        except ValueError:
            return "programme", (0, 24 * 60)
        if not 0 <= first < last <= 24 * 60:
            return "programme", (0, 24 * 60)
        return "custom", (first, last)

    def set_hours(self, kind: Hours, hours: tuple[int, int] = (0, 24 * 60)) -> None:
        if kind == "custom":
            first, last = hours
            self._s.setValue("view/hours", f"{first // 60:02d}:{first % 60:02d}-"
                                           f"{last // 60:02d}:{last % 60:02d}")
        else:
            self._s.setValue("view/hours", kind)

    @property
    def hide_empty_venues(self) -> bool:
        return str(self._get("view/hide_empty_venues", "false")).lower() in ("true", "1")

    @hide_empty_venues.setter
    def hide_empty_venues(self, value: bool) -> None:
        self._s.setValue("view/hide_empty_venues", "true" if value else "false")

    @property
    def second_zone(self) -> str:
        """The zone of the second time ruler; empty for none."""
        value = str(self._get("view/second_zone", DEFAULT_SECOND_ZONE))
        if not value:
            return ""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            return DEFAULT_SECOND_ZONE
        return value

    @second_zone.setter
    def second_zone(self, value: str) -> None:
        self._s.setValue("view/second_zone", value)

    # -- files ----------------------------------------------------------------------------

    @property
    def recent_files(self) -> list[str]:
        value = self._get("files/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in cast(list[object], value)][:MAX_RECENT]

    @recent_files.setter
    def recent_files(self, files: list[str]) -> None:
        self._s.setValue("files/recent", list(files)[:MAX_RECENT])

    def add_recent_file(self, path: str) -> None:
        files = [path, *(f for f in self.recent_files if f != path)]
        self.recent_files = files

    @property
    def last_folder(self) -> str:
        return str(self._get("files/last_folder", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._s.setValue("files/last_folder", value)

    # -- publishing -----------------------------------------------------------------------

    # The folder and address of File > Publish belong to the programme published: another
    # programme must not be offered the first one's folder (a publish replaces it whole), nor
    # print the QR codes of its feeds. Kept by programme file, the most recent few.
    MAX_PUBLISH_PLACES = 50

    def _publish_places(self) -> dict[str, list[str]]:
        try:
            places = json.loads(str(self._get("publish/places", "{}")))
        except ValueError:
            return {}
        if not isinstance(places, dict):
            return {}
        return {str(k): v for k, v in places.items()
                if isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)}

    def publish_place(self, programme: Path) -> tuple[str, str]:
        """The folder File > Publish wrote last for the programme file ``programme``, and
        where that folder is served (empty strings: not known); printing the programme puts
        the QR codes of that address's feeds on its pages."""
        folder, url = self._publish_places().get(str(programme.resolve()), ["", ""])
        return folder, url

    def set_publish_place(self, programme: Path, folder: str, base_url: str) -> None:
        places = self._publish_places()
        key = str(programme.resolve())
        places.pop(key, None)
        places[key] = [folder, base_url]  # the newest last; the oldest go first
        kept = dict(list(places.items())[-self.MAX_PUBLISH_PLACES:])
        self._s.setValue("publish/places", json.dumps(kept, ensure_ascii=False))

    # -- sync -----------------------------------------------------------------------------

    @property
    def sync_minutes(self) -> int:
        """How often the window syncs by itself once a server is set; 0 for never."""
        value = _int(self._get("sync/minutes", DEFAULT_SYNC_MINUTES), DEFAULT_SYNC_MINUTES)
        return min(max(value, 0), MAX_SYNC_MINUTES)

    @sync_minutes.setter
    def sync_minutes(self, value: int) -> None:
        self._s.setValue("sync/minutes", int(value))

    # -- window ---------------------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def sync(self) -> None:
        self._s.sync()


def _minutes(text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    return int(hours) * 60 + int(minutes or "0")


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default
