"""Small widgets shared by the dialogs: a three-language text row, a colour button, a
duration box, the dialog that accepts only valid input (CheckedDialog), and helpers for
the user's language. (Colour swatches are in ui.icons, tooltips in ui.tooltips.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from planner.model import LANGS, Lang, Texts
from ui.icons import colour_icon
from ui.screens import fit_to_screen

# A soft amber, readable in light and dark palettes, for "this translation is missing".
MISSING_COLOUR = "#fff1c9"
ERROR_BACKGROUND = "#ffd6d6"
MISSING_STYLE = f"background-color: {MISSING_COLOUR}; color: #202020;"
ERROR_STYLE = f"background-color: {ERROR_BACKGROUND}; color: #202020;"
ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a5a00"

def ui_language() -> Lang:
    """The language the user's locale asks for, if it is one of ours, else English."""
    code = QLocale().name()[:2].lower()
    for lang in LANGS:
        if lang == code:
            return lang
    return "en"


def language_name(lang: str) -> str:
    """The name of a content language, as the column headings show it."""
    names = {
        "de": QCoreApplication.translate("widgets", "German"),
        "en": QCoreApplication.translate("widgets", "English"),
        "ru": QCoreApplication.translate("widgets", "Russian"),
    }
    return names.get(lang, lang)


