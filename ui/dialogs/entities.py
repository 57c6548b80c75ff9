"""Tracks, venues and people in one dialog of three tables.

The dialog edits copies: after Accepted, :meth:`EntitiesDialog.result` gives the three new
collections and the window turns them into one undoable command. Ids of existing entries are
fixed, since events refer to them; removing an entry that an event still uses is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.availability import parse_windows, windows_text
from planner.model import (
    LANGS,
    Event,
    Lang,
    Person,
    Programme,
    ProgrammeError,
    Session,
    Texts,
    TimeWindow,
    Track,
    ValidationError,
    Venue,
    WindowKind,
    validate_person,
    validate_track,
    validate_venue,
)
from ui.tooltips import plain_tooltip
from ui.widgets import (
    ERROR_BACKGROUND,
    ERROR_COLOUR,
    ERROR_STYLE,
    MISSING_COLOUR,
    CheckedDialog,
    ColourButton,
    ui_language,
)

T = TypeVar("T", Track, Venue, Person)
N = TypeVar("N", int, float)

ORIGINAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SETTINGS_KEY = "entities_dialog/geometry"
# The events named when a removal is refused; the rest are counted.
NAMED_EVENTS = 5


@dataclass(frozen=True, slots=True)
class _Column:
    key: str
    title: str
    width: int


class _CellError(ValidationError):
    """A problem with one cell, so that the cell can be marked."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


