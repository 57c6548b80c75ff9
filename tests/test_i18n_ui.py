"""The window in German, English and Russian: labels, Qt's own texts, dates, the choice of
language, and the commands' --lang."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox, QDockWidget, QMessageBox, QToolButton

from planner.builtin import load_builtin
from ui import i18n
from ui.i18n import language

ROOT = Path(__file__).resolve().parent.parent
WEDNESDAY = date(2019, 4, 3)


def main_py(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def make_window(qtbot, lang):
    from ui.main_window import MainWindow

    window = MainWindow(load_builtin(), None, lang=lang, remember=False)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    return window


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def toolbar_texts(window) -> list[str]:
    return [action.text() for action in window.toolbar.actions() if action.text()]


@pytest.fixture
def english(qapp):
    with language("en"):
        yield


# -- the window in each language --------------------------------------------------------------

WINDOW = {
    "en": (["&File", "&Edit", "&View"], ["Open", "Save", "New Event", "Week Grid"],
           "Wednesday", "3 April 2019", "Cancel"),
    "de": (["&Datei", "&Bearbeiten", "&Ansicht"],
           ["Öffnen", "Speichern", "Neue Veranstaltung", "Wochenraster"],
           "Mittwoch", "3. April 2019", "Abbrechen"),
    "ru": (["&Файл", "&Правка", "&Вид"], ["Открыть", "Сохранить", "Новое мероприятие", "Неделя"],
           "среда", "3 апреля 2019 г.", "Отмена"),
}


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_the_window_speaks_the_language(qtbot, lang):
    menus, tools, weekday, long_date, cancel = WINDOW[lang]
    with language(lang):
        window = make_window(qtbot, lang)
        titles = menu_titles(window)
        assert titles[:3] == menus
        texts = [t.replace("&", "").rstrip("…").strip() for t in toolbar_texts(window)]
        for text in tools:
            assert text in texts
        # Dates: the grid's headings, the day chooser, the mini calendar.
        from ui.views.grid import _date_text, _weekday_name

        assert _weekday_name(WEDNESDAY) == weekday
        assert _date_text(WEDNESDAY).replace("\u202f", " ") == long_date
        combo = window.day_combo.itemText(0)
        assert weekday[:2].lower() in combo.lower() and "2019" in combo
        assert window.calendar.locale().name()[:2] == QLocale().name()[:2]
        assert window.calendar.locale().dayName(3) == weekday
        # Qt's own buttons come from qtbase's translations.
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") \
            == cancel
        # The programme's own texts follow too (content language = window language).
        assert window.windowTitle().startswith(load_builtin().name.get(lang))
        window.close()


def test_languages_render_differently(qtbot):
    grabs = {}
    for lang in ("en", "de", "ru"):
        with language(lang):
            window = make_window(qtbot, lang)
            window.show()
            qtbot.waitExposed(window)
            grabs[lang] = window.grab().toImage()
            window.close()
    assert grabs["en"] != grabs["de"] != grabs["ru"] != grabs["en"]


def test_plural_forms(qtbot):
    """"%n event(s)" reads "1 event" in English, and takes Russian's three forms."""
    from PySide6.QtCore import QCoreApplication

    def text(n: int) -> str:
        return QCoreApplication.translate("FilterPanel", "%1 of %n event(s)", None, n)

    with language("en"):
        assert (text(1), text(2)) == ("%1 of 1 event", "%1 of 2 events")
    with language("ru"):
        assert [text(n) for n in (1, 3, 5, 21)] == [
            "%1 из 1 мероприятия", "%1 из 3 мероприятий", "%1 из 5 мероприятий",
            "%1 из 21 мероприятия"]
    with language("de"):
        assert (text(1), text(7)) == ("%1 von 1 Veranstaltung", "%1 von 7 Veranstaltungen")


def test_panels_in_russian(qtbot):
    with language("ru"):
        window = make_window(qtbot, "ru")
        titles = [dock.windowTitle() for dock in window.findChildren(QDockWidget)]
        assert "Календарь" in titles
        assert any(title.startswith("Конфликты") for title in titles)
        assert all(title and title.isascii() is False for title in titles), titles
        window.close()


# -- choosing the language -------------------------------------------------------------------


