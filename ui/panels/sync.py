"""CalDAV sync in the window: File › Sync Now, Sync Settings… and Sync Conflicts…, the
sync's state in the status bar ("Synced 2 min ago", "Not synced since 10:42"), a sync on
a timer once a server is set, and the conflicts dialog.

The sync runs on a worker (:class:`ui.tasks.Task`), so the window never waits for the
network. Each step it makes comes back to the GUI thread and is made on the open document
(:class:`DocumentSide`): the views refresh from the document's change signal, and an edit
made in the window meanwhile is never overwritten (the step expects the events as the sync
read them, and is refused otherwise; the next sync sees both sides).

The server's address and user are kept in the programme file; the password in the system
keyring (the ``keyring`` library), or for this session only where there is none; the
window asks for it when it has none. How often to sync is a preference (QSettings).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QToolButton

from planner.i18n import render
from planner.model import ProgrammeError
from planner.sync import Account, SyncError, account_for
from planner.sync.errors import RefusedError
from planner.sync.local import HeldSide, StaleStep, Step, apply_step
from planner.sync.state import LAST_SYNC, SyncState, load_state, server_changes
from ui.i18n import numerus

if TYPE_CHECKING:
    from planner.sync.engine import SyncReport
    from ui.document import Document
    from ui.shell import Shell
    from ui.tasks import Progress, Task

KEYRING_SERVICE = "Programme Planner (CalDAV)"
DEFAULT_INTERVAL_MINUTES = 5


# ---------------------------------------------------------------------------------------------
# The password


def _keyring_user(account: Account) -> str:
    return f"{account.user}@{account.url}"


def stored_password(account: Account) -> str | None:
    """The password the system keyring holds for ``account``, or ``None`` (also when there
    is no keyring on this system)."""
    try:
        import keyring

        value: str | None = keyring.get_password(KEYRING_SERVICE, _keyring_user(account))
    except Exception:  # no keyring service, a locked one, a broken backend: none stored
        return None
    return value


def keyring_available() -> bool:
    """Whether this system has a keyring to keep a password in (keyring's "fail" backend,
    chosen where none is found, keeps nothing)."""
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # a broken backend keeps nothing either
        return False


def store_password(account: Account, password: str) -> bool:
    """Keep ``password`` in the system keyring; ``False`` when there is none to keep it."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _keyring_user(account), password)
    except Exception:  # no keyring service: the window keeps it for this session
        return False
    return True


# ---------------------------------------------------------------------------------------------
# The programme's side of a sync run on a worker


class DocumentSide(QObject, HeldSide):
    """The open document as the local side of a sync (:class:`planner.sync.local.LocalSide`)
    whose engine runs on a worker: it reads copies made on the GUI thread, and each commit
    is made on the GUI thread by :meth:`ui.document.Document.apply_sync` while the worker
    waits for it."""

    _commit_requested = Signal(object)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert document.store is not None
        self._document = document
        self._programme = document.programme.copy()
        self._state = load_state(document.store.connection)
        self._commit_requested.connect(self._commit_here, Qt.ConnectionType.QueuedConnection)

    def commit(self, step: Step) -> None:
        """Called on the worker: the GUI thread makes ``step`` while this waits."""
        done = threading.Event()
        box: dict[str, Any] = {"done": done}
        self._commit_requested.emit((step, box))
        done.wait()
        if "error" in box:
            raise box["error"]
        if step.touches_programme():
            changed = self._programme.copy()
            apply_step(changed, step)
            self._programme = changed
        step.status.apply_to(self._state)

    def _commit_here(self, payload: tuple[Step, dict[str, Any]]) -> None:
        step, box = payload
        try:
            if self._document.store is None:
                raise SyncError(QCoreApplication.translate(
                    "SyncPanel", "the programme was closed during the sync"))
            self._document.apply_sync(step)
        except (ProgrammeError, StaleStep) as exc:
            box["error"] = exc
        except Exception as exc:  # handed to the worker, which reports it
            box["error"] = exc
        finally:
            box["done"].set()


