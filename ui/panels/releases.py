"""Releases, what changed since one, and publishing, put into the main window.

:func:`install` adds File > Release… and File > Publish…, and a Releases dock: the list of
releases on top, under it what changed since the chosen release ("Changes since release
Version 2", the latest unless another is chosen), as the ``changes`` command lists it. The
list follows every edit; it is worked out on a worker from a read-only connection of its own
to the programme file and a copy of the programme, so neither the window nor the file wait.

A release is made in two steps: the programme is frozen (every event serialised and hashed,
the slow part) on a worker, then recorded in the file here, on the GUI thread, which owns
the file's connection. A publish runs wholly on a worker with a progress dialog.

Only a programme kept in a file has releases: for the built-in programme or a new one the
actions are disabled and the dock says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.model import Lang, Programme, ProgrammeError
from planner.releases import Comparison, Release, compare, list_releases
from planner.store import ProgrammeStore
from ui.i18n import numerus
from ui.tooltips import plain_tooltip

if TYPE_CHECKING:
    from ui.document import Document
    from ui.shell import Shell
    from ui.tasks import Task

UID_ROLE = Qt.ItemDataRole.UserRole
# An edit is followed by the new list once the user pauses: a drag's many steps make one.
REFRESH_DELAY_MS = 400
Index = QModelIndex | QPersistentModelIndex


class ReleasesModel(QAbstractTableModel):
    """The releases, newest first: name; time and number of events (two lines); note.

    Each cell says what it is ("60 events"): the list needs no header, whose words
    ("Veröffentlichung", "Veranstaltungen") would not fit a narrow dock."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.releases: list[Release] = []
        self.zone: Any = None

    def set_releases(self, releases: list[Release], programme: Programme) -> None:
        self.beginResetModel()
        self.releases = list(reversed(releases))
        self.zone = programme.zone
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.releases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Release"), self.tr("Released"), self.tr("Note"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        release = self.releases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return release.name
            if column == 1:
                from ui.i18n import medium_date

                local = release.created.astimezone(self.zone)
                count = numerus(self.tr("%n event(s)", "", release.event_count),
                                release.event_count)
                return f"{medium_date(local.date())} {local:%H:%M}\n{count}"
            return release.note
        if role == Qt.ItemDataRole.ToolTipRole and release.note:
            return plain_tooltip(release.note)  # typed by a user: never markup
        if role == UID_ROLE:
            return release.name
        return None