def test_language_follows_the_system_unless_chosen(qapp):
    settings = QSettings()
    assert i18n.chosen_language(settings) is None
    assert i18n.ui_language(settings) == i18n.system_language()
    i18n.set_chosen_language("ru", settings)
    assert i18n.ui_language(settings) == "ru"
    i18n.set_chosen_language(None, settings)
    assert i18n.ui_language(settings) == i18n.system_language()
    settings.setValue(i18n.SETTINGS_KEY, "xx")  # a bad value: the system's language
    assert i18n.chosen_language(settings) is None


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "de_DE.UTF-8"}, "de"), ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANG": "fr_FR.UTF-8"}, "en"), ({"LANG": "C.UTF-8", "LANGUAGE": "ru"}, "ru"),
])
def test_system_language_from_the_locale(env, expected):
    code = ("from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
            "from ui.i18n import system_language; print(system_language())")
    full = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LANG")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env={**full, **env}, timeout=60)
    assert result.stdout.strip() == expected, result.stderr


def test_language_menu_keeps_the_choice(qtbot, monkeypatch, english):
    from ui_helpers import BoxAnswerer

    window = make_window(qtbot, "en")
    menu = window.language_menu
    assert [a.text() for a in menu.actions()] == [
        f"System ({i18n.NATIVE_NAMES[i18n.system_language()]})", "Deutsch", "English",
        "Русский"]
    assert menu.actions_by_lang[""].isChecked()
    restarted = []
    window.restart = lambda: restarted.append(1)
    with BoxAnswerer(qtbot, "Later") as boxes:
        menu.actions_by_lang["ru"].trigger()
    assert i18n.chosen_language() == "ru" and menu.actions_by_lang["ru"].isChecked()
    assert "Русский" in boxes.seen[-1] and restarted == []
    # A new window starts with the menu showing the choice.
    window.close()
    assert make_window(qtbot, "en").language_menu.actions_by_lang["ru"].isChecked()


def test_restart_now_starts_the_app_again_on_the_same_programme(qtbot, monkeypatch, tmp_path,
                                                                 english):
    """"Restart Now" closes the window (asking about unsaved work, letting go of the file
    and its lock) and starts main.py on the same file, where the new language applies."""
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication
    from ui_helpers import BoxAnswerer

    from planner.store import ProgrammeStore, save_new
    from ui.main_window import MAIN_SCRIPT, MainWindow

    path = tmp_path / "week.programme"
    save_new(path, load_builtin())
    started, quit_ = [], []
    monkeypatch.setattr(QProcess, "startDetached",
                        staticmethod(lambda program, args: started.append((program, args))))
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quit_.append(1)))
    store = ProgrammeStore.open(path)
    window = MainWindow(store.load(), store, lang="en", remember=False)
    qtbot.addWidget(window)
    window.show()
    with BoxAnswerer(qtbot, "Restart Now") as boxes:
        window.language_menu.actions_by_lang["de"].trigger()
    assert "Deutsch" in boxes.seen[0]
    assert started == [(sys.executable, [str(MAIN_SCRIPT), str(path)])] and quit_ == [1]
    assert not window.isVisible() and not path.with_name(path.name + ".lock").exists()
    assert MAIN_SCRIPT.name == "main.py" and MAIN_SCRIPT.exists()


def test_without_translations_the_window_is_english(qtbot, tmp_path, monkeypatch):
    """No .qm and no way to build them (no lrelease): English, no error."""
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    monkeypatch.setattr(i18n, "lrelease", lambda: None)
    with language("de"):
        window = make_window(qtbot, "de")
        assert menu_titles(window)[:3] == ["&File", "&Edit", "&View"]
        # Dates still follow the language's locale.
        from ui.views.grid import _date_text

        assert _date_text(WEDNESDAY) == "3. April 2019"
        window.close()


def test_restoring_the_language_after_a_with_block(qapp):
    from PySide6.QtCore import QCoreApplication

    before = QLocale().name()
    with language("ru"):
        assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
        assert QLocale().name() == "ru_RU"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QLocale().name() == before


# -- the commands' --lang ----------------------------------------------------------------------


