"""The window's standard icons, looked up without the style (ui.icons.standard_icon), are the
style's own, pixel for pixel, at the sizes and in the modes toolbars and menus draw them:
with Qt's own images, and with a desktop icon theme that has icons of those names."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from ui.app import create_application
from ui.icons import STANDARD_ICONS, standard_icon, style_icon

SIZES = (16, 20, 22, 24, 32, 48, 64)
MODES = (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Active, QIcon.Mode.Selected)


def _images(icon: QIcon) -> list[QImage]:
    return [icon.pixmap(QSize(size, size), 1.0, mode).toImage()
            for size in SIZES for mode in MODES]


def _assert_same_as_style() -> None:
    for name in STANDARD_ICONS:
        ours, style = standard_icon(name), style_icon(name)
        assert not ours.isNull(), name
        for mine, theirs in zip(_images(ours), _images(style), strict=True):
            assert not mine.isNull(), name
            assert mine == theirs, (name, mine.size())


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="asks the style itself there")
def test_standard_icons_are_the_styles_own_images():
    create_application()
    assert QIcon.themeName() == ""
    _assert_same_as_style()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="asks the style itself there")
def test_standard_icons_follow_the_desktops_icon_theme(tmp_path):
    create_application()
    theme = tmp_path / "icons" / "planner-test"
    (theme / "16x16" / "actions").mkdir(parents=True)
    (theme / "index.theme").write_text(
        "[Icon Theme]\nName=planner-test\nDirectories=16x16/actions\n\n"
        "[16x16/actions]\nSize=16\nType=Fixed\n", encoding="utf-8")
    # Each name gets a colour of its own: a wrong name would show another icon or Qt's.
    for n, (_pixmap, name, _image) in enumerate(STANDARD_ICONS.values()):
        image = QImage(16, 16, QImage.Format.Format_ARGB32)
        image.fill(QColor.fromHsv(n * 36, 200, 200))
        assert image.save(str(theme / "16x16" / "actions" / f"{name}.png"))
    paths, name = QIcon.themeSearchPaths(), QIcon.themeName()
    QIcon.setThemeSearchPaths([str(tmp_path / "icons")])
    QIcon.setThemeName("planner-test")
    try:
        for n, key in enumerate(STANDARD_ICONS):
            pixel = standard_icon(key).pixmap(16).toImage().pixelColor(8, 8)
            assert pixel.rgb() == QColor.fromHsv(n * 36, 200, 200).rgb(), key
        _assert_same_as_style()
    finally:
        QIcon.setThemeName(name)
        QIcon.setThemeSearchPaths(paths)
