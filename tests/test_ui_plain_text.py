"""Text from files and users is shown as it is, never read as markup.

Every title, name and message here holds ``<img src=FIFO>`` and ``<b>x</b>``. Read as rich
text, Qt would open the FIFO to load the image and wait for a writer for ever (and a title
``<img src=/dev/zero>`` aborted the window). A watchdog thread notices when anyone opens
the FIFO for reading (its write end then opens without blocking), records it and closes it,
which lets the reader go: the test fails instead of hanging.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import event, small_programme
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from planner.i18n import msg
from planner.importing import ImportPlan, ImportProblem
from planner.model import Person, Texts
from ui.app import create_application
from ui.main_window import MainWindow
from ui.recovery import Recoverable
from ui.tooltips import plain_tooltip

_WATCH = """
import errno, os, sys, time
fifo, report = sys.argv[1], sys.argv[2]
while True:
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno != errno.ENXIO:  # ENXIO: nobody reads it; anything else: stop
            break
        time.sleep(0.01)
        continue
    open(report, "a").write("opened\\n")
    os.close(fd)  # the reader gets end-of-file and goes on
"""


class FifoWatch:
    """Records whether anyone opened ``path`` (a FIFO) for reading, and frees them.

    A process of its own: the window's thread may block in Qt's open() without letting
    Python's other threads run."""

    def __init__(self, path: Path) -> None:
        self.report = path.with_suffix(".opened")
        self._child = subprocess.Popen([sys.executable, "-c", _WATCH, str(path),
                                        str(self.report)])

    @property
    def opened(self) -> bool:
        return self.report.exists()

    def stop(self) -> None:
        self._child.kill()
        self._child.wait()


@pytest.fixture
def hostile(tmp_path):
    fifo = tmp_path / "image.png"
    os.mkfifo(fifo)
    watch = FifoWatch(fifo)
    yield f"<img src={fifo}><b>x</b>", watch
    watch.stop()
    assert not watch.opened, "an image in a text was loaded: the text was read as markup"


def hostile_programme(text: str):
    programme = small_programme()
    programme.name = Texts.same(f"Week {text}")
    programme.venues["goethe"] = dataclasses.replace(programme.venues["goethe"],
                                                     name=Texts.same(f"Hall {text}"))
    programme.people["anna"] = Person("anna", f"Anna {text}")
    for uid, start, end in (("a@t", 10, 12), ("b@t", 11, 13)):  # a clash in the Goethe hall
        programme.events[uid] = event(uid, 4, start, end, title=Texts.same(f"Talk {text}"),
                                      speakers=("anna",))
    return programme