def test_screenshot_in_each_language(tmp_path):
    images = {}
    for lang in ("en", "de", "ru"):
        path = tmp_path / f"{lang}.png"
        result = main_py("screenshot", "-o", str(path), "--lang", lang)
        assert result.returncode == 0, result.stderr
        images[lang] = QImage(str(path))
        assert not images[lang].isNull()
    assert images["en"] != images["de"] and images["de"] != images["ru"]


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.split())


@pytest.mark.parametrize("lang, heading, labels", [
    ("de", "Mittwoch, 3. April 2019", ["Seite 2 von", "Programm", "Alle Zeiten sind Ortszeit"]),
    ("ru", "среда, 3 апреля 2019 г.", ["Страница 2 из", "Программа", "Всё время указано местное"]),
    ("en", "Wednesday, 3 April 2019", ["Page 2 of", "Programme", "All times are local time"]),
])
def test_printed_weekdays_and_labels_in_the_language(tmp_path, lang, heading, labels):
    out = tmp_path / f"{lang}.pdf"
    result = main_py("print", "-o", str(out), "--lang", lang)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert heading in text
    for label in labels:
        assert label in text, label
    others = {"de": "Mittwoch", "ru": "среда", "en": "Wednesday"}
    for other, weekday in others.items():
        if other != lang:
            assert weekday not in text


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_toolbar_fits_at_the_default_size(qtbot, lang):
    """Longer German and Russian labels still fit: no toolbar action is pushed into the
    overflow menu at 1440 px."""
    with language(lang):
        window = make_window(qtbot, lang)
        window.show()
        qtbot.waitExposed(window)
        toolbar = window.toolbar
        hidden = [a.text() for a in toolbar.actions()
                  if a.text() and not toolbar.widgetForAction(a).isVisible()]
        assert hidden == []
        window.close()


def toolbar_overflow(window) -> list[str]:
    """The toolbar actions pushed into its overflow menu (hidden behind the » button)."""
    toolbar = window.toolbar
    return [a.iconText() for a in toolbar.actions() if not a.isSeparator()
            and not toolbar.widgetForAction(a).isVisible()]


def toolbar_layout(window) -> list[tuple[str, int, int]]:
    toolbar = window.toolbar
    return [(a.iconText(), toolbar.widgetForAction(a).x(), toolbar.widgetForAction(a).width())
            for a in toolbar.actions()]