class EntityTable(QWidget):
    """One tab: a table of one kind of entity with Add and Remove buttons."""

    def __init__(self, kind: str, columns: list[_Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = columns
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName(f"{kind}_table")
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for n, column in enumerate(columns):
            self.table.setColumnWidth(n, column.width)
        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def column(self, key: str) -> int:
        return next(n for n, c in enumerate(self.columns) if c.key == key)

    def text(self, row: int, key: str) -> str:
        item = self.table.item(row, self.column(key))
        return item.text().strip() if item is not None else ""

    def original_id(self, row: int) -> str | None:
        item = self.table.item(row, self.column("id"))
        value = item.data(ORIGINAL_ID_ROLE) if item is not None else None
        return str(value) if value else None

    def add_row(self, values: dict[str, str], original_id: str | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for n, column in enumerate(self.columns):
            if column.key == "colour":
                continue
            item = QTableWidgetItem(values.get(column.key, ""))
            if column.key == "id" and original_id is not None:
                item.setData(ORIGINAL_ID_ROLE, original_id)
                # Events refer to the id: changing it would cut them off.
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(self.tr("The id of an existing entry cannot be changed"))
            self.table.setItem(row, n, item)
        return row

    def clear_marks(self) -> None:
        """Take error marks away and mark empty translations amber, as the editor does."""
        keys = [c.key for c in self.columns]
        for row in range(self.table.rowCount()):
            for n, key in enumerate(keys):
                item = self.table.item(row, n)
                if item is None:
                    continue
                if key in LANGS and not item.text().strip():
                    item.setBackground(QBrush(QColor(MISSING_COLOUR)))
                    item.setToolTip(self.tr("Translation missing"))
                elif item.data(Qt.ItemDataRole.BackgroundRole) is not None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    if not (key == "id" and self.original_id(row)):
                        item.setToolTip("")

    def mark(self, row: int, key: str, message: str) -> None:
        item = self.table.item(row, self.column(key))
        if item is not None:
            item.setBackground(QBrush(QColor(ERROR_BACKGROUND)))
            item.setToolTip(plain_tooltip(message))


class EntitiesDialog(CheckedDialog):
    """Edit the programme's tracks, venues and people; the programme itself is untouched."""

    geometry_key = SETTINGS_KEY

    def __init__(self, programme: Programme, parent: QWidget | None = None, *,
                 lang: Lang | None = None) -> None:
        super().__init__(parent)
        self._programme = programme
        self._lang: Lang = lang or ui_language()
        self._result: tuple[dict[str, Track], dict[str, Venue], dict[str, Person]] | None = None
        self._error = ""
        self._filling = False
        self.setWindowTitle(self.tr("Tracks, venues and people"))
        self.setSizeGripEnabled(True)

        names = [self.tr("Name (German)"), self.tr("Name (English)"), self.tr("Name (Russian)")]
        self.tracks = EntityTable("track", [
            _Column("id", self.tr("Id"), 110), _Column("de", names[0], 170),
            _Column("en", names[1], 170), _Column("ru", names[2], 170),
            _Column("colour", self.tr("Colour"), 110),
        ])
        self.venues = EntityTable("venue", [
            _Column("id", self.tr("Id"), 100), _Column("de", names[0], 160),
            _Column("en", names[1], 160), _Column("ru", names[2], 160),
            _Column("address", self.tr("Address"), 200), _Column("lat", self.tr("Latitude"), 80),
            _Column("lon", self.tr("Longitude"), 80), _Column("capacity", self.tr("Capacity"), 70),
            _Column("available", self.tr("Available"), 220),
            _Column("blocked", self.tr("Blocked"), 220),
        ])
        self.people = EntityTable("person", [
            _Column("id", self.tr("Id"), 140), _Column("name", self.tr("Name"), 220),
            _Column("affiliation", self.tr("Affiliation"), 260),
            _Column("contact", self.tr("Contact"), 180),
            _Column("available", self.tr("Available"), 220),
            _Column("blocked", self.tr("Blocked"), 220),
        ])
        # Availability cells: when someone can be booked, and breaks or set-up times.
        spans = self.tr("Times as 2019-04-04 09:00–18:00, several separated by ';'; "
                        "2019-04-04 20:00 – 2019-04-05 02:00 across midnight. ")
        for tab in (self.venues, self.people):
            tab.table.horizontalHeaderItem(tab.column("available")).setToolTip(
                spans + self.tr("Empty: available at any time."))
            tab.table.horizontalHeaderItem(tab.column("blocked")).setToolTip(
                spans + self.tr("Never available then (a break, set-up)."))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tracks, self.tr("&Tracks"))
        self.tabs.addTab(self.venues, self.tr("&Venues"))
        self.tabs.addTab(self.people, self.tr("&People"))

        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.notice_label = QLabel()
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(ERROR_STYLE + " padding: 4px;")
        self.notice_label.hide()
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.button_box)

        self._fill()
        for tab, adder in ((self.tracks, self.add_track), (self.venues, self.add_venue),
                           (self.people, self.add_person)):
            tab.table.itemChanged.connect(self._revalidate)
            tab.add_button.clicked.connect(adder)
            tab.remove_button.clicked.connect(self._remover(tab))
        self._revalidate()
        self.restore_geometry(1180, 600)

    # -- public ---------------------------------------------------------------------------

    def result(self) -> tuple[dict[str, Track], dict[str, Venue], dict[str, Person]]:  # type: ignore[override]
        """The edited tracks, venues and people (valid; available once the input is)."""
        if self._result is None:
            raise ValidationError(self._error or self.tr("the entries are not valid"))
        return self._result


    def add_track(self) -> int:
        row = self._add(self.tracks, {}, None)
        self._set_colour_button(row, "#607d8b")
        return row

    def add_venue(self) -> int:
        return self._add(self.venues, {}, None)

    def add_person(self) -> int:
        return self._add(self.people, {}, None)

    def remove_rows(self, tab: EntityTable, rows: list[int]) -> bool:
        """Remove ``rows`` of ``tab`` unless an event uses one of them; whether removed."""
        users: list[tuple[str, list[Event | Session]]] = []
        for row in rows:
            original = tab.original_id(row)
            if original is None:
                continue
            used = self._events_using(tab.kind, original)
            if used:
                users.append((original, used))
        if users:
            self._notify(*self._refusal(tab.kind, users))
            return False
        self._notify("")
        for row in sorted(rows, reverse=True):
            tab.table.removeRow(row)
        self._revalidate()
        return True

    # -- filling --------------------------------------------------------------------------

    def _fill(self) -> None:
        self._filling = True
        for track in self._programme.tracks.values():
            row = self.tracks.add_row({"id": track.id, **track.name.as_dict()}, track.id)
            self._set_colour_button(row, track.colour)
        for venue in self._programme.venues.values():
            self.venues.add_row({
                "id": venue.id, **venue.name.as_dict(), "address": venue.address,
                "lat": _number_text(venue.lat), "lon": _number_text(venue.lon),
                "capacity": _number_text(venue.capacity),
                **_windows_cells(venue.availability),
            }, venue.id)
        for person in self._programme.people.values():
            self.people.add_row({
                "id": person.id, "name": person.name, "affiliation": person.affiliation,
                "contact": person.contact,
                **_windows_cells(person.availability),
            }, person.id)
        self._filling = False

    def _set_colour_button(self, row: int, colour: str) -> None:
        button = ColourButton(colour)
        button.setAutoDefault(False)
        button.colour_changed.connect(self._revalidate)
        self.tracks.table.setCellWidget(row, self.tracks.column("colour"), button)

    def _add(self, tab: EntityTable, values: dict[str, str], original: str | None) -> int:
        self.tabs.setCurrentWidget(tab)
        self._filling = True
        row = tab.add_row(values, original)
        self._filling = False
        self._revalidate()
        tab.table.setCurrentCell(row, tab.column("id"))
        item = tab.table.item(row, 0)
        if item is not None:
            tab.table.scrollToItem(item)
        return row

    def _remover(self, tab: EntityTable) -> Callable[[], None]:
        def remove() -> None:
            rows = sorted({index.row() for index in tab.table.selectionModel().selectedRows()})
            if not rows and tab.table.currentRow() >= 0:
                rows = [tab.table.currentRow()]
            if rows:
                self.remove_rows(tab, rows)
        return remove

    # -- checks ---------------------------------------------------------------------------

    def _events_using(self, kind: str, entity_id: str) -> list[Event | Session]:
        events: list[Event | Session] = [*self._programme.sorted_events(),
                                         *self._programme.sorted_unscheduled()]
        if kind == "track":
            return [e for e in events if e.track == entity_id]
        if kind == "venue":
            return [e for e in events if e.venue == entity_id]
        return [e for e in events if entity_id in e.speakers]

    def _refusal(
        self, kind: str, users: list[tuple[str, list[Event | Session]]]
    ) -> tuple[str, str]:
        """The refusal, naming the first events by title, and every event with its UID
        (for the tooltip)."""
        kinds = {"track": self.tr("track"), "venue": self.tr("venue"), "person": self.tr("person")}
        parts = []
        details: list[str] = []
        for entity_id, events in users:
            titles = [f"\u201c{e.title.get(self._lang)}\u201d" for e in events[:NAMED_EVENTS]]
            more = len(events) - NAMED_EVENTS
            listing = ", ".join(titles) + (self.tr(" and {n} more").format(n=more)
                                           if more > 0 else "")
            parts.append(
                self.tr("Cannot remove {kind} '{id}': used by {count} event(s): {events}")
                .format(kind=kinds[kind], id=entity_id, count=len(events), events=listing)
            )
            details.extend(f"{e.title.get(self._lang)} ({e.uid})" for e in events)
        return "\n".join(parts), "\n".join(details)

    def _notify(self, text: str, details: str = "") -> None:
        self.notice_label.setText(text)
        self.notice_label.setToolTip(plain_tooltip(details) if details else "")
        self.notice_label.setVisible(bool(text))

    def _revalidate(self) -> None:
        if self._filling:
            return
        errors: list[str] = []
        tracks = self._collect(self.tracks, self._track_at, validate_track, errors)
        venues = self._collect(self.venues, self._venue_at, validate_venue, errors)
        people = self._collect(self.people, self._person_at, validate_person, errors)
        if errors:
            self._result = None
            self._error = errors[0]
            more = len(errors) - 1
            text = errors[0] + (self.tr(" (and {n} more problems)").format(n=more)
                                if more else "")
            self.message_label.setText(text)
        else:
            self._result = (tracks, venues, people)
            self._error = ""
            self.message_label.clear()
        self.ok_button.setEnabled(self._result is not None)

    def _collect(
        self,
        tab: EntityTable,
        build: Callable[[int], T],
        validate: Callable[[T], None],
        errors: list[str],
    ) -> dict[str, T]:
        table = tab.table
        # Marking cells changes items; that must not re-enter validation.
        table.blockSignals(True)
        tab.clear_marks()
        result: dict[str, T] = {}
        for row in range(table.rowCount()):
            try:
                entity = build(row)
                validate(entity)
                if entity.id in result:
                    raise _CellError("id", self.tr("{kind} id '{id}' is used twice").format(
                        kind=tab.kind, id=entity.id))
            except _CellError as exc:
                tab.mark(row, exc.column, exc.render(self._lang))
                errors.append(exc.render(self._lang))
            except ProgrammeError as exc:
                text = exc.render(self._lang)
                tab.mark(row, _column_for(str(exc), tab), text)
                errors.append(text)
            else:
                result[entity.id] = entity
        table.blockSignals(False)
        table.viewport().update()
        return result

    def _texts(self, tab: EntityTable, row: int) -> Texts:
        return Texts(tab.text(row, "de"), tab.text(row, "en"), tab.text(row, "ru"))

    def _track_at(self, row: int) -> Track:
        button = self.tracks.table.cellWidget(row, self.tracks.column("colour"))
        colour = button.colour() if isinstance(button, ColourButton) else ""
        return Track(self.tracks.text(row, "id"), self._texts(self.tracks, row), colour)

    def _venue_at(self, row: int) -> Venue:
        tab = self.venues
        venue_id = tab.text(row, "id")
        original = tab.original_id(row)
        old = self._programme.venues.get(original) if original is not None else None
        return Venue(
            venue_id, self._texts(tab, row), tab.text(row, "address"),
            self._number(tab, row, "lat", float, self.tr("latitude")),
            self._number(tab, row, "lon", float, self.tr("longitude")),
            self._number(tab, row, "capacity", int, self.tr("capacity")),
            placeholder=old.placeholder if old is not None else False,
            availability=self._availability(tab, row),
        )

    def _person_at(self, row: int) -> Person:
        tab = self.people
        return Person(tab.text(row, "id"), tab.text(row, "name"), tab.text(row, "affiliation"),
                      tab.text(row, "contact"), self._availability(tab, row))

    def _availability(self, tab: EntityTable, row: int) -> tuple[TimeWindow, ...]:
        """The windows in the row's Available and Blocked cells, in the programme's zone."""
        windows: list[TimeWindow] = []
        kinds: tuple[WindowKind, ...] = ("available", "blocked")
        for key in kinds:
            try:
                windows.extend(parse_windows(tab.text(row, key), self._programme.zone, key))
            except ProgrammeError as exc:
                raise _CellError(key, self.tr("{kind} '{id}': {problem}").format(
                    kind=tab.kind, id=tab.text(row, "id"),
                    problem=exc.render(self._lang))) from None
        return tuple(windows)

    def _number(
        self, tab: EntityTable, row: int, key: str, kind: type[N], label: str
    ) -> N | None:
        text = tab.text(row, key).replace(",", ".") if kind is float else tab.text(row, key)
        if not text:
            return None
        try:
            return kind(text)
        except ValueError:
            raise _CellError(key, self.tr("{kind} '{id}': {field} '{value}' is not a number")
                             .format(kind=tab.kind, id=tab.text(row, "id"), field=label,
                                     value=text)) from None


def _windows_cells(windows: tuple[TimeWindow, ...]) -> dict[str, str]:
    return {"available": windows_text(windows, "available"),
            "blocked": windows_text(windows, "blocked")}


def _number_text(value: float | int | None) -> str:
    return "" if value is None else str(value)


def _column_for(message: str, tab: EntityTable) -> str:
    """The column a domain error is about, judged from its English text."""
    keys = [c.key for c in tab.columns]
    for word, key in (("latitude", "lat"), ("longitude", "lon"), ("capacity", "capacity"),
                      ("colour", "colour"), ("no name", "name" if "name" in keys else "en"),
                      (" id ", "id")):
        if word in message and key in keys:
            return key
    return "id"