def _run_sync(side: DocumentSide, account: Account, password: str | None,
              progress: Progress) -> SyncReport:
    """The worker's part: the whole sync (network, merging), steps sent to the GUI."""
    from planner.sync import sync_local

    progress(0, 0)
    return sync_local(side, account, password, progress=progress)


# ---------------------------------------------------------------------------------------------


class SyncPanel(QObject):
    """The window's sync: actions, status, timer, conflicts; see the module doc."""

    # Emitted on the GUI thread when a sync ends: the report, or the error.
    sync_ended = Signal(object)

    def __init__(self, window: Shell) -> None:
        super().__init__(window.window())
        self._window = window
        self.task: Task | None = None
        # By user and address, as the keyring keeps them: the account a sync remembers
        # (its login scheme, say) is the same login as the one the settings gave.
        self._session_passwords: dict[str, str] = {}
        self._error: str | None = None
        self._progress: tuple[int, int] | None = None
        self._interactive = False
        self._build_actions()
        self.status_button = QToolButton()
        self.status_button.setObjectName("sync_status")
        self.status_button.setAutoRaise(True)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.status_button.clicked.connect(self._status_clicked)
        window.statusBar().addPermanentWidget(self.status_button)
        self.timer = QTimer(self)
        self.timer.setObjectName("sync_timer")
        self.timer.timeout.connect(lambda: self.sync_now(interactive=False))
        # "Synced 2 min ago" ages without a sync.
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self.refresh)
        self._clock.start()
        window.document_replaced.connect(self._document_replaced)
        self._follow(window.document)
        self.refresh()

    # -- building -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self._window
        parent = window.window()
        self.sync_action = QAction(self.tr("Sync No&w"), parent)
        self.sync_action.setObjectName("sync_now")
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.setStatusTip(self.tr("Send this programme's changes to the calendar "
                                              "server and take those made elsewhere"))
        self.sync_action.triggered.connect(lambda _c=False: self.sync_now())
        self.settings_action = QAction(self.tr("Sync Se&ttings…"), parent)
        self.settings_action.setObjectName("sync_settings")
        self.settings_action.setStatusTip(self.tr("The calendar server to sync with"))
        self.settings_action.triggered.connect(lambda _c=False: self.open_settings())
        self.conflicts_action = QAction(self.tr("Sync &Conflicts…"), parent)
        self.conflicts_action.setObjectName("sync_conflicts")
        self.conflicts_action.setStatusTip(self.tr("Events changed here and on the server: "
                                                   "choose which version to keep"))
        self.conflicts_action.triggered.connect(lambda _c=False: self.open_conflicts())
        window.addActions([self.sync_action])
        menu = window.file_menu
        # Above the separator and Quit that end the File menu.
        before = menu.actions()[-2]
        menu.insertSeparator(before)
        menu.insertActions(before, [self.sync_action, self.settings_action,
                                    self.conflicts_action])

    # -- the document ---------------------------------------------------------------------

    def _follow(self, document: Document) -> None:
        self.refresh()
        self._arm_timer()

    def _document_replaced(self, document: Document) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
        self._error = None
        self._follow(document)

    def state(self) -> SyncState | None:
        """The sync state of the open programme (``None`` without a file)."""
        store = self._window.document.store
        if store is None:
            return None
        return load_state(store.connection)

    def account(self) -> Account | None:
        """The server the open programme syncs with, or ``None`` when none is set."""
        state = self.state()
        if state is None or not state.configured:
            return None
        return account_for(state)

    def password(self, account: Account) -> str | None:
        return self._session_passwords.get(_keyring_user(account)) or stored_password(account)

    # -- syncing --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def sync_now(self, *, interactive: bool = True) -> Task | None:
        """Start a sync on a worker (the status shows how it goes). Interactive (the menu),
        it asks for what is missing: a server, a password; automatic (the timer), it only
        runs when nothing is missing."""
        from ui.tasks import Task

        if self.running:
            return self.task
        document = self._window.document
        if document.store is None or document.readonly:
            if interactive:
                self._window.show_error(self.tr(
                    "Save the programme to a file first: a programme syncs from its file."))
            return None
        account = self.account()
        if account is None and interactive and self.open_settings():
            account = self.account()
        if account is None:
            return None
        password = self.password(account)
        if password is None:
            if not interactive:
                self._error = self.tr("A password is needed: File › Sync Now asks for it")
                self.refresh()
                return None
            password = self._ask_password(account)
            if password is None:
                return None
        self._interactive = interactive
        self._error = None
        self._progress = (0, 0)
        side = DocumentSide(document, self)
        task = Task(lambda progress: _run_sync(side, account, password, progress), self)
        task.progressed.connect(self._progressed)
        task.finished.connect(self._finished)
        task.failed.connect(lambda error: self._failed(error, account))
        task.cancelled.connect(self._cancelled)
        self.task = task
        self.sync_action.setEnabled(False)
        self.refresh()
        return task.start()

    def _ask_password(self, account: Account) -> str | None:
        text, ok = QInputDialog.getText(
            self._window.window(), self.tr("Sync"),
            self.tr("Password of {user} at {url}:").format(user=account.user, url=account.url),
            QLineEdit.EchoMode.Password)
        if not ok or not text:
            return None
        if not store_password(account, text):
            self._session_passwords[_keyring_user(account)] = text
        return text

    def _progressed(self, done: int, total: int) -> None:
        self._progress = (done, total)
        self.refresh()

    def _end(self) -> None:
        self._progress = None
        self.sync_action.setEnabled(True)

    def _finished(self, report: SyncReport) -> None:
        self._end()
        self._error = None
        window = self._window
        parts = []
        if report.downloaded or report.deleted_here:
            parts.append(self.tr("{n} from the server").format(
                n=report.downloaded + report.deleted_here))
        if report.uploaded or report.deleted_there:
            parts.append(self.tr("{n} sent").format(n=report.uploaded + report.deleted_there))
        if parts:
            window.statusBar().showMessage(self.tr("Synced: {what}").format(
                what=", ".join(parts)), 5000)
        self.refresh()
        self.sync_ended.emit(report)
        if report.problems and self._interactive:
            # What the sync left alone (a resource it cannot read, an event the server
            # will not take): said once, when the user asked for the sync.
            problems = [render(p, window.lang) for p in report.problems]
            window.show_error("\n".join(p[:1].upper() + p[1:] for p in problems))
        if report.conflicts and self._interactive:
            self.open_conflicts()

    def _failed(self, error: object, account: Account) -> None:
        self._end()
        text = render(error, self._window.lang)
        # The command line's "error: cannot reach …" is a sentence of its own here.
        text = text[:1].upper() + text[1:]
        self._error = text
        if isinstance(error, RefusedError) and error.status == 401:
            self._session_passwords.pop(_keyring_user(account), None)
        self.refresh()
        self.sync_ended.emit(error)
        if self._interactive:
            self._window.show_error(text)

    def _cancelled(self) -> None:
        self._end()
        self.refresh()
        self.sync_ended.emit(None)

    def cancel(self) -> None:
        """Stop a running sync at its next step (what is done stays recorded), and wait."""
        task = self.task
        if task is not None and not task.done:
            task.cancel()
            task.wait()

    # -- the timer and the status ---------------------------------------------------------

    def _arm_timer(self) -> None:
        from ui.settings import Settings

        minutes = Settings().sync_minutes
        if minutes > 0 and self.account() is not None:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def status_text(self) -> str:
        """What the status bar says about the sync."""
        state = self.state()
        if state is None or not state.configured:
            return self.tr("Sync: no server set")
        if self.running:
            done, total = self._progress or (0, 0)
            if total:
                return self.tr("Syncing… {done} of {total}").format(done=done, total=total)
            return self.tr("Syncing…")
        last = state.settings.get(LAST_SYNC)
        if self._error is not None:
            if last:
                text = self.tr("Not synced since {when}").format(when=_when(last))
            else:
                text = self.tr("Not synced yet")
        elif not last:
            text = self.tr("Not synced yet")
        else:
            text = _ago(last)
        conflicts = len(state.conflicts)
        if conflicts:
            text += " · " + numerus(self.tr("%n conflict(s)", "", conflicts), conflicts)
        return text

    def refresh(self) -> None:
        """Show the sync's state in the status bar."""
        state = self.state()
        self.status_button.setText(self.status_text())
        tip = self._error or self.tr("Sync with the calendar server (F9)")
        self.status_button.setToolTip(tip)
        self.conflicts_action.setEnabled(bool(state and state.conflicts))
        self.sync_action.setEnabled(not self.running)

    def _status_clicked(self) -> None:
        state = self.state()
        if state is None or not state.configured:
            self.open_settings()
        elif state.conflicts:
            self.open_conflicts()
        else:
            self.sync_now()

    # -- dialogs --------------------------------------------------------------------------

    def open_settings(self) -> bool:
        """The sync settings dialog; returns whether they were changed."""
        from ui.dialogs.sync_settings import SyncSettingsDialog
        from ui.settings import Settings

        document = self._window.document
        if document.store is None:
            self._window.show_error(self.tr(
                "Save the programme to a file first: a programme syncs from its file."))
            return False
        state = self.state()
        assert state is not None
        account = account_for(state) if state.configured else None
        settings = Settings()
        dialog = SyncSettingsDialog(account, settings.sync_minutes,
                                    account is not None and self.password(account) is not None,
                                    self._window.window(), keyring=keyring_available())
        accepted = dialog.exec() == SyncSettingsDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return False
        new = dialog.account()
        changes = server_changes(new.url, new.user, new.insecure, state)
        document.apply_sync(Step(status=changes))
        settings.sync_minutes = dialog.minutes()
        password = dialog.password()
        if password:
            if not store_password(new, password):
                self._session_passwords[_keyring_user(new)] = password
        self._error = None
        self._arm_timer()
        self.refresh()
        return True

    def open_conflicts(self) -> bool:
        """The conflicts dialog; returns whether choices were made (one undo step)."""
        from planner.sync.engine import settle_choices
        from ui.commands import SettleCommand
        from ui.dialogs.conflicts import ConflictsDialog

        state = self.state()
        if state is None or not state.conflicts:
            return False
        window = self._window
        document = window.document
        dialog = ConflictsDialog(list(state.conflicts.values()), document.programme,
                                 window.lang, window.window())
        accepted = dialog.exec() == ConflictsDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return False
        choices = dialog.choices()
        if not choices:
            return False
        forward, backward = settle_choices(document.programme, state, choices)
        text = numerus(self.tr("Settle %n sync conflict(s)", "", len(choices)), len(choices))
        command = SettleCommand(document, forward, backward, text)
        document.undo_stack.push(command)
        if command.error is not None:
            window.show_error(str(command.error))
            return False
        self.refresh()
        # What this side keeps goes to the server now.
        self.sync_now(interactive=False)
        return True


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp).astimezone(UTC)


def _when(stamp: str) -> str:
    """A time of the last sync, short: the time today, else the date and time."""
    from ui.i18n import medium_date

    when = _parse(stamp).astimezone()
    now = datetime.now().astimezone()
    if when.date() == now.date():
        return when.strftime("%H:%M")
    return f"{medium_date(when.date())} {when:%H:%M}"


def _ago(stamp: str) -> str:
    seconds = (datetime.now(UTC) - _parse(stamp)).total_seconds()
    minutes = int(seconds // 60)
    if minutes < 1:
        return QCoreApplication.translate("SyncPanel", "Synced just now")
    if minutes < 60:
        return QCoreApplication.translate("SyncPanel", "Synced {n} min ago").format(n=minutes)
    return QCoreApplication.translate("SyncPanel", "Synced at {when}").format(
        when=_when(stamp))


def install(window: Shell) -> SyncPanel:
    """Put the sync's actions, status and timer into ``window``."""
    return SyncPanel(window)

