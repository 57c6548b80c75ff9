"""The window's language: Qt translators, the locale that formats dates, the user's choice.

Translations are Qt Linguist sources, ``resources/translations/programme_planner_<lang>.ts``
(one per language, every ui/ context in it), compiled to ``.qm`` by ``pyside6-lrelease``.
The ``.qm`` files are not committed: :func:`build_translations` compiles any that are missing
or older than their ``.ts`` (the project's set-up, the tests and the first start of the app
all go through it), and without them the window is simply English. Qt's own dialogs (file
dialogs, message box buttons) are translated by the ``qtbase_<lang>.qm`` that PySide6 ships.

The language is the system's (``QLocale.system()``) unless the user chose one under
View > Language (kept in QSettings) or a command was given ``--lang``. Choosing one sets the
default QLocale too, so that every date and weekday the window writes follows it.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from planner.i18n import system_language as _environment_language
from planner.model import LANGS, Lang

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CATALOGUE = "programme_planner"
SETTINGS_KEY = "ui/language"
# The locale that writes each language's dates as the event's own country would; a
# system locale of the same language (en_US, de_AT) is kept instead.
LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_GB", "ru": "ru_RU"}
# Each language's name in itself, as language menus show them.
NATIVE_NAMES: dict[str, str] = {"de": "Deutsch", "en": "English", "ru": "Русский"}

_installed: list[QTranslator] = []
_current: Lang | None = None


# -- building the .qm files -------------------------------------------------------------------


def lrelease() -> Path | None:
    """pyside6-lrelease: next to the running Python (a virtual environment's bin/ or
    Scripts\\), else on PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        candidate = here / name
        if candidate.exists():
            return candidate
    from shutil import which

    found = which("pyside6-lrelease")
    return Path(found) if found else None


def stale_translations(folder: Path | None = None) -> list[Path]:
    """The .ts files whose .qm is missing or older than them."""
    folder = folder or TRANSLATIONS
    stale = []
    for source in sorted(folder.glob("*.ts")):
        built = source.with_suffix(".qm")
        if not built.exists() or built.stat().st_mtime < source.stat().st_mtime:
            stale.append(source)
    return stale