class ChangesModel(QAbstractTableModel):
    """What changed, in time order: what kind of change, and the sentence (which says when
    and where)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes: list[Change] = []
        self.lang: Lang = "en"
        self.zone: Any = None

    def set_changes(self, changes: list[Change], lang: Lang, programme: Programme) -> None:
        self.beginResetModel()
        self.changes = list(changes)
        self.lang = lang
        self.zone = programme.zone
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Change"), self.tr("What changed"))[section]
        return None

    def kind_label(self, kind: str) -> str:
        labels = {
            "added": self.tr("New"), "removed": self.tr("Removed"),
            "cancelled": self.tr("Cancelled"), "restored": self.tr("Back on"),
            "rescheduled": self.tr("New time"), "moved": self.tr("New place"),
            "renamed": self.tr("New title"), "speakers": self.tr("Speakers"),
        }  # fmt: skip
        return labels.get(kind, kind)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self.changes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.kind_label(change.kind)
            return change.message(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return plain_tooltip(change.message(self.lang))  # it quotes titles from files
        if role == UID_ROLE:
            return change.uid
        return None


class ReleasesPanel(QWidget):
    """The dock's content: the releases, and what changed since the chosen one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter)
        self.releases_model = ReleasesModel(self)
        self.releases_view = QTableView()
        self.releases_view.setObjectName("releases_view")
        self.releases_view.setModel(self.releases_model)
        self._table(self.releases_view)
        # The dock is narrow: name, time and size whole, the note in what room is left (and
        # in the tooltip), never a sideways scroll that hides the rows behind a scroll bar.
        # No header: its words would be wider than the cells.
        header = self.releases_view.horizontalHeader()
        header.hide()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(0)
        self.releases_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.releases_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.releases_view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Three releases of two lines each.
        line = self.releases_view.fontMetrics().lineSpacing()
        self.releases_view.setMinimumHeight(3 * (2 * line + 8) + 4)
        splitter.addWidget(self.releases_view)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("changes_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        lower_layout.addWidget(self.heading)
        self.changes_model = ChangesModel(self)
        self.changes_view = QTableView()
        self.changes_view.setObjectName("changes_view")
        self.changes_view.setModel(self.changes_model)
        self._table(self.changes_view)
        # The sentences wrap in the narrow dock: each row as high as its sentence.
        self.changes_view.setWordWrap(True)
        self.changes_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        lower_layout.addWidget(self.changes_view, 1)
        self.hint = QLabel()
        self.hint.setObjectName("releases_hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        lower_layout.addWidget(self.hint)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setCollapsible(0, False)
        splitter.setSizes([self.releases_view.minimumHeight(), 480])

    @staticmethod
    def _table(view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)


class Releases(QObject):
    """File > Release…, File > Publish… and the Releases dock; see :func:`install`."""

    def __init__(self, window: Shell) -> None:
        super().__init__(window.window())
        self._window = window
        self.panel = ReleasesPanel()
        self.panel.setObjectName("releases_panel")
        self.dock = window.add_dock(self.panel, self.tr("Releases"), "releases_dock")
        if self.dock not in window.tabifiedDockWidgets(window.clash_dock):
            window.tabifyDockWidget(window.clash_dock, self.dock)
        self.since: str | None = None  # None: the latest release
        self.comparison: Comparison | None = None
        self.task: Task | None = None
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._document: Document | None = None
        self._path: Path | None = None  # the file the list is of
        self._release_dialog: Any = None
        self._build_actions()
        self.panel.releases_view.clicked.connect(self._release_clicked)
        self.panel.changes_view.doubleClicked.connect(self._change_activated)
        window.document_replaced.connect(self._follow)
        self._follow(window.document)

    # -- actions

    def _build_actions(self) -> None:
        window = self._window
        parent = window.window()
        self.release_action = QAction(self.tr("Re&lease…"), parent)
        self.release_action.setObjectName("release_action")
        self.release_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.release_action.setStatusTip(self.tr("Record the programme as it stands as a "
                                                 "named release"))
        self.release_action.triggered.connect(lambda _c=False: self.open_release_dialog())
        self.publish_action = QAction(self.tr("P&ublish…"), parent)
        self.publish_action.setObjectName("publish_action")
        self.publish_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.publish_action.setStatusTip(self.tr("Write the feeds, schedule files and change "
                                                 "list into a folder"))
        self.publish_action.triggered.connect(lambda _c=False: self.open_publish_dialog())
        window.addActions([self.release_action, self.publish_action])
        menu = window.file_menu
        actions = menu.actions()
        after = actions.index(window.export_action)
        before = actions[after + 1] if after + 1 < len(actions) else None
        menu.insertSeparator(before)
        menu.insertActions(before, [self.release_action, self.publish_action])

    # -- following the document

    def _follow(self, document: Document) -> None:
        if self._document is not None:
            try:
                self._document.changed.disconnect(self._changed)
                self._document.saved.disconnect(self._saved)
            except (RuntimeError, TypeError):  # gone with its document
                pass
        self._document = document
        self._path = document.path
        document.changed.connect(self._changed)
        # Save As puts the programme in another file (with releases, or the first file of
        # a programme that had none): the list follows the file.
        document.saved.connect(self._saved)
        self.since = None
        self.refresh()

    def _changed(self, _changes: object) -> None:
        self._timer.start()

    def _saved(self) -> None:
        store = self.store
        path = None if store is None else store.path
        if path != self._path:
            self._path = path
            self.since = None
            self.refresh()

    @property
    def store(self) -> ProgrammeStore | None:
        return self._window.document.store

    def releases(self) -> list[Release]:
        store = self.store
        return [] if store is None else list_releases(store)

    def refresh(self) -> None:
        """List the releases and work out, on a worker, what changed since the chosen one."""
        window, panel = self._window, self.panel
        store = self.store
        # A read-only file (opened elsewhere for editing) can be published, not released.
        self.release_action.setEnabled(store is not None and not store.readonly)
        self.publish_action.setEnabled(store is not None)
        programme = window.document.programme
        if store is None:
            panel.releases_model.set_releases([], programme)
            panel.changes_model.set_changes([], window.lang, programme)
            panel.heading.setText(self.tr("No releases"))
            panel.hint.setText(self.tr("Save the programme to a file to record releases and "
                                       "publish it."))
            self.comparison = None
            return
        releases = list_releases(store)
        panel.releases_model.set_releases(releases, programme)
        names = [r.name for r in releases]
        if self.since not in names:
            self.since = None
        if not releases:
            panel.changes_model.set_changes([], window.lang, programme)
            panel.heading.setText(self.tr("No release yet"))
            panel.hint.setText(self.tr("File › Release… records the first: the feeds and "
                                       "schedule files are published from it, and what "
                                       "changes afterwards is listed here."))
            self.comparison = None
            return
        since = self.since or releases[-1].name
        self._select_release(since)
        if self.task is not None and not self.task.done:
            # One comparison at a time: the newest state is compared when this one ends.
            self._stale = True
            return
        from ui.tasks import Task, background_pool

        path = store.path
        current = programme.copy()
        chosen = self.since

        def work(progress: Any) -> Comparison:
            with ProgrammeStore.open(path, readonly=True) as reader:
                return compare(reader, chosen, current=current)

        panel.heading.setText(self.tr("Changes since release “{name}” (working them out…)")
                              .format(name=since))
        self._stale = False
        self.task = Task(work, self)
        self.task.finished.connect(self._compared)
        self.task.failed.connect(self._compare_failed)
        self.task.start(background_pool())

    def _compared(self, comparison: object) -> None:
        assert isinstance(comparison, Comparison)
        window, panel = self._window, self.panel
        self.comparison = comparison
        panel.changes_model.set_changes(comparison.changes, window.lang,
                                        window.document.programme)
        name = comparison.since.name if comparison.since else ""
        panel.heading.setText(self.tr("Changes since release “{name}”").format(name=name))
        count = len(comparison.changes)
        if count:
            panel.hint.setText(numerus(self.tr("%n change(s) to tell; double-click one to see "
                                               "the event", "", count), count))
        else:
            panel.hint.setText(self.tr("Nothing has changed that anyone following the "
                                       "programme would notice."))
        if self._release_dialog is not None:
            self._release_dialog.summary_label.setText(self.summary())
        if self._stale:
            self.refresh()

    def _compare_failed(self, error: object) -> None:
        self.panel.heading.setText(self.tr("Changes could not be worked out"))
        lang = self._window.lang
        text = error.render(lang) if isinstance(error, ProgrammeError) else str(error)
        self.panel.hint.setText(text)

    def _select_release(self, name: str) -> None:
        model = self.panel.releases_model
        for row, release in enumerate(model.releases):
            if release.name == name:
                self.panel.releases_view.selectRow(row)
                return

    def _release_clicked(self, index: QModelIndex) -> None:
        name = index.siblingAtColumn(0).data(UID_ROLE)
        latest = self.panel.releases_model.releases[0].name
        self.set_since(None if name == latest else str(name))

    def set_since(self, name: str | None) -> None:
        """List the changes since the release ``name`` (``None``: the latest)."""
        self.since = name
        self.refresh()

    def _change_activated(self, index: QModelIndex) -> None:
        uid = index.data(UID_ROLE)
        window = self._window
        programme = window.document.programme
        event = programme.events.get(str(uid))
        if event is None:
            window.statusBar().showMessage(self.tr("That event is no longer in the "
                                                   "programme"), 5000)
            return
        change = self.panel.changes_model.changes[index.row()]
        when = change.start.astimezone(programme.zone).date()
        if programme.first_day <= when <= programme.last_day:
            window.go_to_date(when)
        window.grid.select_uids([event.uid])

    # -- releasing

    def summary(self) -> str:
        """How much changed since the latest release, for the release dialog."""
        releases = self.releases()
        if not releases:
            return self.tr("This is the programme's first release.")
        latest = releases[-1].name
        if self.since is not None:
            return self.tr("The latest release is “{name}”.").format(name=latest)
        comparison = self.comparison
        if comparison is None or comparison.since is None or comparison.since.name != latest \
                or self.task is not None and not self.task.done:
            return self.tr("Working out what changed since release “{name}”…").format(
                name=latest)
        count = len(comparison.changes)
        if not count:
            return self.tr("Nothing anyone would notice has changed since release "
                           "“{name}”.").format(name=latest)
        return numerus(self.tr("%n change(s) since release “{name}”.", "", count),
                       count).format(name=latest)

    def open_release_dialog(self) -> Any:
        """File > Release…: the dialog (not modal); the release is made when it is
        accepted. Returns the dialog, or None when the programme has no file."""
        from planner.releases import suggest_name
        from ui.dialogs.release import ReleaseDialog

        window = self._window
        if self.store is None:
            return None
        releases = self.releases()
        dialog = ReleaseDialog([r.name for r in releases], suggest_name(releases),
                               self.summary(), window.lang, window.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The summary follows the comparison when it is still being worked out.
        self._release_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "_release_dialog", None))
        dialog.accepted.connect(lambda: self.release(dialog.name(), dialog.note()))
        dialog.open()
        return dialog

    def release(self, name: str, note: str = "") -> Task | None:
        """Freeze the programme on a worker, then record it as release ``name``."""
        from planner.releases import Frozen, freeze, record_release
        from ui.tasks import run_with_progress

        window = self._window
        store = self.store
        if store is None:
            return None
        copy = window.document.programme.copy()

        def work(progress: Any) -> Frozen:
            progress(0, 0)
            return freeze(copy)

        def frozen(result: object) -> None:
            assert isinstance(result, Frozen)
            try:
                made = record_release(store, result, name, note)
            except ProgrammeError as exc:
                window.show_error(exc.render(window.lang))
                return
            window.statusBar().showMessage(
                self.tr("Released “{name}” ({count} events)").format(
                    name=made.name, count=made.event_count), 8000)
            self.since = None
            self.refresh()

        task = run_with_progress(window.window(), self.tr("Preparing the release…"), work)
        task.finished.connect(frozen)
        task.failed.connect(lambda error: window.show_error(str(error)))
        return task

    # -- publishing

    def open_publish_dialog(self) -> Any:
        """File > Publish…: the dialog (not modal); the publish runs when it is accepted."""
        from ui.dialogs.publish import PublishDialog

        window = self._window
        if self.store is None:
            return None
        releases = self.releases()
        settings = window.settings
        programme = self.store.path
        folder, base_url = settings.publish_place(programme)
        if not folder:
            # Beside the programme, named after it, spelt out whole (the window may have been
            # opened on a relative path).
            folder = str(programme.resolve().with_name(f"{programme.stem}-published"))
        dialog = PublishDialog(folder, base_url, window.lang,
                               releases[-1].name if releases else None, window.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            chosen = dialog.folder().absolute()
            settings.set_publish_place(programme, str(chosen), dialog.base_url())
            self.publish(chosen, dialog.options())

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def publish(self, folder: Path, options: Any) -> Task | None:
        """Publish into ``folder`` on a worker with a progress dialog (Cancel stops it
        before the new folder takes the old one's place)."""
        from planner.publish import PublishResult, publish
        from ui.tasks import run_with_progress

        window = self._window
        store = self.store
        if store is None:
            return None
        path = store.path

        def work(progress: Any) -> PublishResult:
            progress(0, 0)
            with ProgrammeStore.open(path, readonly=True) as reader:
                return publish(reader, folder, options, progress)

        def done(result: object) -> None:
            assert isinstance(result, PublishResult)
            what = (self.tr("release “{name}”").format(name=result.release)
                    if result.release else self.tr("the draft"))
            window.statusBar().showMessage(
                self.tr("Published {what} to {folder}: {files} files").format(
                    what=what, folder=result.folder, files=result.files), 10000)

        def failed(error: object) -> None:
            lang = window.lang
            window.show_error(error.render(lang) if isinstance(error, ProgrammeError)
                              else str(error))

        task = run_with_progress(window.window(), self.tr("Publishing…"), work)
        task.finished.connect(done)
        task.failed.connect(failed)
        return task


def install(window: Shell) -> Releases:
    """Put File > Release…, File > Publish… and the Releases dock into ``window``."""
    return Releases(window)