def test_the_window_uses_the_font_it_ships():
    """Noto Sans from resources/fonts, not whatever sans-serif the machine has: the same
    text is as wide on every laptop (and in every test run)."""
    from PySide6.QtGui import QFontDatabase, QFontInfo
    from PySide6.QtWidgets import QApplication

    from ui.app import create_application
    from ui.fonts import FAMILY, FONTS, load_fonts

    app = create_application()
    assert FAMILY == "Noto Sans" and FAMILY in load_fonts()
    assert QFontInfo(QApplication.font()).family() == FAMILY
    # Each style comes from a file of ours (Qt would otherwise fake bold and italic).
    assert set(QFontDatabase.styles(FAMILY)) >= {"Regular", "Bold", "Italic", "Bold Italic"}
    assert (FONTS / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE Version 1.1") == 1
    assert app.font().pointSize() > 0  # the platform's size is kept


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_toolbar_fits_at_1024_pixels(qtbot, lang):
    """The smallest window (1024×700) still shows every toolbar button: the views, the
    day and its arrows, New Event, Undo and Redo, My Programme."""
    with language(lang):
        window = make_window(qtbot, lang)
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        assert window.width() == 1024
        assert toolbar_overflow(window) == []
        # Icons alone (named in their tooltips) only for what everyone knows by its icon.
        labelled = [a.iconText() for a in window.toolbar.actions()
                    if isinstance(window.toolbar.widgetForAction(a), QToolButton)
                    and a.priority() != a.Priority.LowPriority and a.iconText()]
        assert len(labelled) == 8, labelled  # Undo, Redo, New Event, 4 views, My Programme
        assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        # The Find panel scrolls down only: no sideways bar in the narrow window.
        from PySide6.QtWidgets import QScrollArea

        scroll = window.my_programme.panel.findChild(QScrollArea)
        assert scroll.verticalScrollBar().isVisible()
        assert not scroll.horizontalScrollBar().isVisible()
        window.close()


@pytest.mark.parametrize("lang, undo, redo, menu, verb", [
    ("en", "Undo", "Redo", "Undo Move", "Move “"),
    ("de", "Rückgängig", "Wiederholen", "Rückgängig: „", "“ verschieben"),
    ("ru", "Отменить", "Повторить", "Отменить: Сдвиг", "Сдвиг «"),
])
def test_undo_keeps_a_short_label_and_the_toolbar_its_layout(qtbot, lang, undo, redo, menu,
                                                              verb):
    """After an edit the Undo button still reads "Undo" (the step is named in its tooltip
    and in the Edit menu), so the toolbar does not reflow and push buttons out."""
    from PySide6.QtCore import QPoint
    from ui_helpers import block_point, drag, y_shift

    uid = "gw2019-kick-off-conference@german-week-2019.programme-planner"
    with language(lang):
        window = make_window(qtbot, lang)
        # Closing at the end must not wait for an answer about the unsaved move.
        window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        before = toolbar_layout(window)
        grid = window.grid
        event = window.document.programme.events[uid]
        grid.scroll_to_first_event()
        start = block_point(grid, uid)
        drag(grid, start, QPoint(start.x(), start.y() + y_shift(
            grid, event.start, event.start + timedelta(hours=1))))
        assert window.document.programme.events[uid].start == event.start + timedelta(hours=1)
        title = event.title.get(lang)
        assert window.undo_action.iconText() == undo and window.redo_action.iconText() == redo
        assert title[:12] in window.undo_action.toolTip()
        assert html.unescape(window.undo_action.toolTip()).count(title) == 1  # in full
        # The Edit menu names the step with the title shortened in its middle: the verb
        # stays, wherever the language puts it.
        menu_text = window.undo_action.text().replace("&", "")
        assert menu_text.startswith(menu) and verb in menu_text and "…" in menu_text
        assert len(menu_text) < len(title)
        assert toolbar_layout(window) == before
        assert toolbar_overflow(window) == []
        window.undo_action.trigger()
        assert window.document.programme.events[uid].start == event.start
        assert window.redo_action.text().replace("&", "").startswith(menu.replace(undo, redo))
        assert window.undo_action.text() == window.undo_action.text().split(" ")[0]
        assert toolbar_layout(window) == before
        window.close()


@pytest.mark.parametrize("lang, texts", [
    ("en", ("1 event · no file", "60 events, 67 sessions · no file")),
    ("de", ("1 Veranstaltung · keine Datei", "60 Veranstaltungen, 67 Termine · keine Datei")),
    ("ru", ("1 мероприятие · нет файла", "60 мероприятий, 67 проведений · нет файла")),
])
def test_status_bar_counts_events_in_the_language(qtbot, lang, texts):
    from ui.document import Document

    programme = load_builtin()
    with language(lang):
        window = make_window(qtbot, lang)
        assert window.status_label.text() == texts[1]
        one = programme.copy()
        for uid in list(one.events)[1:]:
            del one.events[uid]
        window.set_document(Document(one, None))
        assert window.status_label.text() == texts[0]
        window.close()


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_menu_accelerators_are_unique_in_each_menu(qtbot, lang):
    """Alt+letter picks one entry: the translations give no two entries of a menu the same
    accelerator."""
    import re

    def clashes(menu) -> list[list[str]]:
        keys: dict[str, list[str]] = {}
        found = []
        for action in menu.actions():
            match = re.search(r"&(\w)", action.text())
            if match:
                keys.setdefault(match.group(1).lower(), []).append(action.text())
            if action.menu() is not None:
                found += clashes(action.menu())
        return found + [texts for texts in keys.values() if len(texts) > 1]

    with language(lang):
        window = make_window(qtbot, lang)
        bar = window.menuBar()
        assert clashes(bar) == []
        for action in bar.actions():
            assert clashes(action.menu()) == []
        window.close()


def _alt_letters(menu, path, clashes):
    """Within one menu, the letter each entry's & gives it; repeats go to ``clashes``."""
    import re

    seen: dict[str, str] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.text():
            continue
        found = re.search(r"&(\w)", action.text())
        if found:
            letter = found.group(1).lower()
            if letter in seen:
                clashes.append(f"{' > '.join(path)}: {seen[letter]!r} and {action.text()!r}")
            seen[letter] = action.text()
        if action.menu() is not None:
            _alt_letters(action.menu(), [*path, action.text()], clashes)


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_no_menu_gives_two_entries_the_same_alt_letter(qtbot, lang):
    with language(lang):
        window = make_window(qtbot, lang)
        # Its actions (Print, Door Sheets, My Programme; Sync Now, Sync Settings, Sync
        # Conflicts) are in the menus too.
        assert window.my_programme is not None and window.sync_panel is not None
        clashes: list[str] = []
        _alt_letters(window.menuBar(), ["menu bar"], clashes)  # and every menu in it
        assert clashes == []
        window.close()


@pytest.mark.parametrize("lang, main, second", [
    ("en", "Moscow\nMSK", "Berlin\nCEST"),
    ("de", "Moskau\nUTC+3", "Berlin\nUTC+2"),
    ("ru", "Москва\nUTC+3", "Берлин\nUTC+2"),
])
def test_the_time_rulers_are_headed_in_the_window_language(qtbot, lang, main, second):
    """"Moscow MSK / Berlin CEST" above the rulers, in the window's language: the city as
    the language writes it, the zone's short name as its locale does."""
    from zoneinfo import ZoneInfo

    from ui.views.grid import _zone_label

    with language(lang):
        assert _zone_label(ZoneInfo("Europe/Moscow"), WEDNESDAY) == main
        assert _zone_label(ZoneInfo("Europe/Berlin"), WEDNESDAY) == second
        # A zone without a translated name keeps the key's place.
        assert _zone_label(ZoneInfo("Europe/Ulyanovsk"), WEDNESDAY).startswith("Ulyanovsk\n")
        window = make_window(qtbot, lang)
        menu = [a.text() for a in window.zone_actions.values()]
        assert second.split("\n")[0] + " (Europe/Berlin)" in menu
        window.close()


IMPORT = {
    "en": ("&Import…", ["ICS", "CSV", "schedule.xml", "schedule.json"]),
    "de": ("&Importieren …", ["ICS", "CSV", "schedule.xml", "schedule.json"]),
    "ru": ("&Импорт…", ["ICS", "CSV", "schedule.xml", "schedule.json"]),
}


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_import_names_every_kind_of_file_it_reads(qtbot, monkeypatch, lang):
    # File › Import reads calendars, spreadsheets and schedule files: its label does not
    # name two of them, its tip names all, and the file dialog offers each kind.
    from PySide6.QtWidgets import QFileDialog

    label, kinds = IMPORT[lang]
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: asked.append(a) or ([], "")))
    with language(lang):
        window = make_window(qtbot, lang)
        try:
            action = window.import_action
            assert action.text() == label
            for kind in kinds:
                assert kind in action.statusTip()
            action.trigger()
        finally:
            window.close()
    [(_parent, _title, _folder, filters)] = asked
    first, *others = filters.split(";;")
    for pattern in ("*.ics", "*.csv", "*.xml", "*.json"):
        assert pattern in first
    assert [f[f.index("("):] for f in others] == [
        "(*.ics)", "(*.csv)", "(*.xml *.json)", "(*)"]


@pytest.mark.parametrize("env, weekday, month", [
    # LANGUAGE names the language, LANG=C.UTF-8 says nothing about dates: Qt's system locale
    # then takes its name from LANGUAGE but writes dates as C does ("Monday").
    ({"LANG": "C.UTF-8", "LANGUAGE": "ru"}, "понедельник", "апреля"),
    ({"LANG": "C.UTF-8", "LANGUAGE": "de"}, "Montag", "April"),
    ({"LANG": "ru_RU.UTF-8"}, "понедельник", "апреля"),
])
def test_dates_are_in_the_language_the_system_names(env, weekday, month):
    code = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from datetime import date; from PySide6.QtCore import QLocale; "
            "from ui.i18n import apply_language, long_date, system_language; "
            "apply_language(system_language()); "
            "print(QLocale().dayName(1)); print(long_date(date(2019, 4, 3)))")
    full = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LANG")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env={**full, **env, "QT_QPA_PLATFORM": "offscreen"},
                            timeout=60)
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0] == weekday
    assert month in lines[1], lines[1]
