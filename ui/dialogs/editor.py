"""The event editor: every field of one event, checked as the user types.

The dialog never changes the programme. After ``exec()`` returns Accepted,
:meth:`EventEditor.result_event` is an event that passed :func:`planner.model.validate_event`
and :meth:`EventEditor.new_people` the people created on the way; the window turns both into
one undoable command.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from dateutil import rrule
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.model import (
    LANGS,
    STATUSES,
    Event,
    Lang,
    Person,
    Programme,
    ProgrammeError,
    Recurrence,
    Session,
    TimeRangeError,
    ValidationError,
    as_event,
    as_session,
    new_uid,
    validate_event,
    validate_session,
)
from planner.recurrence import WEEKDAYS, make_rule, rule_starts
from ui.icons import colour_icon
from ui.screens import screen_room
from ui.tooltips import plain_tooltip
from ui.widgets import (
    ERROR_COLOUR,
    ERROR_STYLE,
    WARNING_COLOUR,
    CheckedDialog,
    DurationSpinBox,
    TextsEditor,
    language_name,
    ui_language,
)

# Repeat kinds offered by the combo; "custom" stands for a rule the controls cannot show.
REPEAT_KINDS = ("none", "daily", "weekly", "weekdays", "custom")
# The occurrence list stops here: a programme has days, not years, of occurrences.
MAX_LISTED_OCCURRENCES = 400
DEFAULT_MINUTES = 60
SETTINGS_KEY = "editor/geometry"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def person_id_for(name: str, taken: set[str]) -> str:
    """An id for a new person called ``name`` that none of ``taken`` has."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "person"
    candidate, n = stem, 2
    while candidate in taken:
        candidate = f"{stem}-{n}"
        n += 1
    return candidate


