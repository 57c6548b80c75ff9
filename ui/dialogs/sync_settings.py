"""File › Sync Settings…: the calendar server a programme syncs with.

The address and user go into the programme file (every organiser's copy syncs with the
same server), the password into the system keyring, and how often to sync into the
preferences. OK is enabled only for an address that can be a calendar home.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from planner.sync import Account
from ui.widgets import CheckedDialog


class SyncSettingsDialog(CheckedDialog):
    """Server address, user, password, certificate exception and sync interval."""

    geometry_key = "dialogs/sync_settings"

    def __init__(self, account: Account | None, minutes: int, has_password: bool,
                 parent: QWidget | None = None, *, keyring: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync Settings"))
        form = QFormLayout(self)
        help_text = QLabel(self.tr(
            "The address of a calendar home: the folder that holds a user's calendars on a "
            "CalDAV server. Nextcloud: https://HOST/remote.php/dav/calendars/USER/ (with an "
            "app password); Radicale: https://HOST:5232/USER/. Each track becomes a "
            "calendar there."))
        help_text.setWordWrap(True)
        help_text.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(help_text)
        self.url_edit = QLineEdit(account.url if account else "")
        self.url_edit.setObjectName("sync_url")
        self.url_edit.setPlaceholderText("https://cloud.example.org/remote.php/dav/calendars/"
                                         "USER/")
        form.addRow(self.tr("&Address:"), self.url_edit)
        self.user_edit = QLineEdit(account.user if account else "")
        self.user_edit.setObjectName("sync_user")
        form.addRow(self.tr("&User:"), self.user_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("sync_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if not keyring:
            # Without a keyring nothing keeps it past this session: say so, rather than
            # promise what cannot be.
            self.password_edit.setPlaceholderText(
                self.tr("(kept until the window closes)") if has_password
                else self.tr("no keyring on this system: kept until the window closes"))
        else:
            self.password_edit.setPlaceholderText(
                self.tr("(kept in the system keyring)") if has_password
                else self.tr("kept in the system keyring, never in the file"))
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.insecure_box = QCheckBox(self.tr("Accept a certificate that cannot be verified "
                                              "(a self-signed one)"))
        self.insecure_box.setObjectName("sync_insecure")
        self.insecure_box.setChecked(bool(account and account.insecure))
        self.insecure_box.setToolTip(self.tr("Only for a server you run yourself: the "
                                             "connection is then not protected against a "
                                             "server pretending to be it."))
        form.addRow(self.insecure_box)
        every = QWidget()
        row = QHBoxLayout(every)
        row.setContentsMargins(0, 0, 0, 0)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("sync_minutes")
        self.minutes_spin.setRange(0, 24 * 60)
        self.minutes_spin.setValue(minutes)
        self.minutes_spin.setSpecialValueText(self.tr("never"))
        self.minutes_spin.setSuffix(self.tr(" min"))
        row.addWidget(self.minutes_spin)
        row.addStretch(1)
        form.addRow(self.tr("Sync &automatically every:"), every)
        self.error_label = QLabel()
        self.error_label.setObjectName("sync_settings_error")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet("color: #b00020")
        form.addRow(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.url_edit, self.user_edit):
            edit.textChanged.connect(lambda _t: self._revalidate())
        self._revalidate()
        self.restore_geometry(560, 330)

    def _revalidate(self) -> None:
        url = self.url_edit.text().strip()
        parts = urlsplit(url)
        self._result = None
        if not url:
            self._error = ""
        elif parts.scheme not in ("http", "https") or not parts.netloc:
            self._error = self.tr("The address starts with https:// (or http://) and names "
                                  "a server.")
        elif not self.user_edit.text().strip():
            self._error = self.tr("Give the user name on the server.")
        else:
            self._error = ""
            self._result = True
        self.error_label.setText(self._error)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._result is not None)

    def account(self) -> Account:
        """The server as entered."""
        url = self.url_edit.text().strip()
        return Account(url if url.endswith("/") else url + "/", self.user_edit.text().strip(),
                       self.insecure_box.isChecked())

    def password(self) -> str:
        """The password typed, or empty to keep the one kept."""
        return self.password_edit.text()

    def minutes(self) -> int:
        return self.minutes_spin.value()