class StartShowingLineEdit(QLineEdit):
    """A line edit that, on getting focus with all its text selected, shows the start of a
    long text rather than its end (Qt scrolls to the cursor, which select-all puts last)."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.text() and self.selectedText() == self.text():
            self.end(False)
            self.home(True)


class TextsEditor(QWidget):
    """One text in German, English and Russian, side by side.

    An empty language shows a "missing" placeholder on an amber field, so a translator sees
    at a glance what is left to do. ``multiline`` uses plain-text boxes (descriptions).
    """

    changed = Signal()

    def __init__(
        self, multiline: bool = False, parent: QWidget | None = None, *, headings: bool = False
    ) -> None:
        super().__init__(parent)
        self._multiline = multiline
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # One sheet on the row, switched by a property: setting and clearing sheets per field
        # leaves the cleared fields drawn differently from untouched ones.
        self.setStyleSheet(
            f'QLineEdit[missing="true"], QPlainTextEdit[missing="true"] {{ {MISSING_STYLE} }}'
        )
        for column, lang in enumerate(LANGS):
            if headings:
                heading = QLabel(language_name(lang))
                heading.setTextFormat(Qt.TextFormat.PlainText)
                layout.addWidget(heading, 0, column)
            field: QLineEdit | QPlainTextEdit
            if multiline:
                field = QPlainTextEdit()
                field.setTabChangesFocus(True)
                field.textChanged.connect(self._on_changed)
            else:
                field = StartShowingLineEdit()
                field.textChanged.connect(self._on_changed)
            field.setPlaceholderText(self.tr("missing ({lang})").format(lang=lang))
            field.setObjectName(f"text_{lang}")
            field.setAccessibleName(language_name(lang))
            self.fields[lang] = field
            layout.addWidget(field, 1 if headings else 0, column)
            layout.setColumnStretch(column, 1)
        self._mark()

    def field(self, lang: str) -> QLineEdit | QPlainTextEdit:
        return self.fields[lang]

    def _text_of(self, lang: str) -> str:
        field = self.fields[lang]
        if isinstance(field, QLineEdit):
            return field.text()
        return field.toPlainText()

    def texts(self) -> Texts:
        # Titles are single lines: stray spaces at the ends are typing noise, not content.
        values = {lang: self._text_of(lang) for lang in LANGS}
        if not self._multiline:
            values = {lang: value.strip() for lang, value in values.items()}
        else:
            values = {lang: value.rstrip() for lang, value in values.items()}
        return Texts(values["de"], values["en"], values["ru"])

    def set_texts(self, texts: Texts) -> None:
        for lang in LANGS:
            field = self.fields[lang]
            value = getattr(texts, lang)
            if isinstance(field, QLineEdit):
                field.setText(value)
                field.setCursorPosition(0)
            else:
                field.setPlainText(value)
        self._mark()

    def missing(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGS if not self._text_of(lang).strip())

    def _on_changed(self) -> None:
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        missing = set(self.missing())
        for lang, field in self.fields.items():
            if field.property("missing") != (lang in missing):
                field.setProperty("missing", lang in missing)
                field.style().unpolish(field)
                field.style().polish(field)


class ColourButton(QPushButton):
    """A button showing a colour; clicking it opens QColorDialog."""

    colour_changed = Signal(str)

    def __init__(self, colour: str = "#607d8b", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = colour
        self.clicked.connect(self._choose)
        self._show()

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        if colour != self._colour:
            self._colour = colour
            self._show()
            self.colour_changed.emit(colour)

    def _show(self) -> None:
        self.setIcon(colour_icon(self._colour, 16))
        self.setText(self._colour)

    def _choose(self) -> None:
        initial = QColor(self._colour) if QColor.isValidColorName(self._colour) else QColor()
        chosen = QColorDialog.getColor(initial, self, self.tr("Track colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())


class DurationSpinBox(QSpinBox):
    """A duration in minutes, shown and typed as hours:minutes (``1:30``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Up to the length of the longest programme we expect (two weeks).
        self.setRange(1, 14 * 24 * 60)
        self.setSingleStep(15)
        self.setAccelerated(True)

    def textFromValue(self, value: int) -> str:
        return f"{value // 60}:{value % 60:02d}"

    def valueFromText(self, text: str) -> int:
        parsed = _parse_duration(text)
        return parsed if parsed is not None else self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if not stripped:
            return QValidator.State.Intermediate, text, pos
        if all(c.isdigit() or c == ":" for c in stripped) and stripped.count(":") <= 1:
            value = _parse_duration(stripped)
            if value is not None and self.minimum() <= value <= self.maximum():
                return QValidator.State.Acceptable, text, pos
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


def _parse_duration(text: str) -> int | None:
    text = text.strip()
    hours, sep, minutes = text.partition(":")
    try:
        if not sep:
            # A bare number reads as minutes, as people type "90".
            return int(hours)
        return int(hours or "0") * 60 + int(minutes or "0")
    except ValueError:
        return None


class CheckedDialog(QDialog):
    """A dialog that checks its input as it is typed and accepts only valid input: the
    subclass's ``_revalidate`` sets ``_result`` (None while the input is not valid) and
    ``_error``. Its size and place are remembered under ``geometry_key``.

    Once :meth:`remember_state` has been called, closing it without OK (Escape, the Cancel
    button wired to :meth:`cancel`, the window's close button) after a change asks before
    the changes are thrown away."""

    geometry_key = ""
    _result: object = None
    _error = ""
    _initial_state: list[object] | None = None

    def remember_state(self) -> None:
        """Take the form as it is now as "no changes"."""
        self._initial_state = self._form_state()

    def has_changes(self) -> bool:
        """Whether the form differs from what :meth:`remember_state` took."""
        return self._initial_state is not None and self._form_state() != self._initial_state

    def _form_state(self) -> list[object]:
        """What every input of the form holds now (fields, boxes, lists, tables)."""
        from PySide6.QtWidgets import (
            QAbstractButton,
            QAbstractSpinBox,
            QComboBox,
            QListWidget,
            QTableWidget,
            QTextEdit,
        )

        state: list[object] = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit) and not isinstance(widget.parent(),
                                                                 QAbstractSpinBox | QComboBox):
                state.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                state.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                state.append(widget.currentIndex())
            elif isinstance(widget, QAbstractSpinBox):
                state.append(widget.text())
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                state.append(widget.isChecked())
            elif isinstance(widget, QListWidget):
                state.append([(widget.item(n).text(), widget.item(n).checkState())
                              for n in range(widget.count())])
            elif isinstance(widget, QTableWidget):
                state.append([[item.text() if (item := widget.item(r, c)) else ""
                               for c in range(widget.columnCount())]
                              for r in range(widget.rowCount())])
        return state

    def cancel(self) -> None:
        """Close without OK, as Escape and the Cancel button do: after a change, only once
        the user agrees to throw it away. (``reject()`` itself closes at once.)"""
        if not self.has_changes() or self._discard_changes():
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button asks as Escape does; a close by the program does not.
        if event.spontaneous() and self.has_changes() and not self._discard_changes():
            event.ignore()
            return
        super().closeEvent(event)

    def _discard_changes(self) -> bool:
        """Ask whether to throw the changes away; Escape or Enter keeps editing."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Discard your changes?"),
                          QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("discard_changes")
        box.setInformativeText(self.tr("What you changed here is lost if you close it "
                                       "without OK."))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("&Discard Changes"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("&Keep Editing"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    def _revalidate(self) -> None:
        raise NotImplementedError

    def restore_geometry(self, width: int, height: int) -> None:
        """The remembered size and place, else ``width`` x ``height``; within the screen
        it opens on either way (a size remembered on a larger screen would put OK and
        Cancel past the edge of a laptop's)."""
        self.resize(width, height)
        geometry = QSettings().value(self.geometry_key)
        if geometry is not None:
            self.restoreGeometry(geometry)
        parent = self.parentWidget()
        fit_to_screen(self, (parent or self).screen())

    def error_text(self) -> str:
        """What is wrong with the input now, or an empty string."""
        return self._error

    def accept(self) -> None:
        # Enter reaches here only through an enabled OK button, but check again: the
        # contract is that Accepted always comes with a valid result.
        self._revalidate()
        if self._result is not None:
            super().accept()

    def done(self, code: int) -> None:
        QSettings().setValue(self.geometry_key, self.saveGeometry())
        super().done(code)


def problem_label(name: str) -> QLabel:
    """The line under a dialog's fields that says, in red, why OK is not possible yet
    (plain text: it may quote what the user typed)."""
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    label.hide()
    return label
