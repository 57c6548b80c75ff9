"""Message boxes whose texts are shown as they are, never read as markup.

QMessageBox's static functions guess whether a text is rich text (Qt::mightBeRichText). A
programme's name or an event's title from a file goes into many messages ("“{name}” has
changes that are not saved"), and a title like ``<img src=/dev/zero>`` would then make Qt
read that file: the window aborts, a FIFO hangs it. Every box of the window is made here,
with plain text for its text and its informative text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def plain_message_box(parent: QWidget | None, icon: Icon, title: str, text: str,
                      buttons: Button = Button.Ok, default: Button = Button.NoButton,
                      informative: str = "") -> QMessageBox:
    """A QMessageBox showing ``text`` (and ``informative``) as plain text."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
        # The informative text has a label of its own, which setTextFormat leaves alone.
        label = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if label is not None:
            label.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def ask(parent: QWidget | None, title: str, text: str,
        buttons: Button = Button.Yes | Button.No, default: Button = Button.NoButton,
        informative: str = "") -> Button:
    """Ask a question in a plain-text box; the button the user chose (Escape: the escape
    button Qt picks, as QMessageBox.question does)."""
    box = plain_message_box(parent, Icon.Question, title, text, buttons, default, informative)
    box.exec()
    return box.standardButton(box.clickedButton())


def warn(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    """Show a warning in a plain-text box and wait for OK."""
    plain_message_box(parent, Icon.Warning, title, text, informative=informative).exec()


def report(parent: QWidget | None, title: str, text: str, informative: str = "",
           details: str = "") -> QMessageBox:
    """Show a report in a plain-text box and return at once: the box stays open beside its
    window (not modal, so nothing waits on it) until the user closes it. ``details`` go
    behind Show Details…, which QMessageBox shows as plain text."""
    box = plain_message_box(parent, Icon.Information, title, text, informative=informative)
    if details:
        box.setDetailedText(details)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
