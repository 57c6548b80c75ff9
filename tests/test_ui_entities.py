"""The tracks, venues and people dialog: editing cells, colours, adding and removing rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QColorDialog, QDialog, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from planner.model import Person, Programme, Texts, Track, Venue
from tests.factories import event, small_programme
from ui.dialogs.entities import EntitiesDialog, EntityTable
from ui.widgets import MISSING_COLOUR, ColourButton


def programme_with_events() -> Programme:
    programme = small_programme()
    programme.people["boris"] = Person("boris", "Boris Muster")
    for n, uid in enumerate(["opening@t", "talk@t"]):
        programme.events[uid] = event(uid, 4 + n, 10, 11, venue="goethe", speakers=("anna",),
                                      title=Texts.same(f"Event {n}"))
    return programme


def open_dialog(qtbot: QtBot, programme: Programme) -> EntitiesDialog:
    dialog = EntitiesDialog(programme, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot: QtBot, tab: EntityTable, row: int, key: str, text: str) -> None:
    """Edit one cell as a user does: open its editor, type over the text, press Enter."""
    table: QTableWidget = tab.table
    item = table.item(row, tab.column(key))
    table.setFocus()
    table.scrollToItem(item)  # the editor shows only where the cell is in view
    table.setCurrentItem(item)
    table.editItem(item)
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        QTest.keyClick(editor, Qt.Key.Key_Delete)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on a queued call.
    qtbot.waitUntil(lambda: table.item(row, tab.column(key)).text() == text)


def row_of(tab: EntityTable, entity_id: str) -> int:
    return next(r for r in range(tab.table.rowCount()) if tab.text(r, "id") == entity_id)


def select_row(qtbot: QtBot, tab: EntityTable, row: int) -> None:
    rect = tab.table.visualItemRect(tab.table.item(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_shows_the_programme_unchanged(qtbot: QtBot) -> None:
    programme = programme_with_events()
    dialog = open_dialog(qtbot, programme)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.result() == (programme.tracks, programme.venues, programme.people)


def test_add_and_edit_a_venue(qtbot: QtBot) -> None:
    programme = programme_with_events()
    dialog = open_dialog(qtbot, programme)
    venues = dialog.venues
    qtbot.mouseClick(venues.add_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentWidget() is venues
    row = venues.table.rowCount() - 1
    assert not dialog.ok_button.isEnabled(), "a blank venue is not valid"

    type_into(qtbot, venues, row, "id", "mariinsky")
    assert "no name" in dialog.message_label.text()
    type_into(qtbot, venues, row, "en", "Mariinsky Theatre")
    # The names still missing are marked amber.
    missing = venues.table.item(row, venues.column("ru")).background().color()
    named = venues.table.item(row, venues.column("en")).background()
    assert missing == QColor(MISSING_COLOUR) and named.style() == Qt.BrushStyle.NoBrush
    type_into(qtbot, venues, row, "address", "Teatralnaya Ploshchad 1")
    type_into(qtbot, venues, row, "lat", "59,9257")
    assert not dialog.ok_button.isEnabled()
    assert "latitude and longitude" in dialog.message_label.text()
    type_into(qtbot, venues, row, "lon", "30.2962")
    type_into(qtbot, venues, row, "capacity", "many")
    assert "not a number" in dialog.message_label.text()
    assert venues.table.item(row, venues.column("capacity")).background().color() != QColor()
    type_into(qtbot, venues, row, "capacity", "1600")
    assert dialog.ok_button.isEnabled(), dialog.error_text()

    # Editing an existing venue's name.
    type_into(qtbot, venues, row_of(venues, "petri"), "de", "Petrikirche St. Petersburg")
    dialog.ok_button.click()
    assert QDialog.result(dialog) == QDialog.DialogCode.Accepted
    tracks, new_venues, people = dialog.result()
    assert new_venues["mariinsky"] == Venue(
        "mariinsky", Texts("", "Mariinsky Theatre", ""), "Teatralnaya Ploshchad 1",
        59.9257, 30.2962, 1600,
    )
    assert new_venues["petri"].name.de == "Petrikirche St. Petersburg"
    assert new_venues["petri"].address == programme.venues["petri"].address
    assert tracks == programme.tracks and people == programme.people
    assert "mariinsky" not in programme.venues, "the dialog never changes the programme"


def test_add_and_edit_a_track_with_its_colour(qtbot: QtBot,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    programme = programme_with_events()
    dialog = open_dialog(qtbot, programme)
    tracks = dialog.tracks
    qtbot.mouseClick(tracks.add_button, Qt.MouseButton.LeftButton)
    row = tracks.table.rowCount() - 1
    type_into(qtbot, tracks, row, "id", "science")
    type_into(qtbot, tracks, row, "de", "Wissenschaft")
    type_into(qtbot, tracks, row, "ru", "Nauka")
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a: QColor("#2e8b57")))
    button = tracks.table.cellWidget(row, tracks.column("colour"))
    assert isinstance(button, ColourButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "#2e8b57"

    type_into(qtbot, tracks, row_of(tracks, "culture"), "en", "Arts")
    assert dialog.ok_button.isEnabled(), dialog.error_text()
    dialog.ok_button.click()
    new_tracks = dialog.result()[0]
    assert new_tracks["science"] == Track("science", Texts("Wissenschaft", "", "Nauka"),
                                          "#2e8b57")
    assert new_tracks["culture"].name == Texts("Kultur", "Arts", "Культура")
    assert list(new_tracks) == ["business", "culture", "science"]


def test_a_duplicate_or_bad_id_is_refused(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, programme_with_events())
    people = dialog.people
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    row = people.table.rowCount() - 1
    type_into(qtbot, people, row, "name", "Anna Zwei")
    type_into(qtbot, people, row, "id", "anna")
    assert not dialog.ok_button.isEnabled()
    assert "used twice" in dialog.message_label.text()
    type_into(qtbot, people, row, "id", "anna two")
    assert "not a valid id" in dialog.message_label.text()
    type_into(qtbot, people, row, "id", "anna-2")
    assert dialog.ok_button.isEnabled()
    # Existing ids are fixed: events refer to them.
    existing = people.table.item(row_of(people, "anna"), people.column("id"))
    assert not existing.flags() & Qt.ItemFlag.ItemIsEditable


def test_removing_a_used_venue_is_refused_naming_the_events(qtbot: QtBot) -> None:
    programme = programme_with_events()
    dialog = open_dialog(qtbot, programme)
    dialog.tabs.setCurrentWidget(dialog.venues)
    venues = dialog.venues
    select_row(qtbot, venues, row_of(venues, "goethe"))
    qtbot.mouseClick(venues.remove_button, Qt.MouseButton.LeftButton)
    notice = dialog.notice_label.text()
    assert dialog.notice_label.isVisible()
    assert "goethe" in notice and "2 event" in notice
    assert "Event 0" in notice and "Event 1" in notice
    assert "opening@t" in dialog.notice_label.toolTip()
    assert row_of(venues, "goethe") >= 0

    # An unused venue goes.
    select_row(qtbot, venues, row_of(venues, "petri"))
    qtbot.mouseClick(venues.remove_button, Qt.MouseButton.LeftButton)
    assert not dialog.notice_label.isVisible()
    dialog.ok_button.click()
    assert set(dialog.result()[1]) == {"goethe"}


def test_removing_a_speaker_in_use_is_refused_and_an_unused_person_goes(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, programme_with_events())
    people = dialog.people
    dialog.tabs.setCurrentWidget(people)
    select_row(qtbot, people, row_of(people, "anna"))
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    assert "anna" in dialog.notice_label.text()
    select_row(qtbot, people, row_of(people, "boris"))
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    dialog.ok_button.click()
    assert set(dialog.result()[2]) == {"anna"}


def test_a_used_track_cannot_be_removed(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, programme_with_events())
    tracks = dialog.tracks
    assert not dialog.remove_rows(tracks, [row_of(tracks, "business")])
    assert "business" in dialog.notice_label.text()
    assert dialog.remove_rows(tracks, [row_of(tracks, "culture")])
    assert set(dialog.result()[0]) == {"business"}


def test_the_dialog_remembers_its_size(qtbot: QtBot) -> None:
    """(The shared CheckedDialog, as the event editor.) Its default size, 1180 x 600, is
    kept within the screen (Qt's offscreen screen is 800 x 800)."""
    from ui.screens import SCREEN_MARGIN

    programme = small_programme()
    first = EntitiesDialog(programme, lang="en")
    qtbot.addWidget(first)
    screen = first.screen().availableGeometry()
    assert first.width() == min(1180, screen.width() - SCREEN_MARGIN[0])  # its default
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 450)
    first.reject()
    second = EntitiesDialog(programme, lang="en")
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 450)
    second.reject()


