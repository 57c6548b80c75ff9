"""File > Publish…: where the publish folder goes, where it will be served, in which
language, and whether the latest release or the programme as it stands is published.

The folder and the address are remembered for the next publish (and printing puts the QR
codes of that address's feeds on its pages). A folder that holds other files, or an address
that is not one, is said beside the field, and OK waits until both will do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from planner.model import LANGS, Lang
from planner.publish import PublishError, PublishOptions, check_base_url
from planner.publish.folder import MARKER
from ui.widgets import problem_label


class PublishDialog(QDialog):
    """The folder and options of a publish; :meth:`folder` and :meth:`options` once
    accepted."""

    def __init__(self, folder: str, base_url: str, lang: Lang, latest: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setWindowTitle(self.tr("Publish"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("Writes the calendar feeds, the schedule files for "
                               "conference apps and the list of changes into one folder, "
                               "ready for a web server."))
        intro.setWordWrap(True)
        form.addRow(intro)

        row = QHBoxLayout()
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setObjectName("publish_folder")
        row.addWidget(self.folder_edit, 1)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        # A label of its own: QFormLayout gives a row of a layout no buddy, and its "&"
        # would show as it is.
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, row)

        self.url_edit = QLineEdit(base_url)
        self.url_edit.setObjectName("publish_base_url")
        self.url_edit.setPlaceholderText("https://example.org/festival/")
        self.url_edit.setToolTip(self.tr("Where the folder will be served: feeds get webcal:// "
                                         "links and QR codes (optional)"))
        form.addRow(self.tr("&Web address:"), self.url_edit)

        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("publish_lang")
        names = {"de": "Deutsch", "en": "English", "ru": "Русский"}
        for code in LANGS:
            self.lang_combo.addItem(names[code], code)
        self.lang_combo.setCurrentIndex(LANGS.index(lang))
        form.addRow(self.tr("&Language:"), self.lang_combo)

        self.draft_box = QCheckBox(self.tr("Publish the programme as it stands (a &draft), "
                                           "not the latest release"))
        self.draft_box.setObjectName("publish_draft")
        if latest is None:
            # Nothing released yet: only a draft can be published.
            self.draft_box.setChecked(True)
            self.draft_box.setEnabled(False)
        form.addRow(self.draft_box)
        self.what_label = QLabel()
        self.what_label.setTextFormat(Qt.TextFormat.PlainText)
        self.what_label.setWordWrap(True)
        self._latest = latest
        form.addRow(self.what_label)

        self.problem_label = problem_label("publish_problem")
        form.addRow(self.problem_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Publish"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for signal in (self.folder_edit.textChanged, self.url_edit.textChanged):
            signal.connect(self._check)
        self.draft_box.toggled.connect(self._check)
        self._check()
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Publish Folder"),
                                                  self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def _problem(self) -> str:
        text = self.folder_edit.text().strip()
        if not text:
            return self.tr("Choose the folder to publish into.")
        path = Path(text)
        if path.exists() and not path.is_dir():
            return self.tr("This is a file, not a folder.")
        if path.is_dir() and not (path / MARKER).exists() and any(path.iterdir()):
            return self.tr("This folder holds other files; a publish replaces the whole "
                           "folder. Choose a new or empty one.")
        url = self.url_edit.text().strip()
        if url:
            try:
                check_base_url(url)
            except PublishError as exc:
                return exc.render(self._lang)
        return ""

    def _check(self) -> None:
        if self.draft_box.isChecked() or self._latest is None:
            self.what_label.setText(self.tr("The programme as it stands is published, marked "
                                            "as a draft."))
        else:
            self.what_label.setText(self.tr("Release “{name}” is published.").format(
                name=self._latest))
        problem = self._problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def base_url(self) -> str:
        return self.url_edit.text().strip()

    def options(self) -> PublishOptions:
        lang = str(self.lang_combo.currentData())
        assert lang in LANGS
        return PublishOptions(lang=lang,  # type: ignore[arg-type]
                              base_url=self.base_url() or None,
                              draft=self.draft_box.isChecked())
