"""The window's own font, shipped in resources/fonts/ (Noto Sans: Latin and Cyrillic).

A desktop's fonts differ from one computer to the next (DejaVu Sans on one, Liberation Sans
or Segoe UI on another), and with them every text's width: a toolbar that fits on one
laptop overflows on the next, and a test that measures the window passes or fails with the
fonts of the machine it runs on. The window therefore uses the font it brings along, at the
size the platform chose (a user who set a larger font keeps it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FAMILY = "Noto Sans"
FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
         "NotoSans-BoldItalic.ttf")

_loaded: list[str] | None = None


def load_fonts() -> list[str]:
    """Register the shipped font files with Qt (once per process); returns the families
    they hold. A missing or broken file is left out: Qt then falls back to the system's
    fonts."""
    global _loaded
    if _loaded is None:
        families: set[str] = set()
        for name in FILES:
            ident = QFontDatabase.addApplicationFont(str(FONTS / name))
            if ident >= 0:
                families.update(QFontDatabase.applicationFontFamilies(ident))
        _loaded = sorted(families)
    return _loaded


def install_font(app: QGuiApplication) -> bool:
    """Make the shipped family the application's font, keeping the platform's size; True
    when it is in use."""
    if FAMILY not in load_fonts():
        return False
    font = QFont(app.font())
    # Hinted in height only: full hinting (fontconfig's default when a desktop sets
    # none) rounds every glyph's advance to whole pixels, and "Veröffentlichungen" is
    # then 106 px wide on one machine and 108 on the next. Unhinted widths are the
    # font's own, the same everywhere; the text stays crisp vertically.
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    if font.family() != FAMILY or font != app.font():
        font.setFamilies([FAMILY])
        app.setFont(font)
    return True
