"""Undo and Redo actions outlive the undo stack they follow."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from ui.app import create_application
from ui.undo_actions import UndoAction


def test_an_action_whose_stack_is_deleted_with_its_owner_raises_nothing(qtbot) -> None:
    # The stack empties itself in its destructor and says so after its Python side is gone;
    # the actions used to ask it for its state then ("Internal C++ object already deleted").
    create_application()
    holder = QObject()
    owner = QObject()
    undo = UndoAction(holder, redo=False, short="Undo", bare="&Undo", named="&Undo {action}")
    redo = UndoAction(holder, redo=True, short="Redo", bare="&Redo", named="&Redo {action}")
    stack = QUndoStack(owner)
    undo.bind(stack)
    redo.bind(stack)
    command = QUndoCommand("Move")
    stack.push(command)
    stack.undo()
    assert undo.isEnabled() is False and redo.isEnabled() is True
    del stack, command
    with qtbot.captureExceptions() as exceptions:
        owner.deleteLater()
        qtbot.waitUntil(lambda: not redo.isEnabled(), timeout=2000)
    assert exceptions == []
    assert not undo.isEnabled() and not redo.isEnabled()