def make_window(qtbot, programme):
    create_application()
    window = MainWindow(programme, None, lang="en", remember=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.set_view("week")
    window.show()
    qtbot.waitExposed(window)
    return window


def answer_box(qtbot, button: QMessageBox.StandardButton, seen: list[QMessageBox]) -> None:
    """When the next modal message box is up: paint it, note it, press ``button``."""
    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        box.grab()  # lays the texts out and paints them, as a user would see them
        seen.append(box)
        box.button(button).click()
    QTimer.singleShot(0, look)


def shown_texts(box: QMessageBox) -> list[tuple[str, Qt.TextFormat]]:
    return [(label.text(), label.textFormat()) for label in box.findChildren(QLabel)
            if label.text()]


def assert_plain(box: QMessageBox, text: str) -> None:
    found = [(t, f) for t, f in shown_texts(box) if text in t]
    assert found, shown_texts(box)
    assert all(f == Qt.TextFormat.PlainText for _, f in found), found


def test_message_boxes_show_text_as_it_is(qtbot, hostile):
    text, _ = hostile
    window = make_window(qtbot, hostile_programme(text))
    seen: list[QMessageBox] = []

    answer_box(qtbot, QMessageBox.StandardButton.Ok, seen)
    window.show_error(f"talks.ics: event 'Talk {text}': no end")
    assert_plain(seen[-1], f"Talk {text}")

    window.document.mark_unsaved()
    answer_box(qtbot, QMessageBox.StandardButton.Cancel, seen)
    assert window.ask_unsaved() == QMessageBox.StandardButton.Cancel
    assert_plain(seen[-1], f"Week {text}")

    plan = ImportPlan(skipped=[ImportProblem("x", msg("{path}: {reason}", path="talks.ics",
                                                      reason=f"Talk {text}"))])
    # The import's report waits for no answer: a box beside the window.
    assert window._carry_out_import(plan) is True
    report = window.import_report
    assert isinstance(report, QMessageBox) and report.isVisible()
    report.grab()
    assert_plain(report, f"Talk {text}")
    report.close()

    found = Recoverable(Path("/nonexistent.programme"), f"Lost {text}",
                        datetime(2019, 4, 4, tzinfo=UTC), 3)
    import ui.recovery

    original = ui.recovery.pending
    ui.recovery.pending = lambda: [found]
    try:
        answer_box(qtbot, QMessageBox.StandardButton.Ignore, seen)
        window.offer_recovery()
    finally:
        ui.recovery.pending = original
    assert_plain(seen[-1], f"Lost {text}")
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore


def test_tooltips_and_labels_show_text_as_it_is(qtbot, hostile):
    text, _ = hostile
    escaped = plain_tooltip(f"Hall {text}")
    assert "&lt;img" in escaped and "<img" not in escaped
    window = make_window(qtbot, hostile_programme(text))
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore

    # The Find panel's venues and speakers.
    panel = window.my_programme.panel
    tips = [panel.venue_list.item(n).toolTip() for n in range(panel.venue_list.count())]
    assert plain_tooltip(f"Hall {text}") in tips
    tips = [panel.speaker_list.item(n).toolTip() for n in range(panel.speaker_list.count())]
    assert plain_tooltip(f"Anna {text}") in tips

    # The Clashes panel.
    clashes = window.clash_panel
    qtbot.waitUntil(lambda: clashes.index is not None and not clashes.checking, timeout=10000)
    model = clashes.model
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        assert "<img" not in tip.replace("<p style", "") and "&lt;img" in tip

    # The grid and the agenda.
    assert "&lt;img" in window.grid.tooltip_html("a@t")
    window.set_view("agenda")
    agenda = window.agenda.model
    tip = agenda.data(agenda.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tip and "<img" not in tip

    # Labels and the title bar: the window with its panels, painted.
    window.grab()
    assert f"Week {text}" in window.windowTitle()
    labels = [label for label in window.findChildren(QLabel) if text in label.text()]
    assert labels, "no label shows the programme's name"
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("&<>\"'ab \n\tж;#x27") | st.characters()))
def test_a_tooltip_escapes_what_html_escape_escapes(text):
    """plain_tooltip escapes without the html module (start-up does not load its entity
    table): exactly what html.escape does, and the text reads back unchanged."""
    import html

    tip = plain_tooltip(text)
    start = "<p style='white-space:pre-wrap; max-width: 420px'>"
    assert tip == start + html.escape(text) + "</p>"
    assert html.unescape(tip[len(start):-len("</p>")]) == text


def test_the_editor_and_entities_dialogs_show_text_as_it_is(qtbot, hostile):
    text, _ = hostile
    window = make_window(qtbot, hostile_programme(text))
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore
    from ui.dialogs.editor import EventEditor
    from ui.dialogs.entities import EntitiesDialog

    programme = window.document.programme
    editor = EventEditor(programme, programme.events["a@t"], lang="en", parent=window)
    qtbot.addWidget(editor)
    editor.show()
    editor.grab()
    for label in (editor.message_label, editor.repeat_note):
        assert label.textFormat() == Qt.TextFormat.PlainText
    dialog = EntitiesDialog(programme, lang="en", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab()
    for label in (dialog.message_label, dialog.notice_label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_the_releases_dock_shows_notes_and_changes_as_they_are(qapp, hostile):
    from planner.changes import Change
    from planner.releases import Release
    from ui.panels.releases import ChangesModel, ReleasesModel

    text, _ = hostile
    programme = hostile_programme(text)
    releases = ReleasesModel()
    releases.set_releases([Release(1, "v1", f"Note {text}", datetime(2019, 4, 1, tzinfo=UTC),
                                   2, "d")], programme)
    tip = releases.data(releases.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == plain_tooltip(f"Note {text}")
    changes = ChangesModel()
    sentence = f"“Talk {text}” moved"
    changes.set_changes([Change("a@t", "moved", None, None, None,
                                datetime(2019, 4, 4, tzinfo=UTC), Texts.same("Talk"), (), (),
                                {"de": sentence, "en": sentence, "ru": sentence})],
                        "en", programme)
    tip = changes.data(changes.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip == plain_tooltip(sentence)