def test_availability_is_typed_into_a_person_and_a_venue(qtbot: QtBot) -> None:
    from planner.model import TimeWindow
    from tests.factories import at

    programme = programme_with_events()
    programme.venues["petri"] = Venue("petri", Texts.same("Petrikirche"), availability=(
        TimeWindow(at(5, 18), at(5, 22)),))
    dialog = open_dialog(qtbot, programme)
    venues, people = dialog.venues, dialog.people
    assert venues.text(row_of(venues, "petri"), "available") == "2019-04-05 18:00–22:00"
    row = row_of(people, "anna")
    dialog.tabs.setCurrentWidget(people)
    type_into(qtbot, people, row, "available", "2019-04-04 09:00-18:00; 2019-04-05 09:00-13:00")
    type_into(qtbot, people, row, "blocked", "2019-04-04 12:00-13:00")
    assert dialog.ok_button.isEnabled()
    _tracks, _venues, new_people = dialog.result()
    assert new_people["anna"].availability == (
        TimeWindow(at(4, 9), at(4, 18)), TimeWindow(at(5, 9), at(5, 13)),
        TimeWindow(at(4, 12), at(4, 13), "blocked"))
    # A span that cannot be read marks its cell and holds OK back.
    type_into(qtbot, people, row, "blocked", "tomorrow morning")
    assert not dialog.ok_button.isEnabled()
    assert "'tomorrow morning' is not a time span" in dialog.message_label.text()
    type_into(qtbot, people, row, "blocked", "")
    dialog.tabs.setCurrentWidget(venues)
    type_into(qtbot, venues, row_of(venues, "petri"), "available", "")
    assert dialog.result()[1]["petri"].availability == ()
