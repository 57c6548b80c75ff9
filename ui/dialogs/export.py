"""The export dialog: write the programme, the current filter, one file per track or the
starred events ("My programme") as ICS, in a chosen language and with an optional reminder.

The dialog shows how many events it will write and only lets the user go ahead when there
is something to write and somewhere to write it. On OK it writes the files on a worker
thread (planner.ics builds the bytes) and closes when they are on disk; the request it
carried out stays readable through :meth:`ExportDialog.request`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QLocale, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.model import LANGS, Lang, Programme
from ui.i18n import current_language, error_text, numerus
from ui.tasks import Task, run_with_progress
from ui.tooltips import plain_tooltip

Scope = Literal["all", "filter", "per_track", "starred"]
SCOPES: tuple[Scope, ...] = ("all", "filter", "per_track", "starred")
# A reminder longer than a week before is not a reminder any more.
MAX_ALARM_MINUTES = 7 * 24 * 60


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked to export.

    ``uids`` lists the events for the "filter" and "starred" scopes (empty otherwise: the
    whole programme); ``track_ids`` lists the tracks that get a file for "per_track".
    ``path`` is a file, or a folder for "per_track". ``alarm_minutes`` is ``None`` for no
    reminder.
    """

    scope: Scope
    uids: tuple[str, ...]
    track_ids: tuple[str, ...]
    lang: Lang
    alarm_minutes: int | None
    path: str
    protected: tuple[str, ...] = ()  # files never to write over (the programme's own)


def event_count(programme: Programme, request: ExportRequest) -> int:
    """How many events ``request`` writes."""
    if request.scope in ("filter", "starred"):
        return len(request.uids)
    if request.scope == "per_track":
        wanted = set(request.track_ids)
        return sum(1 for e in programme.events.values() if e.track in wanted)
    return len(programme.events)