def build_translations(folder: Path | None = None, *, force: bool = False) -> list[Path]:
    """Compile ``folder``'s .ts files to .qm where needed (all of them with ``force``);
    returns the .qm files written. A missing lrelease or an unwritable folder is logged, not
    raised: the window then shows English."""
    folder = folder or TRANSLATIONS
    sources = sorted(folder.glob("*.ts")) if force else stale_translations(folder)
    if not sources:
        return []
    tool = lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: the window stays in English")
        return []
    import subprocess  # only when a .qm is missing or stale: not at every start

    written = []
    for source in sources:
        target = source.with_suffix(".qm")
        try:
            done = subprocess.run(
                [str(tool), "-silent", str(source), "-qm", str(target)],
                capture_output=True, text=True, timeout=120, check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("%s: cannot compile (%s)", source, exc)
            continue
        if done.returncode != 0 or not target.exists():
            log.warning("%s: lrelease failed: %s", source,
                        (done.stderr or done.stdout).strip().splitlines()[:1])
            continue
        # lrelease may keep an older mtime on a file it found unchanged: mark it as built.
        os.utime(target)
        written.append(target)
    return written


# -- the language ----------------------------------------------------------------------------


def system_language() -> Lang:
    """The system's language if it is one of ours, else English."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.C:
        # No locale configured (LANG=C): the environment's LANGUAGE may still say one.
        return cast(Lang, _environment_language())
    code = locale.name()[:2].lower()
    return cast(Lang, code) if code in LANGS else "en"


def chosen_language(settings: QSettings | None = None) -> Lang | None:
    """The language chosen under View > Language; None for the system's."""
    value = str((settings or QSettings()).value(SETTINGS_KEY, "") or "")
    return cast(Lang, value) if value in LANGS else None


def set_chosen_language(lang: Lang | None, settings: QSettings | None = None) -> None:
    (settings or QSettings()).setValue(SETTINGS_KEY, lang or "")


def ui_language(settings: QSettings | None = None) -> Lang:
    """The language the window starts in: the user's choice, else the system's."""
    return chosen_language(settings) or system_language()


def current_language() -> Lang | None:
    """The language last applied with :func:`apply_language` (None: none yet)."""
    return _current


def zone_city(key: str) -> str:
    """The place an IANA zone is named after, in the window's language ("Moskau" for
    Europe/Moscow in German); for a zone without a translation here, the place as the key
    spells it ("Europe/Ulyanovsk": "Ulyanovsk")."""
    translate = QCoreApplication.translate
    # The zones the window offers (the programme's, the second rulers of View > Second
    # Time Zone) and those of the delegates a programme like ours expects.
    cities = {
        "Europe/Moscow": translate("zones", "Moscow"),
        "Europe/Berlin": translate("zones", "Berlin"),
        "Europe/London": translate("zones", "London"),
        "Europe/Vienna": translate("zones", "Vienna"),
        "Europe/Zurich": translate("zones", "Zurich"),
        "Europe/Paris": translate("zones", "Paris"),
        "Europe/Warsaw": translate("zones", "Warsaw"),
        "Europe/Kaliningrad": translate("zones", "Kaliningrad"),
        "Asia/Yekaterinburg": translate("zones", "Yekaterinburg"),
        "America/New_York": translate("zones", "New York"),
        "Asia/Tokyo": translate("zones", "Tokyo"),
        "UTC": "UTC",
    }
    return cities.get(key) or key.rsplit("/", 1)[-1].replace("_", " ")


def zone_abbreviation(key: str, day: date) -> str:
    """The zone's short name on ``day`` for the window's language: the abbreviation English
    writes ("MSK", "CEST"), elsewhere the offset, which reads the same in every language
    ("UTC+3"). (Qt's localised names would load ICU's zone data: 40 ms at start-up.)"""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    try:
        noon = datetime.combine(day, time(12), ZoneInfo(key))
    except (ValueError, OSError):
        return key
    name = noon.tzname() or ""
    if (current_language() or "en") == "en" and name.isalpha():
        return name
    offset = noon.utcoffset()
    minutes = round(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "") if minutes else "UTC"


def error_text(error: object, lang: str) -> str:
    """What went wrong, in ``lang``: a planner error's message rendered in the language
    (never ``str(exc)``, which is English), a file system error as the file and the
    reason, anything else as its first line."""
    from planner.i18n import Message, render

    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    text = render(error, lang)
    if isinstance(error, (str, Message)) or isinstance(getattr(error, "message", None),
                                                       Message):
        return text
    return text.splitlines()[0] if text.strip() else type(error).__name__


def numerus(translated: str, n: int) -> str:
    """English plural forms for a ``tr("%n thing(s)", "", n)`` text with no translation
    loaded: Qt only picks numerus forms from a .qm, so the source text would keep its
    "(s)". A translated text has no "(s)" and passes unchanged."""
    return translated.replace("(es)", "" if n == 1 else "es").replace(
        "(s)", "" if n == 1 else "s")


def locale_for(lang: str) -> QLocale:
    """The QLocale that writes dates and times in ``lang``."""
    system = QLocale.system()
    if system.name()[:2].lower() == lang:
        # The system's own settings (a user's date formats) where they write this language.
        # On Unix, Qt names the system locale after LANGUAGE but writes dates as LC_TIME or
        # LANG says: LANGUAGE=ru with LANG=C.UTF-8 is "ru_RU" writing "Monday". Then the
        # language's own locale of that name.
        named = QLocale(system.name())
        if (system.dayName(1), system.monthName(4)) == (named.dayName(1), named.monthName(4)):
            return system
        return named
    return QLocale(LOCALES.get(lang, lang))


# -- dates -----------------------------------------------------------------------------------
# Formats are derived from the locale's own long date format, so that each language writes
# its dates its way: "3. April 2019", "3 апреля 2019 г.", "3 April 2019".


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_format(locale: QLocale | None = None, *, year: bool = True,
                short_month: bool = False) -> str:
    """The locale's long date format without its weekday (and without the year, or with
    abbreviated months, on request): "d. MMMM yyyy", "d MMM"."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    fmt = re.sub(r"d{4}[^dMy']*", "", fmt, count=1).strip()
    if not year:
        fmt = re.sub(r"[\s,\u202f]*y+[\s\u202f]*('[^']*')?\.?", "", fmt).strip()
    if short_month:
        fmt = fmt.replace("MMMM", "MMM")
    return fmt


def long_date(day: date, locale: QLocale | None = None) -> str:
    """"3. April 2019", "3 апреля 2019 г.", "3 April 2019"."""
    locale = locale or QLocale()
    return locale.toString(_qdate(day), date_format(locale))


def medium_date(day: date, locale: QLocale | None = None) -> str:
    """"3. Apr. 2019", "3 апр. 2019 г.", "3 Apr 2019"."""
    locale = locale or QLocale()
    return locale.toString(_qdate(day), date_format(locale, short_month=True))


def day_month(day: date, locale: QLocale | None = None, *, weekday: str = "",
              short_month: bool = False) -> str:
    """The day and month, after the weekday in ``weekday`` format ("ddd", "dddd"):
    "Mi. 3. Apr.", "среда, 3 апреля", "Wed 3 Apr"."""
    locale = locale or QLocale()
    fmt = date_format(locale, year=False, short_month=short_month)
    if weekday:
        fmt = f"{weekday}, {fmt}" if len(weekday) == 4 else f"{weekday} {fmt}"
    return locale.toString(_qdate(day), fmt)


def day_heading(day: date, locale: QLocale | None = None) -> str:
    """The weekday and date as the language writes it: "Mittwoch, 3. April 2019",
    "среда, 3 апреля 2019 г.", "Wednesday, 3 April 2019"."""
    return (locale or QLocale()).toString(_qdate(day), QLocale.FormatType.LongFormat)


def install_translations(lang: str, app: QCoreApplication | None = None, *,
                         folder: Path | None = None) -> list[QTranslator]:
    """Install the translators of ``lang`` into the application: ours (every
    ``*_<lang>.qm`` in ``folder``, built first when stale) and Qt's own
    ``qtbase_<lang>.qm``. Returns them; the caller keeps them alive while they are in use
    and removes them with :func:`remove_translations`."""
    app = app or QCoreApplication.instance()
    installed: list[QTranslator] = []
    if app is None:
        return installed
    folder = folder or TRANSLATIONS
    build_translations(folder)
    files = [str(path) for path in sorted(folder.glob(f"*_{lang}.qm"))]
    if lang != "en":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files.insert(0, str(Path(qt_folder) / f"qtbase_{lang}.qm"))
    for path in files:
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translations(translators: list[QTranslator]) -> None:
    app = QCoreApplication.instance()
    for translator in translators:
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()
    translators.clear()


def apply_language(lang: Lang) -> None:
    """Make ``lang`` the application's language: its translators replace the previous
    ones, and the default QLocale (dates, weekdays, numbers) becomes its locale. Windows
    made afterwards come up in it."""
    global _current
    remove_translations(_installed)
    _installed.extend(install_translations(lang))
    QLocale.setDefault(locale_for(lang))
    _current = lang


@contextmanager
def language(lang: Lang) -> Iterator[None]:
    """``lang`` applied for the time of a ``with`` block (a screenshot, a printout), and
    the previous language (or the system's) afterwards."""
    before = _current
    apply_language(lang)
    try:
        yield
    finally:
        if before is not None:
            apply_language(before)
        else:
            _reset()


def _reset() -> None:
    """Back to no language applied: no translators, the system's locale."""
    global _current
    remove_translations(_installed)
    QLocale.setDefault(QLocale.system())
    _current = None


# -- the menu --------------------------------------------------------------------------------


class LanguageMenu(QMenu):
    """View > Language: System, Deutsch, English, Русский. The choice is kept in QSettings
    and takes effect at the next start (the window writes its texts as it builds itself),
    which "Restart Now" makes at once, on the same programme."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("language_menu")
        self.group = QActionGroup(self)
        self.actions_by_lang: dict[str, QAction] = {}
        chosen = chosen_language()
        system = self.tr("System (%1)").replace("%1", NATIVE_NAMES[system_language()])
        for code, text in (("", system), *NATIVE_NAMES.items()):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(code == (chosen or ""))
            action.setData(code)
            action.triggered.connect(lambda _c=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.addAction(action)
            self.actions_by_lang[code] = action

    def choose(self, code: str) -> None:
        before = ui_language()
        set_chosen_language(cast(Lang, code) if code in LANGS else None)
        after = ui_language()
        if after == before:
            return
        from PySide6.QtWidgets import QMessageBox  # not at start-up: few ever see it

        # The window writes its texts as it builds itself: a new language takes a new
        # start, which the user can have now, on the same programme.
        window = self.parentWidget()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Language"),
                          self.tr("Programme Planner will be in %1 when it starts again.")
                          .replace("%1", NATIVE_NAMES[after]),
                          QMessageBox.StandardButton.NoButton, window)
        box.setObjectName("language_box")
        now = box.addButton(self.tr("&Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        box.exec()
        restart = getattr(window, "restart", None)
        if box.clickedButton() is now and restart is not None:
            restart()


def language_menu(parent: QObject) -> LanguageMenu:
    """The Language menu for ``parent`` (the main window)."""
    assert isinstance(parent, QWidget)
    return LanguageMenu(parent)
