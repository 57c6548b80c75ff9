"""Help > Keyboard Shortcuts: every shortcut of the window, read from its actions, and
what the grid, the agenda and the event editor do with keys and the mouse.

The list is made from the actions themselves (the menus, in their order, then the actions
the window holds outside them), so it cannot fall behind when an action or a shortcut is
added or translated: what the dialog shows is what the keys do. The views' own keys and
mouse gestures (Shift and the wheel, Ctrl and a drag, …) come from each view's
``input_help()``, kept beside the handlers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.screens import fit_to_screen


def _plain(text: str) -> str:
    """A menu text as a sentence shows it: no accelerator, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" …").rstrip(
        ".")


def shortcut_rows(window: QWidget) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(menu title, [(action, keys), ...])`` for every action of ``window`` that has a
    shortcut: by menu in the menu bar's order, then the window's other actions."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[int] = set()

    def rows_of(actions: list[QAction]) -> list[tuple[str, str]]:
        rows = []
        for action in actions:
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                rows.extend(rows_of(submenu.actions()))
                continue
            keys = action.shortcuts()
            if action.isSeparator() or not keys or id(action) in seen:
                continue
            seen.add(id(action))
            text = " · ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            # Undo and Redo by their plain names, not the step they would undo now.
            name = getattr(action, "bare_text", None) or action.text() or action.iconText()
            rows.append((_plain(name), text))
        return rows

    bar = getattr(window, "menuBar", None)
    if bar is not None:
        for top in bar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                rows = rows_of(menu.actions())
                if rows:
                    groups.append((_plain(top.text()), rows))
    others = rows_of(window.actions())
    if others:
        groups.append((QCoreApplication.translate("ShortcutsDialog", "Other"), others))
    # What the views and the editor do with keys and the mouse besides the actions.
    from ui.dialogs.editor import input_help as editor_help
    from ui.views.agenda import input_help as agenda_help
    from ui.views.grid import input_help as grid_help

    for title, rows in (
            (QCoreApplication.translate("ShortcutsDialog", "Calendar Grid"), grid_help()),
            (QCoreApplication.translate("ShortcutsDialog", "Agenda"), agenda_help()),
            (QCoreApplication.translate("ShortcutsDialog", "Event Editor"), editor_help())):
        groups.append((title, [(text, " · ".join(input_text(i) for i in inputs))
                               for text, inputs in rows]))
    return groups


def _gesture(name: str) -> str:
    gestures = {
        "click": QCoreApplication.translate("ShortcutsDialog", "Click"),
        "double-click": QCoreApplication.translate("ShortcutsDialog", "Double-click"),
        "right-click": QCoreApplication.translate("ShortcutsDialog", "Right-click"),
        "drag": QCoreApplication.translate("ShortcutsDialog", "Drag"),
        "drag-end": QCoreApplication.translate("ShortcutsDialog", "Drag its lower edge"),
        "drag-edge": QCoreApplication.translate("ShortcutsDialog",
                                                "Hold at an edge of the grid"),
        "wheel": QCoreApplication.translate("ShortcutsDialog", "Wheel"),
    }
    return gestures[name]


def input_text(spec: str) -> str:
    """An input as the dialog shows it, in the window's language: a key sequence
    ("Alt+PgDown") in the platform's words, or modifiers and a mouse gesture
    ("Shift+@wheel": "Shift+Wheel", "Umschalt+Mausrad")."""
    head, at, gesture = spec.partition("@")
    if not at:
        return QKeySequence(spec).toString(QKeySequence.SequenceFormat.NativeText)
    if not head:
        return _gesture(gesture)
    # The modifiers as Qt names them on this platform: "Ctrl+" ("Strg+", "Ctrl+").
    keys = QKeySequence(head + "A").toString(QKeySequence.SequenceFormat.NativeText)
    return keys[:-1] + _gesture(gesture)


class ShortcutsDialog(QDialog):
    """A two-column list, action and keys, grouped by menu."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        for title, rows in shortcut_rows(window):
            group = QTreeWidgetItem([title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for text, keys in rows:
                group.addChild(QTreeWidgetItem([text, keys]))
            group.setExpanded(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        # Wide enough for both columns: the keys are what the list is for, and a long
        # Russian action would push them out of view.
        width = (header.sectionSize(0) + self.tree.sizeHintForColumn(1)
                 + self.tree.verticalScrollBar().sizeHint().width() + 40)
        self.resize(max(520, width), 600)
        fit_to_screen(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
