"""File > Release…: the name and note of a new release.

The name is checked as it is typed (one line, unique in any letter case, not too long):
OK stays disabled with the reason beside it until the name will do. The dialog says how
much changed since the latest release, so that nobody releases by accident; whether the
state is the very state of the latest release is checked when the release is recorded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from planner.model import Lang
from planner.releases import ReleaseError, check_name
from ui.widgets import problem_label


class ReleaseDialog(QDialog):
    """Name and note of a release; :meth:`name` and :meth:`note` once accepted."""

    def __init__(self, taken: list[str], suggestion: str, summary: str, lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taken = taken
        self._lang = lang
        self.setWindowTitle(self.tr("Release"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("A release is a snapshot of the programme as it stands: the "
                               "feeds and schedule files are published from it, and what "
                               "changes afterwards is listed against it."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.summary_label = QLabel(summary)
        self.summary_label.setObjectName("release_summary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        form.addRow(self.summary_label)
        self.name_edit = QLineEdit(suggestion)
        self.name_edit.setObjectName("release_name")
        self.name_edit.selectAll()
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.problem_label = problem_label("release_problem")
        form.addRow(self.problem_label)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("release_note")
        self.note_edit.setPlaceholderText(self.tr("What the people following the programme "
                                                  "should know (optional)"))
        self.note_edit.setTabChangesFocus(True)
        form.addRow(self.tr("N&ote:"), self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Release"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._check)
        self._check()
        self.resize(460, self.sizeHint().height())

    def _check(self) -> None:
        try:
            check_name(self.name_edit.text(), self._taken)
        except ReleaseError as exc:
            self.problem_label.setText(exc.render(self._lang))
            self.problem_label.show()
            self.ok_button.setEnabled(False)
            return
        self.problem_label.clear()
        self.problem_label.hide()
        self.ok_button.setEnabled(True)

    def name(self) -> str:
        return self.name_edit.text().strip()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()