def write_export(programme: Programme, request: ExportRequest,
                 progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write the ICS file(s) ``request`` asks for; returns the paths written.

    Runs without Qt, so a worker thread (or a test) can call it. ``progress(done, total)``
    is called before the calendars are built and once more before anything is written:
    raising from it (a cancel) leaves every file as it was.
    """
    report = progress or (lambda done, total: None)
    report(0, 0)
    from planner.atomic import portable_names, write_file
    from planner.ics import ExportOptions, export_by_track, export_ics

    target = Path(request.path)
    if request.scope in ("filter", "starred"):
        if not request.uids:
            # planner.ics reads no UIDs as "all events": never let an empty pick widen.
            raise ValueError("no events to export")
        options = ExportOptions(uids=request.uids, lang=request.lang,
                                alarm_minutes=request.alarm_minutes)
    elif request.scope == "per_track":
        options = ExportOptions(tracks=request.track_ids, lang=request.lang,
                                alarm_minutes=request.alarm_minutes)
    else:
        options = ExportOptions(lang=request.lang, alarm_minutes=request.alarm_minutes)
    if request.scope != "per_track":
        files = {target: export_ics(programme, options)}
    else:
        calendars = export_by_track(programme, options)
        names = portable_names(calendars)  # "a:b" and "Business"/"business" on any disk
        files = {target / f"{names[track_id]}.ics": data
                 for track_id, data in sorted(calendars.items())}
    report(1, 1)  # the last moment to cancel: nothing is written yet
    if request.scope == "per_track":
        target.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        # Whole or not at all: a half-written calendar that a client subscribes to is worse
        # than the old one. Never over the programme itself.
        write_file(path, data, request.protected)
    return list(files)


class ExportDialog(QDialog):
    """Choose what to export as ICS, and write it on OK."""

    #: The files written, after a successful export.
    exported = Signal(object)

    def __init__(
        self,
        programme: Programme,
        *,
        current_filter_uids: set[str] | None,
        starred: frozenset[str],
        parent: QWidget | None = None,
        protected: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export calendar"))
        self._programme = programme
        self._protected = protected
        # Stars and filters may name events deleted since; only existing ones are written.
        self._filter_uids = (
            None
            if current_filter_uids is None
            else tuple(sorted(set(current_filter_uids) & programme.events.keys()))
        )
        self._starred = tuple(sorted(set(starred) & programme.events.keys()))
        self._job: Task | None = None
        self.written: list[Path] = []
        self._build()
        self._restore()
        self._update()

    # -- construction

    def _build(self) -> None:
        scope_box = QGroupBox(self.tr("Events"))
        scope_layout = QVBoxLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        labels = {
            "all": self.tr("Whole programme"),
            "filter": self.tr("Events shown by the current filter"),
            "per_track": self.tr("Whole programme, one file per track (into a folder)"),
            "starred": self.tr("Starred events (My programme)"),
        }
        self.scope_buttons: dict[Scope, QRadioButton] = {}
        for index, scope in enumerate(SCOPES):
            button = QRadioButton(labels[scope])
            self.scope_group.addButton(button, index)
            scope_layout.addWidget(button)
            self.scope_buttons[scope] = button
        self.scope_buttons["filter"].setEnabled(self._filter_uids is not None)
        self.scope_buttons["all"].setChecked(True)
        self.scope_group.idToggled.connect(self._scope_toggled)

        self.lang_combo = QComboBox()
        names = {"de": self.tr("German"), "en": self.tr("English"), "ru": self.tr("Russian")}
        for lang in LANGS:
            self.lang_combo.addItem(names[lang], lang)
        self.alarm_spin = QSpinBox()
        self.alarm_spin.setRange(0, MAX_ALARM_MINUTES)
        self.alarm_spin.setSingleStep(5)
        self.alarm_spin.setSpecialValueText(self.tr("No reminder"))
        self.alarm_spin.setSuffix(self.tr(" minutes before"))

        self.path_edit = QLineEdit()
        self.path_edit.textChanged.connect(lambda _text: self._update())
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.path_label = QLabel()
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.lang_combo)
        form.addRow(self.tr("Reminder:"), self.alarm_spin)
        form.addRow(self.path_label, path_row)

        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # -- state

    def scope(self) -> Scope:
        return SCOPES[max(self.scope_group.checkedId(), 0)]

    def set_scope(self, scope: Scope) -> None:
        self.scope_buttons[scope].setChecked(True)

    def request(self) -> ExportRequest:
        """The export the dialog describes (after Accepted: the one it carried out)."""
        scope = self.scope()
        uids: tuple[str, ...] = ()
        tracks: tuple[str, ...] = ()
        if scope == "filter":
            uids = self._filter_uids or ()
        elif scope == "starred":
            uids = self._starred
        elif scope == "per_track":
            used = {e.track for e in self._programme.events.values()}
            tracks = tuple(t for t in self._programme.tracks if t in used)
        lang = self.lang_combo.currentData()
        alarm = self.alarm_spin.value()
        return ExportRequest(
            scope=scope,
            uids=uids,
            track_ids=tracks,
            lang=lang if lang in LANGS else "en",
            alarm_minutes=alarm or None,
            path=self.path_edit.text().strip(),
            protected=self._protected,
        )

    def _scope_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._update()

    def _update(self) -> None:
        request = self.request()
        count = event_count(self._programme, request)
        if request.scope == "per_track":
            self.path_label.setText(self.tr("Folder:"))
            files = len(request.track_ids)
            self.count_label.setText(
                numerus(self.tr("%n event(s) will be written", "", count), count)
                + numerus(self.tr(" to %n file(s)", "", files), files)
            )
        else:
            self.path_label.setText(self.tr("File:"))
            self.count_label.setText(
                numerus(self.tr("%n event(s) will be written", "", count), count))
        left_out = len(self._programme.unscheduled)
        if left_out:
            # A calendar event needs a time: say what stays behind.
            self.count_label.setText(self.count_label.text() + "\n" + numerus(self.tr(
                "%n unscheduled event(s) have no time yet and are left out", "", left_out),
                left_out))
        self.ok_button.setEnabled(count > 0 and self._path_problem(request) is None
                                  and self._job is None)
        problem = self._path_problem(request) if request.path else None
        self.path_edit.setToolTip(plain_tooltip(problem) if problem else "")

    def _path_problem(self, request: ExportRequest) -> str | None:
        if not request.path:
            return self.tr("Choose where to write")
        path = Path(request.path)
        if request.scope == "per_track":
            if path.exists() and not path.is_dir():
                return self.tr("This is a file; one file per track needs a folder")
        elif path.is_dir():
            return self.tr("This is a folder; choose a file name")
        return None

    def _browse(self) -> None:
        if self.scope() == "per_track":
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the track calendars"), self.path_edit.text())
            if folder:
                self.path_edit.setText(folder)
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export calendar"), self.path_edit.text(),
            self.tr("iCalendar files (*.ics)"))
        if path:
            if not Path(path).suffix:
                path += ".ics"
            self.path_edit.setText(path)

    # -- settings: the language and reminder are what a user keeps choosing

    def _restore(self) -> None:
        settings = QSettings()
        # First time: the language of the user's locale, if the programme has it.
        locale_lang = QLocale().name()[:2].lower()
        default = locale_lang if locale_lang in LANGS else "en"
        lang = settings.value("export/lang", default)
        index = self.lang_combo.findData(lang)
        if index >= 0:
            self.lang_combo.setCurrentIndex(index)
        try:
            alarm = int(str(settings.value("export/alarm_minutes", 0)))
        except ValueError:
            alarm = 0
        self.alarm_spin.setValue(alarm)

    def _remember(self, request: ExportRequest) -> None:
        settings = QSettings()
        settings.setValue("export/lang", request.lang)
        settings.setValue("export/alarm_minutes", request.alarm_minutes or 0)

    # -- doing it

    def accept(self) -> None:
        request = self.request()
        if self._job is not None or event_count(self._programme, request) == 0:
            return
        if self._path_problem(request) is not None:
            return
        self._remember(request)
        self.error_label.hide()
        self.count_label.setText(self.tr("Writing…"))
        # A copy: the worker reads collections the window could change meanwhile.
        programme = self._programme.copy()
        job = run_with_progress(
            self, self.tr("Writing the calendar…"),
            lambda progress: write_export(programme, request, progress))
        job.finished.connect(self._done)
        job.failed.connect(lambda exc: self._failed(_failure(request.path, exc)))
        job.cancelled.connect(self._cancelled)
        self._job = job
        self._set_busy(True)

    def _cancelled(self) -> None:
        self._job = None
        self._set_busy(False)
        self._update()

    def _set_busy(self, busy: bool) -> None:
        for widget in (*self.scope_buttons.values(), self.lang_combo, self.alarm_spin,
                       self.path_edit, self.browse_button, self.ok_button,
                       self.buttons.button(QDialogButtonBox.StandardButton.Cancel)):
            widget.setEnabled(not busy)
        if not busy:
            self.scope_buttons["filter"].setEnabled(self._filter_uids is not None)

    def _done(self, written: list[Path]) -> None:
        self._job = None
        self.written = list(written)
        self._set_busy(False)
        self._update()
        self.exported.emit(self.written)
        super().accept()

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self._update()
        self.error_label.setText(self.tr("Could not export: %1").replace("%1", message))
        self.error_label.show()


def _failure(path: object, error: object) -> str:
    """Why the export failed, in the window's language, naming the file."""
    text = error_text(error, current_language() or "en")
    return text if isinstance(error, OSError) and error.filename else f"{path}: {text}"
