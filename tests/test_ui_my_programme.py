"""Find, stars, export and printing in the real window, driven as a delegate drives them:
typing in the search box, ticking boxes, Ctrl+D on a selection, menu actions (with the file
dialogs that would block answered by monkeypatch)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import icalendar
import pytest
from factories import event, small_programme
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QIcon, QImage, QKeyEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QFileDialog, QMessageBox
from test_print import page_count, pages_of, squash
from ui_helpers import block_point, click

import ui.printing as printing
from planner.model import Texts
from planner.store import ProgrammeStore
from ui.app import create_application
from ui.commands import put_command
from ui.dialogs.export import ExportDialog
from ui.main_window import MainWindow
from ui.panels.my_programme import DOCK_WIDTH, MyProgramme
from ui.views.agenda import TITLE, UID_ROLE

TITLES = {
    "talk@t": "Business talk",
    "film@t": "Film evening",
    "concert@t": "Concert",
    "fair@t": "Trade fair",
}


def delegate_programme():
    programme = small_programme()
    for item in (
        event("talk@t", 4, 10, 12, speakers=("anna",),
              title=Texts("Wirtschaftsvortrag", "Business talk", "Доклад об экономике")),
        event("film@t", 4, 11, 13, track="culture", venue="petri",
              title=Texts("Filmabend", "Film evening", "Кинопоказ")),
        event("concert@t", 5, 10, 12, track="culture", venue="goethe",
              title=Texts("Konzert", "Concert", "Концерт")),
        event("fair@t", 6, 12, 14, venue="petri",
              title=Texts("Messe", "Trade fair", "Ярмарка")),
    ):
        programme.events[item.uid] = item
    return programme


def make_window(qtbot, programme=None, store=None):
    create_application()
    window = MainWindow(programme or delegate_programme(), store, lang="en")
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    errors: list[str] = []
    window.show_error = errors.append  # type: ignore[method-assign]
    window.errors = errors  # type: ignore[attr-defined]
    window.set_view("week")
    # Shortcuts (Ctrl+D, Ctrl+F, Ctrl+P) only reach the active window.
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    # 09:00 at the top: every test event (10:00-14:00) is in view.
    window.grid.verticalScrollBar().setValue(round(9 * window.grid.hour_height))
    return window


@pytest.fixture
def window(qtbot):
    return make_window(qtbot)


def tools(window: MainWindow) -> MyProgramme:
    assert window.my_programme is not None
    return window.my_programme


def painted(window: MainWindow) -> set[str]:
    """The events the grid paints now (the blocks in view)."""
    return {block.uid for block, _rect in window.grid.visible_blocks()}


def agenda_rows(window: MainWindow) -> set[str]:
    window.set_view("agenda")
    assert window.agenda is not None
    return set(window.agenda.visible_uids_in_order())  # type: ignore[attr-defined]


def search(qtbot, window: MainWindow, text: str) -> None:
    edit = tools(window).panel.search_edit
    edit.clear()
    edit.setFocus()
    for char in text:
        # QTest.keyClicks only types Latin-1: Cyrillic goes in as the key events a
        # keyboard layout sends, with the character as the event's text.
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                   char))
    assert edit.text() == text
    QTest.keyClick(edit, Qt.Key.Key_Return)  # Enter applies without the typing delay


def test_search_hides_events_in_the_week_grid_and_the_agenda(qtbot, window):
    assert painted(window) == set(TITLES)
    search(qtbot, window, "film")
    assert painted(window) == {"film@t"}
    assert agenda_rows(window) == {"film@t"}
    assert tools(window).panel.count_label.text() == "1 of 4 events"

    window.set_view("venues")
    window.go_to_date(tools(window).panel.programme().first_day.replace(day=4))
    window.grid.verticalScrollBar().setValue(round(9 * window.grid.hour_height))
    assert painted(window) == {"film@t"}


def test_track_boxes_and_lists_narrow_every_view(qtbot, window):
    panel = tools(window).panel
    box = panel.track_boxes["culture"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert not box.isChecked()
    qtbot.waitUntil(lambda: painted(window) == {"talk@t", "fair@t"})
    # Speakers: ticking Anna leaves her talk only.
    item = panel.speaker_list.item(0)
    assert item.text() == "Anna Beispiel"
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: painted(window) == {"talk@t"})
    assert agenda_rows(window) == {"talk@t"}
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: agenda_rows(window) == set(TITLES))


def test_cyrillic_search_in_the_window(qtbot, window):
    search(qtbot, window, "ДОКЛАД")
    assert painted(window) == {"talk@t"}
    search(qtbot, window, "кинопоказ")
    assert painted(window) == {"film@t"}
    assert agenda_rows(window) == {"film@t"}


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    window.grid.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tools(window).panel.search_edit.hasFocus())


def test_the_filter_follows_edits(qtbot, window):
    search(qtbot, window, "film")
    new = event("film2@t", 5, 13, 14, track="culture", venue="petri",
                title=Texts("Zweiter Film", "Second film", "Второй фильм"))
    assert window.push(put_command(window.document, new, "add"))
    assert painted(window) == {"film@t", "film2@t"}
    renamed = dataclasses.replace(window.document.programme.events["film@t"],
                                  title=Texts("Lesung", "Reading", "Чтение"))
    assert window.push(put_command(window.document, renamed, "rename"))
    assert painted(window) == {"film2@t"}
    window.document.undo_stack.undo()
    assert painted(window) == {"film@t", "film2@t"}
    # Moved, still matching: shown at its new time (the filter itself is unchanged).
    film = window.document.programme.events["film@t"]
    hour = film.end - film.start
    moved = dataclasses.replace(film, start=film.start.replace(hour=13),
                                end=film.start.replace(hour=13) + hour)
    assert window.push(put_command(window.document, moved, "move"))
    assert painted(window) == {"film@t", "film2@t"}
    rect = window.grid.block_rect("film@t")
    assert rect is not None and abs(rect.top() - window.grid.time_to_y(moved.start)) < 2
    assert agenda_rows(window) == {"film@t", "film2@t"}


def test_the_filter_is_remembered_for_the_same_programme(qtbot, window):
    search(qtbot, window, "fair")
    assert painted(window) == {"fair@t"}
    window.close()
    again = make_window(qtbot)
    assert tools(again).panel.search_edit.text() == "fair"
    assert painted(again) == {"fair@t"}
    # Another programme starts unfiltered.
    other = delegate_programme()
    other.name = Texts.same("Another week")
    third = make_window(qtbot, other)
    assert tools(third).panel.search_edit.text() == ""
    assert painted(third) == set(TITLES)


def grab_block(window: MainWindow, uid: str) -> QImage:
    rect = window.grid.block_rect(uid)
    assert rect is not None
    return window.grid.viewport().grab(rect.toAlignedRect()).toImage()


def test_ctrl_d_stars_the_selection_and_the_stars_persist(qtbot, window):
    grid = window.grid
    before_talk, before_film = grab_block(window, "talk@t"), grab_block(window, "film@t")
    click(grid, block_point(grid, "talk@t"))
    assert grid.selected_uids() == ["talk@t"]
    grid.select_uids([])
    click(grid, block_point(grid, "talk@t"))
    QTest.keyClick(grid, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert tools(window).stars.starred() == {"talk@t"}
    assert tools(window).star_action.text() == "Unstar"
    grid.select_uids([])
    qtbot.wait(10)
    # The star is painted on the starred block only.
    assert grab_block(window, "talk@t") != before_talk
    assert grab_block(window, "film@t") == before_film

    window.close()
    again = make_window(qtbot)
    assert tools(again).stars.starred() == {"talk@t"}
    again.set_view("agenda")
    agenda = again.agenda
    assert agenda is not None
    icons = {}
    for row in range(agenda.proxy.rowCount()):  # type: ignore[attr-defined]
        index = agenda.proxy.index(row, TITLE)  # type: ignore[attr-defined]
        icons[index.data(UID_ROLE)] = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icons.pop("talk@t"), QIcon)
    assert set(icons.values()) == {None}


def test_ctrl_d_in_the_agenda_and_clashes_among_stars(qtbot, window):
    window.set_view("agenda")
    agenda = window.agenda
    assert agenda is not None
    agenda.select_uids(["talk@t", "film@t"])  # type: ignore[attr-defined]
    QTest.keyClick(agenda.table, Qt.Key.Key_D,  # type: ignore[attr-defined]
                   Qt.KeyboardModifier.ControlModifier)
    stars = tools(window).stars
    assert stars.starred() == {"talk@t", "film@t"}
    panel = tools(window).panel
    # The two overlap on the 4th: the panel names the clash, the agenda stars turn red.
    assert panel.clash_label.isVisibleTo(panel)
    assert "Business talk ↔ Film evening" in panel.clash_label.text() or \
        "Film evening ↔ Business talk" in panel.clash_label.text()
    assert tools(window).starred_clash_uids() == {"talk@t", "film@t"}
    model = agenda.model  # type: ignore[attr-defined]
    assert model._star_clashes == {"talk@t", "film@t"}
    # A click on the clash list selects the clashing events, in the agenda and the grid.
    agenda.select_uids([])  # type: ignore[attr-defined]
    qtbot.mouseClick(panel.clash_label, Qt.MouseButton.LeftButton)
    assert agenda.selected_uids() == ["talk@t", "film@t"]  # type: ignore[attr-defined]
    window.set_view("week")
    window.grid.select_uids([])
    window.grid.verticalScrollBar().setValue(0)
    qtbot.mouseClick(panel.clash_label, Qt.MouseButton.LeftButton)
    assert window.grid.selected_uids() == ["talk@t", "film@t"]
    assert painted(window) >= {"talk@t", "film@t"}
    window.set_view("agenda")
    # Ctrl+D again on both: unstarred.
    QTest.keyClick(agenda.table, Qt.Key.Key_D,  # type: ignore[attr-defined]
                   Qt.KeyboardModifier.ControlModifier)
    assert stars.starred() == frozenset()
    assert not panel.clash_label.isVisibleTo(panel)


def test_my_programme_shows_the_starred_events_only(qtbot, window):
    stars = tools(window).stars
    stars.set_starred({"concert@t", "fair@t"}, True)
    tools(window).mine_action.trigger()
    assert tools(window).panel.starred_box.isChecked()
    qtbot.waitUntil(lambda: painted(window) == {"concert@t", "fair@t"})
    assert agenda_rows(window) == {"concert@t", "fair@t"}
    # Unstarring one while the view shows stars only hides it.
    stars.set_starred({"fair@t"}, False)
    qtbot.waitUntil(lambda: agenda_rows(window) == {"concert@t"})
    tools(window).panel.starred_box.click()
    assert not tools(window).mine_action.isChecked()
    QTest.keyClick(window, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tools(window).panel.starred_box.isChecked()
    qtbot.waitUntil(lambda: agenda_rows(window) == {"concert@t"})
    tools(window).mine_action.trigger()
    qtbot.waitUntil(lambda: agenda_rows(window) == set(TITLES))


def test_stars_never_touch_the_programme_file(qtbot, tmp_path):
    path = tmp_path / "week.planner"
    ProgrammeStore.create(path, delegate_programme()).close()
    before = path.read_bytes()
    store = ProgrammeStore.open(path)
    window = make_window(qtbot, store.load(), store)
    click(window.grid, block_point(window.grid, "concert@t"))
    assert window.grid.selected_uids() == ["concert@t"]
    QTest.keyClick(window.grid, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert tools(window).stars.starred() == {"concert@t"}
    assert not window.document.is_modified
    window.close()
    assert path.read_bytes() == before
    assert "concert@t" in str(QSettings().value(tools(window).stars.settings_key))


def test_export_of_the_starred_events(qtbot, window, tmp_path):
    tools(window).stars.set_starred({"talk@t", "concert@t"}, True)
    window.export_action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.scope_buttons["filter"].isEnabled()  # no filter applied
    dialog.scope_buttons["starred"].click()
    assert dialog.count_label.text() == "2 events will be written"
    target = tmp_path / "mine.ics"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported) as written:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert written.args == [[target]]
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert {str(c["UID"]) for c in calendar.walk("VEVENT")} == {"talk@t", "concert@t"}


def test_export_offers_the_current_filter(qtbot, window, tmp_path):
    search(qtbot, window, "fair")
    dialog = tools(window).open_export()
    assert dialog.scope() == "filter"
    assert dialog.count_label.text() == "1 event will be written"
    target = tmp_path / "filtered.ics"
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert [str(c["UID"]) for c in calendar.walk("VEVENT")] == ["fair@t"]


def answer_save_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def test_export_pdf_from_the_window_holds_the_filtered_titles_only(
        qtbot, window, tmp_path, monkeypatch):
    panel = tools(window).panel
    panel.track_boxes["business"].click()
    qtbot.waitUntil(lambda: painted(window) == {"film@t", "concert@t"})
    target = tmp_path / "culture.pdf"
    answer_save_dialog(monkeypatch, target)
    file_menu = [a.text() for a in window.file_menu.actions()]
    assert "Export P&DF…" in file_menu and "&Print…" in file_menu
    tools(window).pdf_action.trigger()
    assert "2 events the filter shows" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: target.exists()
                    and window.statusBar().currentMessage().startswith("Wrote"), timeout=20000)
    text = squash("".join(pages_of(target)))
    assert squash("Film evening") in text and squash("Concert") in text
    assert squash("Business talk") not in text and squash("Trade fair") not in text
    assert window.errors == []  # type: ignore[attr-defined]


def test_door_sheets_pdf_has_one_page_per_venue_and_day(qtbot, window, tmp_path,
                                                          monkeypatch):
    target = tmp_path / "doors.pdf"
    answer_save_dialog(monkeypatch, target)
    tools(window).door_pdf_action.trigger()
    qtbot.waitUntil(lambda: target.exists()
                    and window.statusBar().currentMessage().startswith("Wrote"), timeout=20000)
    programme = window.document.programme
    venue_days = sorted({(e.venue, e.start.date()) for e in programme.events.values()})
    assert page_count(target) == len(venue_days) == 4
    pages = [squash(page) for page in pages_of(target)]
    for uid, title in TITLES.items():
        venue = programme.venues[programme.events[uid].venue].name.get("en")
        holding = [page for page in pages if squash(title) in page]
        assert len(holding) == 1, title
        assert squash(venue) in holding[0]


def test_print_and_preview_follow_the_filter(qtbot, window, tmp_path, monkeypatch):
    search(qtbot, window, "concert")
    target = tmp_path / "printed.pdf"

    class Dialog:
        def __init__(self, printer: QPrinter, parent: object = None) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> int:
            # What a user choosing "Print to file (PDF)" would set.
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(printing, "QPrintDialog", Dialog)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    # Printed on a worker: the window says so when it is done.
    qtbot.waitUntil(lambda: "Printed" in window.statusBar().currentMessage(), timeout=10000)
    assert window.statusBar().currentMessage() == f"Printed {len(pages_of(target))} pages"
    text = squash("".join(pages_of(target)))
    assert squash("Concert") in text and squash("Film evening") not in text

    window.my_programme.preview_action.trigger()  # type: ignore[union-attr]
    preview = window.findChild(QPrintPreviewDialog)
    assert preview is not None and preview.isVisible()
    preview.close()


def test_nothing_to_print_when_the_filter_hides_everything(qtbot, window, monkeypatch):
    search(qtbot, window, "no such event")
    assert painted(window) == set()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: pytest.fail("asked for a file with nothing to write")))
    assert tools(window).export_pdf() is None
    assert "nothing to print" in window.statusBar().currentMessage()


def test_another_programme_gets_its_own_stars_and_filter(qtbot, window):
    tools(window).stars.set_starred({"talk@t"}, True)
    search(qtbot, window, "talk")
    other = small_programme()
    other.name = Texts.same("Other week")
    other.events["x@t"] = event("x@t", 4, 10, 11, title=Texts.same("Talk elsewhere"))
    window.new_programme(other)
    assert tools(window).stars.starred() == frozenset()
    assert tools(window).panel.search_edit.text() == ""
    assert painted(window) == {"x@t"}


def test_the_docks_leave_the_week_grid_its_eight_days(qtbot, window):
    """At 1440×900 the panels share one column on the left; the week grid shows every day
    without a horizontal scroll bar."""
    qtbot.waitUntil(lambda: window.grid.width() > 0)
    find_dock = tools(window).dock
    assert find_dock.isVisible()
    assert window.dockWidgetArea(find_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert window.dockWidgetArea(window.calendar_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    clash_dock = window.findChild(QDockWidget, "clash_dock")
    if clash_dock is not None:
        assert clash_dock in window.tabifiedDockWidgets(find_dock)
    assert len(window.grid.days()) == 8
    assert window.grid.horizontalScrollBar().maximum() == 0
    assert window.grid.width() >= 1440 - 2 * DOCK_WIDTH


def test_search_text_is_worked_out_on_a_worker_once_the_window_has_painted(qtbot, monkeypatch):
    """The first keystroke in the search box need not normalise the whole programme (a
    second at festival scale): a worker has done it after the first frame, and again for
    a programme opened later."""
    import threading

    import planner.search as search_module

    search_module.clear_cache()
    threads: list[threading.Thread] = []
    prepare = search_module.prepare

    def watched(programme, progress=None):
        threads.append(threading.current_thread())
        return prepare(programme, progress)

    monkeypatch.setattr(search_module, "prepare", watched)
    window = make_window(qtbot)
    qtbot.waitUntil(lambda: tools(window).search_warm_up is not None
                    and tools(window).search_warm_up.done, timeout=5000)
    assert threads and threads[0] is not threading.main_thread()
    worked_out: list[object] = []  # search texts worked out on the GUI thread
    texts = search_module._texts

    def counted(values):
        if threading.current_thread() is threading.main_thread():
            worked_out.append(values)
        return texts(values)

    monkeypatch.setattr(search_module, "_texts", counted)
    search(qtbot, window, "talk")
    assert painted(window) and worked_out == []

    other = small_programme()
    other.name = Texts.same("Other week")  # another programme: no filter carried over
    other.events["x@t"] = event("x@t", 4, 10, 11, title=Texts.same("Talk elsewhere"))
    window.new_programme(other)
    qtbot.waitUntil(lambda: len(threads) == 2 and tools(window).search_warm_up.done,
                    timeout=5000)
    search(qtbot, window, "elsewhere")
    assert painted(window) == {"x@t"} and worked_out == []


def test_a_search_is_run_once_for_the_count_and_the_views(qtbot, window, monkeypatch):
    import ui.panels.find as panel_module
    import ui.panels.my_programme as my_module

    runs: list[str] = []
    for module in (panel_module, my_module):
        original = module.filter_events
        monkeypatch.setattr(module, "filter_events", lambda programme, flt, original=original,
                            name=module.__name__: runs.append(name) or original(programme, flt))
    search(qtbot, window, "film")
    assert painted(window) == {"film@t"}
    assert tools(window).panel.count_label.text() == "1 of 4 events"
    assert runs == ["ui.panels.find"]
