"""Undo and Redo as actions that follow whichever undo stack the window shows.

Qt's ``QUndoStack.createUndoAction`` puts the whole command text into the action's text,
and a toolbar button shows that text: after moving an event with a long title the button
read ``Undo Move "Kick-off conference: Digital economy – …"``, and the toolbar reflowed
after every edit, pushing other buttons into its overflow menu. Here the toolbar shows a
short icon text that never changes ("Undo"), the Edit menu names the step (its title
elided to a sensible width), and the tooltip names it in full.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFontMetrics, QUndoStack
from shiboken6 import isValid

from ui.tooltips import plain_tooltip

# The widest the step's name gets in the Edit menu, in average characters of the font.
MENU_DETAIL_CHARS = 48


class UndoAction(QAction):
    """Undo (or Redo) of the stack it is bound to; see the module's docstring.

    ``short`` is the toolbar's text ("Undo"), ``bare`` the menu's text with nothing to undo
    ("&Undo"), and ``named`` the menu's text naming the step, with ``{action}`` for it.
    """

    def __init__(self, parent: QObject, *, redo: bool, short: str, bare: str,
                 named: str) -> None:
        super().__init__(bare, parent)
        self._redo = redo
        self._bare = bare
        self._named = named
        self._stack: QUndoStack | None = None
        self.setIconText(short)
        self.setEnabled(False)
        self.triggered.connect(self._trigger)

    @property
    def bare_text(self) -> str:
        """The action's name with nothing to undo ("&Undo"), for lists of actions."""
        return self._bare

    def bind(self, stack: QUndoStack) -> None:
        """Follow ``stack`` from now on (in place of the one followed so far)."""
        old = self._stack
        if old is not None:
            for signal in self._signals(old):
                signal.disconnect(self._update)
        self._stack = stack
        for signal in self._signals(stack):
            signal.connect(self._update)
        self._update()

    def _signals(self, stack: QUndoStack) -> list:  # type: ignore[type-arg]
        if self._redo:
            return [stack.canRedoChanged, stack.redoTextChanged]
        return [stack.canUndoChanged, stack.undoTextChanged]

    def _trigger(self) -> None:
        if self._stack is None:
            return
        if self._redo:
            self._stack.redo()
        else:
            self._stack.undo()

    def _update(self, *_args: object) -> None:
        stack = self._stack
        # A stack deleted with its owner (a closed document) empties itself in its destructor
        # and says so, when its Python side is already gone: nothing is left to follow.
        if stack is not None and not isValid(stack):
            self._stack = stack = None
        if stack is None:
            self.setEnabled(False)
            self.setText(self._bare)
            self.setToolTip(self._bare.replace("&", ""))
            return
        able = stack.canRedo() if self._redo else stack.canUndo()
        detail = (stack.redoText() if self._redo else stack.undoText()) if able else ""
        self.setEnabled(able)
        if not detail:
            self.setText(self._bare)
            self.setToolTip(self._bare.replace("&", ""))
            return
        metrics = QFontMetrics(self.font())
        shown = metrics.elidedText(detail, Qt.TextElideMode.ElideMiddle,
                                   metrics.averageCharWidth() * MENU_DETAIL_CHARS)
        # "&" in an event's title is a character, not a menu accelerator.
        self.setText(self._named.format(action=shown.replace("&", "&&")))
        self.setToolTip(plain_tooltip(self._named.replace("&", "").format(action=detail)))
