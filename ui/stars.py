"""Stars: the events a delegate picked for "My programme".

Stars are a preference of one user, not programme data, so they live in ``QSettings`` and
never in the programme file: a programme file passed around a team stays the same bytes
however its readers star it. They are filed under the programme's identity (its name and
first day), so the same programme opened from two copies of the file shares its stars, and
another programme starts with none.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPointF, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QPolygonF

from planner.model import Programme

_UNSAFE = re.compile(r"[^\w.-]+")
#: The colour of a star wherever one is drawn: a warm gold that reads on light and dark.
STAR_COLOUR = "#e0a100"


def star_polygon(centre: QPointF, radius: float) -> QPolygonF:
    """A five-pointed star around ``centre``, for views that paint stars themselves."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return QPolygonF(points)


def star_icon(size: int = 16, filled: bool = True, colour: str | None = None) -> QIcon:
    """A star for starred events (an outline when ``filled`` is false), e.g. for an item
    model's DecorationRole or a tool button; ``colour`` other than the gold (red for a
    starred event that clashes with another)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#8a6000"))
    painter.setBrush(QColor(colour or STAR_COLOUR) if filled else Qt.BrushStyle.NoBrush)
    painter.drawPolygon(star_polygon(QPointF(size / 2, size / 2 + 0.5), size / 2 - 1))
    painter.end()
    return QIcon(pixmap)


def programme_key(programme: Programme) -> str:
    """A settings-safe name for ``programme``: its name and first day, e.g.
    ``16th_German_Week_in_St._Petersburg_2019-04-03``.

    The English name is preferred, falling back as texts do, so switching the content
    language does not lose the stars. Slashes and other characters that QSettings reads as
    structure are replaced.
    """
    name = programme.name.get("en") or "programme"
    return f"{_UNSAFE.sub('_', name).strip('_')}_{programme.first_day.isoformat()}"


class StarStore(QObject):
    """The starred event UIDs of one programme, kept in the user's settings.

    ``changed`` is emitted after every change with no arguments; read :meth:`starred`.
    """

    changed = Signal()

    def __init__(self, programme: Programme | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._stars: frozenset[str] = frozenset()
        if programme is not None:
            self.set_programme(programme)

    # -- the programme

    def set_programme(self, programme: Programme) -> None:
        """Show the stars of ``programme`` (loaded from the settings)."""
        self._key = programme_key(programme)
        self._stars = self._load()
        self.changed.emit()

    @property
    def settings_key(self) -> str:
        return f"stars/{self._key}"

    # -- reading

    def is_starred(self, uid: str) -> bool:
        return uid in self._stars

    def starred(self) -> frozenset[str]:
        return self._stars

    def all_starred(self, uids: Iterable[str]) -> bool:
        """Whether every one of ``uids`` is starred (False for none): what toggling undoes."""
        wanted = set(uids)
        return bool(wanted) and wanted <= self._stars

    # -- changing

    def toggle(self, uids: Iterable[str]) -> None:
        """Star ``uids``, or unstar them when all of them are starred already.

        A mixed selection is starred as a whole, as mail programs flag a mixed selection:
        the result is predictable whatever was starred before.
        """
        wanted = frozenset(uids)
        if not wanted:
            return
        self.set_starred(wanted, not self.all_starred(wanted))

    def set_starred(self, uids: Iterable[str], starred: bool) -> None:
        wanted = frozenset(uids)
        stars = self._stars | wanted if starred else self._stars - wanted
        if stars != self._stars:
            self._stars = stars
            self._save()
            self.changed.emit()

    def forget_missing(self, programme: Programme) -> None:
        """Drop stars on events the programme no longer has."""
        self.set_starred(self._stars - programme.events.keys(), False)

    # -- settings

    def _load(self) -> frozenset[str]:
        # Kept as a JSON string: QSettings turns a one-item list into a plain string and an
        # empty one into nothing, depending on the format.
        raw = QSettings().value(self.settings_key, "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else []
        except ValueError:
            data = []
        if not isinstance(data, list):
            return frozenset()
        return frozenset(str(uid) for uid in data)

    def _save(self) -> None:
        if not self._key:
            return
        settings = QSettings()
        settings.setValue(self.settings_key, json.dumps(sorted(self._stars)))
        settings.sync()


class StarAction(QAction):
    """Star or unstar the selected events (Ctrl+D). Its text says which it will do.

    Call :meth:`refresh` when the selection changes; it also refreshes itself whenever the
    stars change.
    """

    def __init__(
        self, parent: QObject, store: StarStore, selection_getter: Callable[[], Iterable[str]]
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._selection = selection_getter
        self.setShortcut(QKeySequence(self.tr("Ctrl+D")))
        self.setStatusTip(self.tr("Add the selected events to My programme, or remove them"))
        self.setIcon(star_icon())
        self.triggered.connect(self._toggle)
        store.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        if self._store.all_starred(self._selection()):
            self.setText(self.tr("Unstar"))
        else:
            self.setText(self.tr("Star"))

    def _toggle(self) -> None:
        self._store.toggle(list(self._selection()))
        self.refresh()


def make_star_action(
    parent: QObject, store: StarStore, selection_getter: Callable[[], Iterable[str]]
) -> StarAction:
    """The Star/Unstar action (Ctrl+D) for the UIDs ``selection_getter`` returns.

    Add it to the window (or a menu) so its shortcut works in every view.
    """
    return StarAction(parent, store, selection_getter)
