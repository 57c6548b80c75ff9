"""File › Sync Conflicts…: the events changed here and on the server since the last sync,
each with both versions side by side, the fields that differ marked, and a choice per
event: keep this computer's version, take the server's, or decide later. The window makes
the choices one undo step (:class:`ui.commands.SettleCommand`)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model import LANGS, Event, Lang, Programme, Texts, speaker_labels
from planner.recurrence import starts
from planner.sync.engine import ENTRY_PREFIX, Prefer, conflict_versions, reason_message
from planner.sync.resource import entities_programme
from planner.sync.state import ConflictRecord
from ui.i18n import day_month, locale_for, long_date
from ui.tooltips import plain_tooltip
from ui.widgets import language_name

DIFFERENT = QColor("#fff3c4")
# A series' dates beyond these are summed up by its rule.
MAX_DATES_SHOWN = 14
LATER = ""


class ConflictsDialog(QDialog):
    """Both versions of each conflict, and a choice per conflict (see the module doc)."""

    def __init__(self, records: list[ConflictRecord], programme: Programme, lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync Conflicts"))
        self._records = sorted(records, key=lambda r: r.ident)
        self._programme = programme
        self._lang = lang
        self._choices: dict[str, str] = {r.ident: LATER for r in self._records}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("These were changed here and on the server since the last "
                               "sync. Choose for each which version to keep; the other is "
                               "replaced. Undo takes the choices back."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setObjectName("conflict_list")
        # Long titles end in "…" (whole in the tooltip) rather than scroll the list sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for record in self._records:
            item = QListWidgetItem(self._label(record))
            item.setData(Qt.ItemDataRole.UserRole, record.ident)
            item.setToolTip(plain_tooltip(self._title(record)))
            self.list.addItem(item)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.reason_label = QLabel()
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        right_layout.addWidget(self.reason_label)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("conflict_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("This computer"), self.tr("Server")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        right_layout.addWidget(self.table, 1)
        choice_row = QHBoxLayout()
        self.keep_local = QRadioButton(self.tr("Keep &this computer's version"))
        self.keep_local.setObjectName("keep_local")
        self.take_server = QRadioButton(self.tr("Take the &server's version"))
        self.take_server.setObjectName("take_server")
        self.later = QRadioButton(self.tr("Decide &later"))
        self.later.setObjectName("decide_later")
        self.group = QButtonGroup(self)
        for button in (self.keep_local, self.take_server, self.later):
            self.group.addButton(button)
            choice_row.addWidget(button)
        choice_row.addStretch(1)
        right_layout.addLayout(choice_row)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        all_row = QHBoxLayout()
        self.all_local = QPushButton(self.tr("Keep All of &Mine"))
        self.all_local.setObjectName("all_local")
        self.all_server = QPushButton(self.tr("Take All from the Ser&ver"))
        self.all_server.setObjectName("all_server")
        self.all_local.clicked.connect(lambda: self._choose_all("local"))
        self.all_server.clicked.connect(lambda: self._choose_all("server"))
        all_row.addWidget(self.all_local)
        all_row.addWidget(self.all_server)
        all_row.addStretch(1)
        layout.addLayout(all_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("&Apply"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.keep_local.toggled.connect(lambda on: on and self._choose("local"))
        self.take_server.toggled.connect(lambda on: on and self._choose("server"))
        self.later.toggled.connect(lambda on: on and self._choose(LATER))
        self.list.currentRowChanged.connect(self._show)
        self.resize(900, 520)
        self.list.setCurrentRow(0)
        self._update_apply()

    # -- choices --------------------------------------------------------------------------

    def choices(self) -> dict[str, Prefer]:
        """The choices made: ident -> "local" or "server" (undecided ones left out)."""
        return {ident: choice for ident, choice in self._choices.items()  # type: ignore[misc]
                if choice}

    def current_ident(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _choose(self, choice: str) -> None:
        ident = self.current_ident()
        if ident is None:
            return
        self._choices[ident] = choice
        self.list.currentItem().setText(self._label(self._record(ident)))
        self._update_apply()

    def _choose_all(self, choice: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            ident = str(item.data(Qt.ItemDataRole.UserRole))
            if choice == "server" and not self._server_usable(self._record(ident)):
                continue
            self._choices[ident] = choice
            item.setText(self._label(self._record(ident)))
        self._show(self.list.currentRow())
        self._update_apply()

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(bool(self.choices()))

    def _record(self, ident: str) -> ConflictRecord:
        return next(r for r in self._records if r.ident == ident)

    @staticmethod
    def _server_usable(record: ConflictRecord) -> bool:
        return not record.reason.startswith("unusable")

    # -- showing --------------------------------------------------------------------------

    def _label(self, record: ConflictRecord) -> str:
        choice = self._choices.get(record.ident, LATER)
        mark = {"local": self.tr("keep mine"), "server": self.tr("take the server's"),
                LATER: ""}[choice]
        title = self._title(record)
        return f"{title} ({mark})" if mark else title

    def _title(self, record: ConflictRecord) -> str:
        if record.ident.startswith(ENTRY_PREFIX):
            kind, _, key = record.ident[len(ENTRY_PREFIX):].partition("/")
            names = {"venues": self.tr("Venue"), "people": self.tr("Person"),
                     "tracks": self.tr("Track")}
            setting = self.tr("Programme setting")
            data = record.local_data() or record.remote_data()
            name = data.get("name") if isinstance(data, dict) else None
            if isinstance(name, dict):
                name = name.get(self._lang) or next((v for v in name.values() if v), None)
            return f"{names.get(kind, setting)}: {name or key or kind}"
        local, remote = conflict_versions(record, self._programme)
        event = local or remote
        return event.title.get(self._lang) if event is not None else record.ident

    def _show(self, row: int) -> None:
        if row < 0:
            return
        record = self._records[row]
        reason = reason_message(record).render(self._lang)
        self.reason_label.setText(reason[:1].upper() + reason[1:])
        rows = self._rows(record)
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for n, (field, mine, theirs) in enumerate(rows):
            cells = [QTableWidgetItem(field), QTableWidgetItem(mine), QTableWidgetItem(theirs)]
            for cell in cells[1:]:
                # A long description is cut short in its cell: whole in its tooltip.
                cell.setToolTip(cell.text() if len(cell.text()) > 80 else "")
            for column, cell in enumerate(cells):
                if mine != theirs:
                    cell.setBackground(QBrush(DIFFERENT))
                    if column == 0:
                        cell.setFont(bold)
                self.table.setItem(n, column, cell)
        self.table.resizeRowsToContents()
        self.take_server.setEnabled(self._server_usable(record))
        choice = self._choices.get(record.ident, LATER)
        button = {"local": self.keep_local, "server": self.take_server,
                  LATER: self.later}[choice]
        button.setChecked(True)

    def _rows(self, record: ConflictRecord) -> list[tuple[str, str, str]]:
        if record.ident.startswith(ENTRY_PREFIX):
            return self._entry_rows(record.local_data(), record.remote_data())
        local, remote = conflict_versions(record, self._programme)
        data = record.remote_data() or {}
        theirs = entities_programme(self._programme, data.get("tracks", ()),
                                    data.get("venues", ()), data.get("people", ()))
        mine = self._described(local, self._programme)
        server = self._described(remote, _with_entities(self._programme, theirs))
        if record.reason.startswith("unusable"):
            server = {key: "" for key in mine}
            server[self.tr("Title")] = reason_message(record).render(self._lang)
        rows = [(field, mine.get(field, ""), server.get(field, "")) for field in
                dict.fromkeys([*mine, *server])]
        # A field empty in both versions says nothing about the conflict.
        return [row for row in rows if row[1] or row[2]]

    def _described(self, event: Event | None, programme: Programme) -> dict[str, str]:
        lang = self._lang
        if event is None:
            return {self.tr("Title"): self.tr("(deleted)")}
        locale = locale_for(lang)
        venue = programme.venues.get(event.venue)
        track = programme.tracks.get(event.track)
        statuses = {"confirmed": self.tr("confirmed"), "tentative": self.tr("tentative"),
                    "cancelled": self.tr("cancelled")}
        def texts(label: str, labels: dict[str, str], value: Texts) -> dict[str, str]:
            # The other languages' texts too, as the event holds them: a conflict over a
            # German title shows in an English window as well.
            shown = {label: value.get(lang)}
            for other in LANGS:
                if other != lang:
                    shown[labels[other]] = getattr(value, other)
            return shown

        titles = {"de": self.tr("Title (German)"), "en": self.tr("Title (English)"),
                  "ru": self.tr("Title (Russian)")}
        descriptions = {"de": self.tr("Description (German)"),
                        "en": self.tr("Description (English)"),
                        "ru": self.tr("Description (Russian)")}
        return {
            **texts(self.tr("Title"), titles, event.title),
            self.tr("When"): self._when(event),
            self.tr("Venue"): venue.name.get(lang) if venue else event.venue,
            self.tr("Track"): track.name.get(lang) if track else event.track,
            self.tr("Speakers"): "; ".join(speaker_labels(programme, event)),
            self.tr("Status"): statuses.get(event.status, event.status),
            self.tr("Repeats"): self._dates(event),
            **texts(self.tr("Description"), descriptions, event.description),
            self.tr("Link"): event.url,
            self.tr("Languages"): ", ".join(language_name(code) for code in event.languages),
            self.tr("Expected attendance"): (locale.toString(event.attendance)
                                             if event.attendance else ""),
        }

    def _when(self, event: Event) -> str:
        start, end = event.start, event.end
        if event.all_day:
            last = end.date() - timedelta(days=1)
            if last <= start.date():
                return self._day(start.date())
            return f"{self._day(start.date())} – {self._day(last)}"
        day = self._day(start.date())
        if end.date() == start.date():
            return f"{day}, {self._clock(start)}–{self._clock(end)}"
        return f"{day}, {self._clock(start)} – {self._day(end.date())}, {self._clock(end)}"

    def _day(self, day: date) -> str:
        """The weekday and date: "Mi. 3. April 2019", "ср 3 апреля 2019 г."."""
        locale = locale_for(self._lang)
        weekday = locale.toString(QDate(day.year, day.month, day.day), "ddd")
        return f"{weekday} {long_date(day, locale)}"

    def _clock(self, moment: datetime) -> str:
        return locale_for(self._lang).toString(QTime(moment.hour, moment.minute),
                                                QLocale.FormatType.ShortFormat)

    def _dates(self, event: Event) -> str:
        """The days a series meets on (its rule, exceptions and extra dates applied), as
        what two versions of a series differ in; empty for a single event."""
        if event.recurrence is None:
            return ""
        locale = locale_for(self._lang)
        days = [start.date() for start in starts(event, limit=MAX_DATES_SHOWN + 1)]
        shown = ", ".join(day_month(day, locale, short_month=True)
                          for day in days[:MAX_DATES_SHOWN])
        if len(days) > MAX_DATES_SHOWN:
            return self.tr("{dates}, … (rule {rule})").format(dates=shown,
                                                              rule=event.recurrence.rule)
        return self.tr("Dates ({count}): {dates}").format(count=len(days), dates=shown)

    def _entry_rows(self, local: Any, remote: Any) -> list[tuple[str, str, str]]:
        def flat(value: Any) -> dict[str, str]:
            if value is None:
                return {"": self.tr("(deleted)")}
            if isinstance(value, dict):
                return {str(k): _text(v) for k, v in value.items()}
            return {"": _text(value)}

        mine, theirs = flat(local), flat(remote)
        labels = {
            "id": self.tr("Identifier"), "name": self.tr("Name"),
            "address": self.tr("Address"), "lat": self.tr("Latitude"),
            "lon": self.tr("Longitude"), "capacity": self.tr("Capacity"),
            "availability": self.tr("Availability"), "affiliation": self.tr("Affiliation"),
            "contact": self.tr("Contact"), "colour": self.tr("Colour"),
            "placeholder": self.tr("Placeholder"), "timezone": self.tr("Time zone"),
            "start": self.tr("First day"), "end": self.tr("Last day"),
            "speed_kmh": self.tr("Travel speed (km/h)"),
            "buffer_minutes": self.tr("Time between venues (minutes)"),
        }
        rows = [(labels.get(key, key), mine.get(key, ""), theirs.get(key, ""))
                for key in dict.fromkeys([*mine, *theirs])]
        return [row for row in rows if row[1] or row[2]]


def _text(value: Any) -> str:
    if isinstance(value, dict) and set(value) <= {"de", "en", "ru"}:
        return " / ".join(str(v) for v in value.values() if v)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _with_entities(programme: Programme, extra: Programme) -> Programme:
    """``programme``'s entities with ``extra``'s added where it lacks them (for names)."""
    merged = programme.copy()
    merged.tracks = extra.tracks | merged.tracks
    merged.venues = extra.venues | merged.venues
    merged.people = extra.people | merged.people
    return merged