def input_help() -> list[tuple[str, list[str]]]:
    """The event editor's keys, for Help › Keyboard Shortcuts (as
    :func:`ui.views.grid.input_help`)."""
    return [
        (QCoreApplication.translate("EventEditor", "Save the event (from any field)"),
         ["Ctrl+Return", "Ctrl+Enter"]),
        (QCoreApplication.translate("EventEditor", "Close the editor (after a change, it "
                                                   "asks first)"), ["Esc"]),
    ]


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _with_ctrl(event: QKeyEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class _EnterFilter(QObject):
    """Sends Enter (or only Ctrl+Enter) in a field to ``action`` instead of the field or
    the dialog's OK button."""

    def __init__(self, action: Callable[[], object], parent: QObject, *,
                 ctrl: bool = False) -> None:
        super().__init__(parent)
        self._action = action
        self._ctrl = ctrl

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if _is_enter(event) and (not self._ctrl or _with_ctrl(event)):
                self._action()
                return True
        return False


class EventEditor(CheckedDialog):
    """Create or edit one event of ``programme``.

    ``start`` and ``venue`` preset a new event (a double-clicked slot); they are ignored when
    ``event`` is given. ``lang`` is the language names of tracks and venues are shown in.
    """

    geometry_key = SETTINGS_KEY

    def __init__(
        self,
        programme: Programme,
        event: Event | None = None,
        *,
        start: datetime | None = None,
        venue: str | None = None,
        parent: QWidget | None = None,
        lang: Lang | None = None,
        session: Session | None = None,
    ) -> None:
        super().__init__(parent)
        self._programme = programme
        # An unscheduled session is edited as the event it would be, at a nominal time, with
        # "No time yet" ticked (unticking it places the session).
        self._session = session
        if session is not None:
            event = as_event(session, start or datetime.combine(
                programme.first_day, time(10), programme.zone),
                session.venue or next(iter(programme.venues), ""))
        self._original = event
        self._lang: Lang = lang or ui_language()
        self._zone = event.zone if event is not None else programme.zone
        self._new_people: dict[str, Person] = {}
        self._speaker_order: list[str] = list(event.speakers) if event else []
        self._skipped: set[date] = set()
        self._kept_recurrence: Recurrence | None = None
        self._listed_dates: tuple[date, ...] = ()
        self._result: Event | None = None
        self._error: str = ""
        self._syncing = False
        self._span_days = 1

        self.setWindowTitle(self.tr("New event") if event is None else self.tr("Edit event"))
        self.setSizeGripEnabled(True)
        self._build()
        self._fill(event, start, venue)
        if session is not None:
            self.unscheduled_box.setChecked(True)
            self._select_data(self.venue_combo, session.venue)
        self._connect()
        self._revalidate()
        self.title_edit.field("en" if self._lang == "en" else self._lang).setFocus()
        self.restore_geometry(*self._fitted)
        self.remember_state()  # Escape after a change asks before throwing it away

    # -- public ---------------------------------------------------------------------------

    def result_event(self) -> Event:
        """The edited event; only available while the input is valid (after Accepted).
        With "No time yet" ticked, :meth:`result_session` is the result instead."""
        if self._result is None:
            raise ValidationError(self._error or self.tr("the event is not valid"))
        return self._result

    def is_unscheduled(self) -> bool:
        """Whether the result is an unscheduled session (a length, no time yet)."""
        return self.unscheduled_box.isChecked()

    def result_session(self) -> Session:
        """The edited event as an unscheduled session: its length, and no venue when
        "to be chosen" is picked. Only while the input is valid."""
        session = as_session(self.result_event())
        venue = self.venue_combo.currentData() or ""
        old = self._session
        if old is not None:
            session = dataclasses.replace(session, sequence=old.sequence,
                                          last_modified=old.last_modified)
        return dataclasses.replace(session, venue=venue)

    def new_people(self) -> list[Person]:
        """People created in this editor that the result's speakers refer to."""
        if self._result is None:
            return list(self._new_people.values())
        used = set(self._result.speakers)
        return [p for pid, p in self._new_people.items() if pid in used]

    def is_valid(self) -> bool:
        return self._result is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QDialog takes plain Enter only; Ctrl+Enter saves from any field as well.
        if _is_enter(event) and _with_ctrl(event):
            self.accept()
            return
        super().keyPressEvent(event)

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        # The fields scroll inside the dialog on a screen smaller than they need (a laptop
        # of 1024x700: the three columns alone are wider); the message and the buttons
        # stay in view below them.
        body = QWidget()
        self._body = body
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("editor_scroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        texts_box = QGroupBox(self.tr("Title and description"))
        texts_layout = QGridLayout(texts_box)
        self.title_edit = TextsEditor(headings=True)
        self.description_edit = TextsEditor(multiline=True)
        for field in self.description_edit.fields.values():
            # Enter makes a new line in a description; Ctrl+Enter still saves from there.
            field.installEventFilter(_EnterFilter(self.accept, self, ctrl=True))
            field.setMinimumHeight(70)
            field.setMaximumHeight(110)
        title_label = QLabel(self.tr("&Title"))
        title_label.setBuddy(self.title_edit.field("de"))
        texts_layout.addWidget(title_label, 0, 0, Qt.AlignmentFlag.AlignBottom)
        texts_layout.addWidget(self.title_edit, 0, 1)
        texts_layout.addWidget(QLabel(self.tr("Description")), 1, 0, Qt.AlignmentFlag.AlignTop)
        texts_layout.addWidget(self.description_edit, 1, 1)
        texts_layout.setColumnStretch(1, 1)
        content.addWidget(texts_box)

        columns = QHBoxLayout()
        columns.addWidget(self._build_when(), 1)
        columns.addWidget(self._build_repeat(), 1)
        columns.addWidget(self._build_details(), 1)
        content.addLayout(columns, 1)

        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("message")
        self.message_label.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        outer.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.cancel)
        outer.addWidget(self.button_box)
        self._fitted = self._fit_screen(scroll)

    def _fit_screen(self, scroll: QScrollArea) -> tuple[int, int]:
        """As large as the fields need (a scroll area alone would ask for less), within
        the screen the dialog opens on."""
        need = self._body.sizeHint()
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        spacing = max(layout.spacing(), 0)
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = need.width() + margins.left() + margins.right()
        height = (need.height() + margins.top() + margins.bottom() + 2 * spacing
                  + self.message_label.minimumHeight() + self.button_box.sizeHint().height())
        parent = self.parentWidget()
        room = screen_room((parent or self).screen())
        room_w, room_h = room.width(), room.height()
        # A scroll bar where it has to scroll.
        if height > room_h:
            width += bar
        if width > room_w:
            height += bar
        return min(width, room_w), min(height, room_h)

    def _build_when(self) -> QGroupBox:
        box = QGroupBox(self.tr("When and where"))
        form = QFormLayout(box)
        self.track_combo = QComboBox()
        for track in sorted(self._programme.tracks.values(),
                            key=lambda t: t.name.get(self._lang).casefold()):
            self.track_combo.addItem(colour_icon(track.colour), track.name.get(self._lang),
                                     track.id)
        self.venue_combo = QComboBox()
        for venue in sorted(self._programme.venues.values(),
                            key=lambda v: v.name.get(self._lang).casefold()):
            self.venue_combo.addItem(venue.name.get(self._lang), venue.id)
        for combo in (self.track_combo, self.venue_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        form.addRow(self.tr("Trac&k"), self.track_combo)
        form.addRow(self.tr("&Venue"), self.venue_combo)

        self.start_date = QDateEdit()
        self.start_time = QTimeEdit()
        self.end_date = QDateEdit()
        self.end_time = QTimeEdit()
        for widget in (self.start_date, self.end_date):
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("dd.MM.yyyy (ddd)")
        for clock in (self.start_time, self.end_time):
            clock.setDisplayFormat("HH:mm")
        self.duration_spin = DurationSpinBox()
        self.duration_spin.setToolTip(self.tr("Hours:minutes; a bare number is minutes"))
        self.all_day_box = QCheckBox(self.tr("&All day"))
        self.unscheduled_box = QCheckBox(self.tr("&No time yet (unscheduled)"))
        self.unscheduled_box.setToolTip(self.tr(
            "A length but no time: the event waits in Unscheduled until it is placed"))
        form.addRow(self.tr("&Start"), self._pair(self.start_date, self.start_time))
        form.addRow(self.tr("&End"), self._pair(self.end_date, self.end_time))
        form.addRow(self.tr("&Duration"), self.duration_spin)
        form.addRow("", self.all_day_box)
        form.addRow("", self.unscheduled_box)
        self.zone_label = QLabel(self.tr("Times in {zone}").format(zone=self._zone.key))
        self.zone_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Zone"), self.zone_label)

        self.status_combo = QComboBox()
        names = {
            "confirmed": self.tr("confirmed"),
            "tentative": self.tr("tentative"),
            "cancelled": self.tr("cancelled"),
        }
        for status in STATUSES:
            self.status_combo.addItem(names[status], status)
        form.addRow(self.tr("Stat&us"), self.status_combo)
        return box

    @staticmethod
    def _pair(first: QWidget, second: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 3)
        row.addWidget(second, 2)
        return holder

    def _build_repeat(self) -> QGroupBox:
        box = QGroupBox(self.tr("Repeat"))
        form = QFormLayout(box)
        self.repeat_combo = QComboBox()
        labels = {
            "none": self.tr("does not repeat"),
            "daily": self.tr("daily"),
            "weekly": self.tr("weekly"),
            "weekdays": self.tr("on chosen weekdays"),
            "custom": self.tr("other rule (kept as is)"),
        }
        for kind in REPEAT_KINDS:
            self.repeat_combo.addItem(labels[kind], kind)
        form.addRow(self.tr("&Repeat"), self.repeat_combo)

        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 99)
        self.interval_label = QLabel(self.tr("Every"))
        form.addRow(self.interval_label, self.interval_spin)

        self.weekday_boxes: dict[str, QCheckBox] = {}
        weekday_row = QWidget()
        row = QHBoxLayout(weekday_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        short = [self.tr("Mo"), self.tr("Tu"), self.tr("We"), self.tr("Th"), self.tr("Fr"),
                 self.tr("Sa"), self.tr("Su")]
        for code, label in zip(WEEKDAYS, short, strict=True):
            check = QCheckBox(label)
            check.setObjectName(f"weekday_{code}")
            self.weekday_boxes[code] = check
            row.addWidget(check)
        row.addStretch(1)
        self.weekdays_widget = weekday_row
        self.weekdays_label = QLabel(self.tr("On"))
        form.addRow(self.weekdays_label, weekday_row)

        self.until_radio = QRadioButton(self.tr("until"))
        self.count_radio = QRadioButton(self.tr("times"))
        self._ends_group = QButtonGroup(self)
        self._ends_group.addButton(self.until_radio)
        self._ends_group.addButton(self.count_radio)
        self.until_radio.setChecked(True)
        self.until_date = QDateEdit()
        self.until_date.setCalendarPopup(True)
        self.until_date.setDisplayFormat("dd.MM.yyyy (ddd)")
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 999)
        self.count_spin.setValue(2)
        ends = QWidget()
        ends_layout = QGridLayout(ends)
        ends_layout.setContentsMargins(0, 0, 0, 0)
        ends_layout.addWidget(self.until_radio, 0, 0)
        ends_layout.addWidget(self.until_date, 0, 1)
        ends_layout.addWidget(self.count_radio, 1, 0)
        ends_layout.addWidget(self.count_spin, 1, 1)
        ends_layout.setColumnStretch(1, 1)
        self.ends_widget = ends
        self.ends_label = QLabel(self.tr("Ends"))
        form.addRow(self.ends_label, ends)

        self.occurrence_list = QListWidget()
        self.occurrence_list.setToolTip(self.tr("Untick a date to skip that occurrence"))
        self.occurrence_list.setMinimumHeight(80)
        self.occurrences_label = QLabel(self.tr("Takes place"))
        form.addRow(self.occurrences_label, self.occurrence_list)

        self.repeat_note = QLabel()
        self.repeat_note.setTextFormat(Qt.TextFormat.PlainText)
        self.repeat_note.setWordWrap(True)
        self.repeat_note.setStyleSheet(f"color: {WARNING_COLOUR};")
        form.addRow(self.repeat_note)
        return box

    def _build_details(self) -> QGroupBox:
        box = QGroupBox(self.tr("People and details"))
        layout = QVBoxLayout(box)
        self.speaker_filter = QLineEdit()
        self.speaker_filter.setPlaceholderText(self.tr("Filter speakers"))
        self.speaker_filter.setClearButtonEnabled(True)
        self.speaker_filter.installEventFilter(_EnterFilter(self._tick_filtered_speaker, self))
        self.speaker_list = QListWidget()
        self.speaker_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.speaker_list.setMinimumHeight(90)
        self.speaker_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.speaker_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        speakers_label = QLabel(self.tr("S&peakers"))
        speakers_label.setBuddy(self.speaker_list)
        layout.addWidget(speakers_label)
        layout.addWidget(self.speaker_filter)
        layout.addWidget(self.speaker_list, 1)
        add_row = QHBoxLayout()
        self.new_person_edit = QLineEdit()
        self.new_person_edit.setPlaceholderText(self.tr("New speaker's name"))
        self.new_person_edit.installEventFilter(_EnterFilter(self._add_person, self))
        self.add_person_button = QPushButton(self.tr("A&dd"))
        self.add_person_button.setAutoDefault(False)
        add_row.addWidget(self.new_person_edit, 1)
        add_row.addWidget(self.add_person_button)
        layout.addLayout(add_row)

        form = QFormLayout()
        languages = QWidget()
        lang_row = QHBoxLayout(languages)
        lang_row.setContentsMargins(0, 0, 0, 0)
        self.language_boxes: dict[str, QCheckBox] = {}
        for lang in LANGS:
            check = QCheckBox(language_name(lang))
            check.setObjectName(f"language_{lang}")
            self.language_boxes[lang] = check
            lang_row.addWidget(check)
        lang_row.addStretch(1)
        form.addRow(self.tr("Held in"), languages)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://")
        form.addRow(self.tr("UR&L"), self.url_edit)
        self.attendance_spin = QSpinBox()
        self.attendance_spin.setRange(0, 1_000_000)
        self.attendance_spin.setSpecialValueText(self.tr("not given"))
        self.attendance_spin.setSingleStep(10)
        form.addRow(self.tr("Expected attendance"), self.attendance_spin)
        layout.addLayout(form)
        return box

    # -- filling --------------------------------------------------------------------------

    def _date_range(self, extra: list[date]) -> tuple[date, date]:
        first = min([self._programme.first_day, *extra])
        last = max([self._programme.last_day, *extra])
        return first, last

    def _fill(self, event: Event | None, start: datetime | None, venue: str | None) -> None:
        if event is not None:
            begin, finish = event.start, event.end
        else:
            if start is None:
                start = datetime.combine(self._programme.first_day, time(10), self._zone)
            begin = start.astimezone(self._zone)
            finish = (begin.replace(tzinfo=None) + timedelta(minutes=DEFAULT_MINUTES)).replace(
                tzinfo=self._zone
            )
        # The pickers offer the programme's days; an existing event outside them (imported)
        # still shows its real dates, and the message says what is wrong.
        first, last = self._date_range([begin.date(), finish.date()])
        self.start_date.setDateRange(_qdate(first), _qdate(last))
        self.end_date.setDateRange(_qdate(first), _qdate(last + timedelta(days=1)))
        self.until_date.setDateRange(_qdate(begin.date()), _qdate(last))
        self.until_date.setDate(_qdate(self._programme.last_day))

        self._syncing = True
        self.start_date.setDate(_qdate(begin.date()))
        self.start_time.setTime(_qtime(begin.time()))
        all_day = event.all_day if event is not None else False
        self.all_day_box.setChecked(all_day)
        if all_day:
            last_day = finish.date() - timedelta(days=1) if finish.time() == time(0) else (
                finish.date())
            last_day = max(last_day, begin.date())
            self.end_date.setDate(_qdate(last_day))
            self._span_days = (last_day - begin.date()).days + 1
            self.end_time.setTime(QTime(0, 0))
            self.duration_spin.setValue(DEFAULT_MINUTES)
        else:
            self.end_date.setDate(_qdate(finish.date()))
            self.end_time.setTime(_qtime(finish.time()))
            minutes = int((finish.replace(tzinfo=None) - begin.replace(tzinfo=None))
                          .total_seconds() // 60)
            self.duration_spin.setValue(max(1, minutes) if minutes > 0 else DEFAULT_MINUTES)
        self._syncing = False

        if event is not None:
            self.title_edit.set_texts(event.title)
            self.description_edit.set_texts(event.description)
            self._select_data(self.track_combo, event.track)
            self._select_data(self.venue_combo, event.venue)
            self._select_data(self.status_combo, event.status)
            for lang in event.languages:
                self.language_boxes[lang].setChecked(True)
            self.url_edit.setText(event.url)
            self.attendance_spin.setValue(event.attendance or 0)
        elif venue is not None:
            self._select_data(self.venue_combo, venue)
        self._fill_speakers()
        self._fill_recurrence(event)
        self._update_enabled()

    @staticmethod
    def _select_data(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:
            # A reference the programme lacks: show it so that the message makes sense.
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _fill_speakers(self) -> None:
        self.speaker_list.clear()
        people = {**self._programme.people, **self._new_people}
        chosen = set(self._speaker_order)
        for person in sorted(people.values(), key=lambda p: p.name.casefold()):
            self._add_speaker_item(person, person.id in chosen)
        for pid in self._speaker_order:
            if pid not in people:
                self._add_speaker_item(Person(pid, pid), True)

    def _add_speaker_item(self, person: Person, checked: bool) -> QListWidgetItem:
        label = person.label
        item = QListWidgetItem(label)
        item.setToolTip(plain_tooltip(label))
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.speaker_list.addItem(item)
        return item

    def _fill_recurrence(self, event: Event | None) -> None:
        self._select_data(self.repeat_combo, "none")
        if event is None or event.recurrence is None:
            return
        recurrence = event.recurrence
        self._skipped = {d.astimezone(event.zone).date() for d in recurrence.exdates}
        shown = self._read_rule(recurrence.rule, event.start.replace(tzinfo=None))
        if shown is None or not self._controls_reproduce(recurrence.rule, event.start):
            self._kept_recurrence = recurrence
            self._select_data(self.repeat_combo, "custom")
            self.repeat_note.setText(
                self.tr("The repeat rule {rule} cannot be shown by these controls; it is kept "
                        "as is unless you choose another repeat.").format(rule=recurrence.rule)
            )

    def _read_rule(self, rule: str, start_naive: datetime) -> str | None:
        """Set the repeat controls from ``rule``; the kind shown, or None if they cannot."""
        try:
            parsed = rrule.rrulestr(rule, dtstart=start_naive)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None
        if not isinstance(parsed, rrule.rrule):
            return None
        # dateutil keeps the BY* parts the rule spelled out in _original_rule and the rest
        # in private fields; should they ever move, every rule shows as "kept as is".
        spelled_parts: dict[str, object] = getattr(parsed, "_original_rule", None) or {}
        freq = getattr(parsed, "_freq", None)
        interval = getattr(parsed, "_interval", None)
        count = getattr(parsed, "_count", None)
        until = getattr(parsed, "_until", None)
        if {k for k, v in spelled_parts.items() if v} - {"byweekday"} or not isinstance(
            interval, int
        ):
            return None
        listed = spelled_parts.get("byweekday") or ()
        weekdays: tuple[rrule.weekday, ...] = tuple(listed) if isinstance(listed, tuple) else ()
        if any(getattr(day, "n", None) for day in weekdays):
            return None
        if freq == rrule.DAILY and not weekdays:
            kind = "daily"
        elif freq == rrule.WEEKLY:
            kind = "weekdays" if weekdays else "weekly"
        else:
            return None
        if count is None and not isinstance(until, datetime):
            return None
        self._syncing = True
        self._select_data(self.repeat_combo, kind)
        self.interval_spin.setValue(interval)
        for day in weekdays:
            self.weekday_boxes[WEEKDAYS[day.weekday]].setChecked(True)
        if isinstance(count, int):
            self.count_radio.setChecked(True)
            self.count_spin.setValue(count)
        elif isinstance(until, datetime):
            self.until_radio.setChecked(True)
            self.until_date.setDate(_qdate(until.date()))
        self._syncing = False
        return kind

    def _controls_reproduce(self, rule: str, start: datetime) -> bool:
        """Whether the rule the controls build repeats exactly like ``rule``."""
        try:
            built = self._rule_from_controls(start)
        except ProgrammeError:
            return False
        return built is not None and _rule_starts(built, start) == _rule_starts(rule, start)

    # -- signals --------------------------------------------------------------------------

    def _connect(self) -> None:
        self.title_edit.changed.connect(self._revalidate)
        self.description_edit.changed.connect(self._revalidate)
        for combo in (self.track_combo, self.venue_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._revalidate)
        self.start_date.dateChanged.connect(self._on_start_changed)
        self.start_time.timeChanged.connect(self._on_start_changed)
        self.end_date.dateChanged.connect(self._on_end_changed)
        self.end_time.timeChanged.connect(self._on_end_changed)
        self.duration_spin.valueChanged.connect(self._on_duration_changed)
        self.all_day_box.toggled.connect(self._on_all_day_toggled)
        self.unscheduled_box.toggled.connect(self._on_unscheduled_toggled)
        self.repeat_combo.currentIndexChanged.connect(self._on_repeat_changed)
        self.interval_spin.valueChanged.connect(self._revalidate)
        for check in self.weekday_boxes.values():
            check.toggled.connect(self._revalidate)
        self.until_radio.toggled.connect(self._on_repeat_changed)
        self.until_date.dateChanged.connect(self._revalidate)
        self.count_spin.valueChanged.connect(self._revalidate)
        self.occurrence_list.itemChanged.connect(self._on_occurrence_toggled)
        self.speaker_list.itemChanged.connect(self._on_speaker_toggled)
        self.speaker_filter.textChanged.connect(self._filter_speakers)
        self.add_person_button.clicked.connect(self._add_person)
        self.new_person_edit.textChanged.connect(self._update_enabled)
        for check in self.language_boxes.values():
            check.toggled.connect(self._revalidate)
        self.url_edit.textChanged.connect(self._revalidate)
        self.attendance_spin.valueChanged.connect(self._revalidate)

    def _start_naive(self) -> datetime:
        clock = time(0) if self.all_day_box.isChecked() else _pytime(self.start_time.time())
        return datetime.combine(_pydate(self.start_date.date()), clock)

    def _end_naive(self) -> datetime:
        if self.all_day_box.isChecked():
            return datetime.combine(_pydate(self.end_date.date()) + timedelta(days=1), time(0))
        return datetime.combine(_pydate(self.end_date.date()), _pytime(self.end_time.time()))

    def _set_end(self, end: datetime) -> None:
        self._syncing = True
        self.end_date.setDate(_qdate(end.date()))
        self.end_time.setTime(_qtime(end.time()))
        self._syncing = False

    def _on_start_changed(self) -> None:
        if self._syncing:
            return
        # A repeat cannot end before it starts; the picker moves along instead.
        self.until_date.setMinimumDate(self.start_date.date())
        if self.all_day_box.isChecked():
            self._syncing = True
            start_day = _pydate(self.start_date.date())
            self.end_date.setDate(_qdate(start_day + timedelta(days=self._span_days - 1)))
            self._syncing = False
        else:
            # Moving the start keeps the length, as in every calendar.
            self._set_end(self._start_naive() + timedelta(minutes=self.duration_spin.value()))
        self._revalidate()

    def _on_end_changed(self) -> None:
        if self._syncing:
            return
        if self.all_day_box.isChecked():
            span = (_pydate(self.end_date.date()) - _pydate(self.start_date.date())).days + 1
            if span >= 1:
                self._span_days = span
        else:
            minutes = int((self._end_naive() - self._start_naive()).total_seconds() // 60)
            if minutes >= self.duration_spin.minimum():
                self._syncing = True
                self.duration_spin.setValue(min(minutes, self.duration_spin.maximum()))
                self._syncing = False
        self._revalidate()

    def _on_duration_changed(self) -> None:
        if self._syncing:
            return
        self._set_end(self._start_naive() + timedelta(minutes=self.duration_spin.value()))
        self._revalidate()

    def _on_all_day_toggled(self, checked: bool) -> None:
        self._syncing = True
        start_day = _pydate(self.start_date.date())
        if checked:
            end_day = max(_pydate(self.end_date.date()), start_day)
            if self.end_time.time() == QTime(0, 0) and end_day > start_day:
                end_day -= timedelta(days=1)
            self._span_days = (end_day - start_day).days + 1
            self.end_date.setDate(_qdate(end_day))
        else:
            end = self._start_naive() + timedelta(minutes=self.duration_spin.value())
            self.end_date.setDate(_qdate(end.date()))
            self.end_time.setTime(_qtime(end.time()))
        self._syncing = False
        self._update_enabled()
        self._revalidate()

    def _on_unscheduled_toggled(self, checked: bool) -> None:
        # "To be chosen" is a venue only a session may have.
        index = self.venue_combo.findData("")
        if checked and index < 0:
            self.venue_combo.insertItem(0, self.tr("(to be chosen)"), "")
        elif not checked and index >= 0:
            self.venue_combo.removeItem(index)
        if checked:
            self.all_day_box.setChecked(False)
            self.repeat_combo.setCurrentIndex(max(0, self.repeat_combo.findData("none")))
        self._update_enabled()
        self._revalidate()

    def _on_repeat_changed(self) -> None:
        if self._syncing:
            return
        kind = self.repeat_combo.currentData()
        if kind != "custom":
            self.repeat_note.clear()
        elif self._kept_recurrence is None:
            # "Other rule" only means something for a rule read from the event.
            self._select_data(self.repeat_combo, "none")
            return
        if kind == "weekdays" and not any(c.isChecked() for c in self.weekday_boxes.values()):
            # Start from the event's own weekday: the likely first choice.
            weekday = _pydate(self.start_date.date()).weekday()
            self.weekday_boxes[WEEKDAYS[weekday]].setChecked(True)
        self._update_enabled()
        self._revalidate()

    def _on_occurrence_toggled(self, item: QListWidgetItem) -> None:
        day = date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._skipped.discard(day)
        else:
            self._skipped.add(day)
        self._revalidate()

    def _on_speaker_toggled(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            if pid not in self._speaker_order:
                self._speaker_order.append(pid)
        elif pid in self._speaker_order:
            self._speaker_order.remove(pid)
        self._revalidate()

    def _filter_speakers(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.speaker_list.count()):
            item = self.speaker_list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _tick_filtered_speaker(self) -> None:
        """Enter in the filter ticks the one person it leaves (and clears the filter)."""
        shown = [self.speaker_list.item(r) for r in range(self.speaker_list.count())
                 if not self.speaker_list.item(r).isHidden()]
        if len(shown) == 1 and self.speaker_filter.text().strip():
            shown[0].setCheckState(Qt.CheckState.Checked)
            self.speaker_filter.clear()

    def _add_person(self) -> None:
        name = " ".join(self.new_person_edit.text().split())
        if not name:
            return
        people = {**self._programme.people, **self._new_people}
        existing = next((p for p in people.values() if p.name.casefold() == name.casefold()),
                        None)
        if existing is None:
            existing = Person(person_id_for(name, set(people)), name)
            self._new_people[existing.id] = existing
        if existing.id not in self._speaker_order:
            self._speaker_order.append(existing.id)
        self.speaker_list.blockSignals(True)
        self._fill_speakers()
        self.speaker_list.blockSignals(False)
        self._filter_speakers(self.speaker_filter.text())
        self.new_person_edit.clear()
        self._revalidate()

    def _update_enabled(self) -> None:
        all_day = self.all_day_box.isChecked()
        unscheduled = self.unscheduled_box.isChecked()
        # Unscheduled: the length is all there is of the time (no start, no repeat).
        for widget in (self.start_date, self.end_date, self.all_day_box, self.repeat_combo):
            widget.setEnabled(not unscheduled)
        self.start_time.setEnabled(not all_day and not unscheduled)
        self.end_time.setEnabled(not all_day and not unscheduled)
        self.duration_spin.setEnabled(not all_day)
        # All-day events end on the day shown (inclusive); timed ones may run to midnight.
        last = self.start_date.maximumDate()
        self.end_date.setMaximumDate(last if all_day else last.addDays(1))
        kind = self.repeat_combo.currentData()
        rule_controls = kind in ("daily", "weekly", "weekdays")
        for widget in (self.interval_label, self.interval_spin, self.ends_label,
                       self.ends_widget):
            widget.setEnabled(rule_controls)
        self.interval_spin.setSuffix(
            self.tr(" week(s)") if kind in ("weekly", "weekdays") else self.tr(" day(s)")
        )
        self.weekdays_label.setEnabled(kind == "weekdays")
        self.weekdays_widget.setEnabled(kind == "weekdays")
        self.until_date.setEnabled(rule_controls and self.until_radio.isChecked())
        self.count_spin.setEnabled(rule_controls and self.count_radio.isChecked())
        self.occurrence_list.setEnabled(kind != "none")
        self.occurrences_label.setEnabled(kind != "none")
        self.add_person_button.setEnabled(bool(self.new_person_edit.text().strip()))

    # -- the event ------------------------------------------------------------------------

    def _rule_from_controls(self, start: datetime) -> str | None:
        kind = self.repeat_combo.currentData()
        if kind == "none":
            return None
        if kind == "custom":
            assert self._kept_recurrence is not None
            return self._kept_recurrence.rule
        weekdays: list[str] = []
        if kind == "weekdays":
            weekdays = [code for code, box in self.weekday_boxes.items() if box.isChecked()]
            if not weekdays:
                raise ValidationError(self.tr("choose at least one weekday to repeat on"))
        until = _pydate(self.until_date.date()) if self.until_radio.isChecked() else None
        count = None if self.until_radio.isChecked() else self.count_spin.value()
        return make_rule(
            "daily" if kind == "daily" else "weekly",
            start=start,
            interval=self.interval_spin.value(),
            weekdays=weekdays,
            until=until,
            count=count,
        )

    def _recurrence(self, start: datetime) -> Recurrence | None:
        rule = self._rule_from_controls(start)
        if rule is None:
            self._show_occurrences(())
            return None
        original = self._original.recurrence if self._original is not None else None
        rule_starts = _rule_starts(rule, start)
        kind = self.repeat_combo.currentData()
        if not rule_starts:
            self._show_occurrences(())
            raise ValidationError(self.tr("the repeat ends before the event starts"))
        if kind != "custom" and rule_starts[0] != start:
            # Clients disagree on whether such a DTSTART counts as an occurrence.
            raise ValidationError(
                self.tr("the start day must be one of the days the event repeats on")
            )
        if original is not None and rule != original.rule and (
            _rule_starts(original.rule, start) == rule_starts
        ):
            # The same repeats spelled as before: keep the stored text, so that an edit
            # elsewhere does not count as a change of the rule.
            rule = original.rule
        self._show_occurrences(tuple(s.date() for s in rule_starts))
        listed = set(self._listed_dates)
        exdates = tuple(sorted(
            datetime.combine(day, start.time(), self._zone)
            for day in self._skipped if day in listed
        ))
        if original is not None and set(original.exdates) == set(exdates):
            exdates = original.exdates
        if len(exdates) >= len(rule_starts):
            raise ValidationError(self.tr("every occurrence is skipped"))
        return Recurrence(rule, exdates)

    def _show_occurrences(self, days: tuple[date, ...]) -> None:
        if days == self._listed_dates:
            return
        self._listed_dates = days
        self.occurrence_list.blockSignals(True)
        self.occurrence_list.clear()
        locale = self.locale()
        for day in days:
            item = QListWidgetItem(locale.toString(_qdate(day), "ddd dd.MM.yyyy"))
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Unchecked if day in self._skipped else Qt.CheckState.Checked
            )
            self.occurrence_list.addItem(item)
        self.occurrence_list.blockSignals(False)

    def _build_event(self) -> Event:
        zone = self._zone
        start = self._start_naive().replace(tzinfo=zone)
        end = self._end_naive().replace(tzinfo=zone)
        title = self.title_edit.texts()
        uid = self._build_uid()
        attendance = self.attendance_spin.value() or None
        languages = tuple(lang for lang in LANGS if self.language_boxes[lang].isChecked())
        if self._original is not None and set(self._original.languages) == set(languages):
            languages = self._original.languages
        fields: dict[str, object] = {
            "title": title,
            "description": self.description_edit.texts(),
            "start": start,
            "end": end,
            "track": self.track_combo.currentData() or "",
            "venue": self.venue_combo.currentData() or "",
            "speakers": tuple(self._speaker_order),
            "languages": languages,
            "status": self.status_combo.currentData(),
            "all_day": self.all_day_box.isChecked(),
            "recurrence": self._recurrence(start) if end > start else None,
            "url": self.url_edit.text().strip(),
            "attendance": attendance,
        }
        if self._original is not None:
            return dataclasses.replace(self._original, **fields)  # type: ignore[arg-type]
        return Event(uid=uid, **fields)  # type: ignore[arg-type]

    def _build_uid(self) -> str:
        if self._original is not None:
            return self._original.uid
        # English first: UIDs are ASCII slugs, and a Cyrillic title would leave only "event".
        return new_uid(self._programme, self.title_edit.texts().get("en") or "event")

    def _check_days(self, event: Event) -> None:
        first, last = self._programme.window
        days = (self._programme.first_day.strftime("%d.%m.%Y"),
                self._programme.last_day.strftime("%d.%m.%Y"))
        if event.start < first or event.end > last:
            raise TimeRangeError(
                self.tr("the event must lie within the programme's days ({first} to {last})")
                .format(first=days[0], last=days[1])
            )
        # Occurrences past the last day would not count (a series is bounded by the
        # programme's days): a repeat made here stays inside them.
        outside = [day for day in self._listed_dates if day > self._programme.last_day]
        if event.recurrence is not None and outside:
            raise TimeRangeError(
                self.tr("the repeat goes on past the programme's days ({first} to {last}), "
                        "to {day}").format(first=days[0], last=days[1],
                                           day=outside[-1].strftime("%d.%m.%Y"))
            )

    def _revalidate(self) -> None:
        if self._syncing:
            return
        people = {**self._programme.people, **self._new_people}
        checking = dataclasses.replace(self._programme, people=people)
        try:
            event = self._build_event()
            if self.unscheduled_box.isChecked():
                # A session needs no time or venue, and no days to lie in.
                session = dataclasses.replace(
                    as_session(event), venue=self.venue_combo.currentData() or "")
                validate_session(checking, session)
            else:
                validate_event(checking, event)
                self._check_days(event)
        except ProgrammeError as exc:
            self._mark_times(self._times_wrong())
            self._result = None
            self._error = _without_uid_prefix(exc.render(self._lang), self._build_uid())
            self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.message_label.setText(self._error)
        else:
            self._mark_times(False)
            self._result = event
            self._error = ""
            self.message_label.setStyleSheet(f"color: {WARNING_COLOUR};")
            self.message_label.setText(self._hints(event))
        self.ok_button.setEnabled(self._result is not None)
        self._update_enabled()

    def _times_wrong(self) -> bool:
        start = self._start_naive().replace(tzinfo=self._zone)
        end = self._end_naive().replace(tzinfo=self._zone)
        first, last = self._programme.window
        return end <= start or start < first or end > last

    def _mark_times(self, wrong: bool) -> None:
        """Tint the end fields while the times are what is wrong, so the eye finds them."""
        for widget in (self.end_date, self.end_time, self.duration_spin):
            widget.setStyleSheet(
                f"QAbstractSpinBox {{ {ERROR_STYLE} }}" if wrong else ""
            )

    def _hints(self, event: Event) -> str:
        """Gentle notes on a valid event: a room too small, translations still to do."""
        notes = []
        venue = self._programme.venues.get(event.venue)
        if venue is not None and venue.capacity is not None and event.attendance is not None \
                and event.attendance > venue.capacity:
            notes.append(self.tr("{count} expected, but the venue holds {capacity}").format(
                count=event.attendance, capacity=venue.capacity))
        missing = [language_name(lang) for lang in event.title.missing()]
        if missing:
            notes.append(
                self.tr("Title still missing in: {langs}").format(langs=", ".join(missing))
            )
        return "; ".join(notes)


def _without_uid_prefix(text: str, uid: str) -> str:
    """A domain message without its leading "event 'UID': ": the editor shows one event,
    and a new event's UID is only a draft."""
    marker = f"'{uid}': "
    index = text.find(marker)
    if 0 <= index <= 12:
        text = text[index + len(marker):]
    return text[:1].upper() + text[1:]


def _rule_starts(rule: str, start: datetime) -> list[datetime]:
    """The first starts ``rule`` itself gives from ``start`` (wall clock; without the start
    when the rule does not give it), or [] if it cannot be read."""
    try:
        found, _ = rule_starts(rule, start.replace(tzinfo=None), _FAR,
                               limit=MAX_LISTED_OCCURRENCES)
    except ProgrammeError:
        return []
    return [value.replace(tzinfo=start.tzinfo) for value in found]


_FAR = datetime(9999, 1, 1)
