"""``main.py screenshot``: the window drawn to a PNG without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "screenshot", *args],
                          capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


@pytest.mark.parametrize("view", ["week", "venues", "agenda"])
def test_screenshot_writes_a_full_size_picture_of_the_window(tmp_path, view):
    path = tmp_path / f"{view}.png"
    result = run("-o", str(path), "--view", view, "--date", "2019-04-05")
    assert result.returncode == 0, result.stderr
    assert f"wrote {path}: 1440x900" in result.stdout
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1440, 900)
    # A window with a grid, coloured blocks and text, not an empty canvas.
    assert distinct_colours(image) > 40


def test_screenshot_of_a_programme_file_in_another_language(tmp_path):
    programme = tmp_path / "week.programme"
    created = subprocess.run([sys.executable, str(ROOT / "main.py"), "new", str(programme),
                              "--sample"], capture_output=True, text=True, cwd=ROOT)
    assert created.returncode == 0, created.stderr
    en, ru = tmp_path / "en.png", tmp_path / "ru.png"
    assert run("-o", str(en), "-p", str(programme)).returncode == 0
    assert run("-o", str(ru), "-p", str(programme), "--lang", "ru").returncode == 0
    assert QImage(str(en)) != QImage(str(ru))  # titles are drawn in Russian


def test_screenshot_refuses_a_day_outside_the_programme_and_a_small_size(tmp_path):
    result = run("-o", str(tmp_path / "x.png"), "--date", "2020-01-01")
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "2020-01-01" in result.stderr
    assert "Traceback" not in result.stderr
    for size in ("640x480", "10x10", "1023x700", "100000x100000", "8193x900"):
        result = run("-o", str(tmp_path / "x.png"), "--size", size)
        assert result.returncode == 2, size
        assert result.stderr == "error: screenshot: --size must be from 1024x700 to 8192x8192\n"
    assert not (tmp_path / "x.png").exists()


def test_screenshot_at_the_window_minimum_prints_nothing_on_stderr(tmp_path):
    """The smallest window (1024×700) is accepted, and a clean run is silent on stderr (the
    offscreen platform's note about size hints is dropped, nothing else)."""
    path = tmp_path / "small.png"
    result = run("-o", str(path), "--size", "1024x700", "--lang", "de")
    assert result.returncode == 0 and result.stderr == ""
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1024, 700)


def test_the_offscreen_note_alone_is_dropped(capsys):
    from ui.screenshot import OFFSCREEN_NOTE, _without_offscreen_note

    _without_offscreen_note(None, None, OFFSCREEN_NOTE)
    _without_offscreen_note(None, None, "QPainter::begin: Paint device returned engine == 0")
    assert capsys.readouterr().err == "QPainter::begin: Paint device returned engine == 0\n"


@pytest.mark.parametrize("suffix, magic", [(".jpg", b"\xff\xd8\xff"), (".JPEG", b"\xff\xd8\xff"),
                                           (".png", b"\x89PNG")])
def test_screenshot_writes_the_format_its_name_says(tmp_path, suffix, magic):
    path = tmp_path / f"shot{suffix}"
    result = run("-o", str(path), "--size", "1024x700")
    assert result.returncode == 0, result.stderr
    assert path.read_bytes()[:len(magic)] == magic


def test_screenshot_refuses_a_format_it_cannot_write(tmp_path):
    for name in ("shot.gif", "shot"):
        result = run("-o", str(tmp_path / name))
        assert result.returncode == 2
        assert result.stderr.startswith("error: screenshot: ") and ".png or a .jpg" in result.stderr
        assert not (tmp_path / name).exists()


def test_screenshot_help_says_what_lang_does():
    result = run("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "language of the whole window" in text and "titles and names" in text


def test_screenshot_waits_for_the_clash_check(tmp_path, qapp, monkeypatch):
    """The picture shows the window settled: the Clashes tab has its count."""
    from factories import event, small_programme
    from PySide6.QtWidgets import QDockWidget

    from ui.main_window import MainWindow
    from ui.screenshot import render

    programme = small_programme()
    for uid in ("a@t", "b@t"):  # the same room at the same time
        programme.events[uid] = event(uid, 4, 10, 12)
    titles: list[str] = []
    grab = MainWindow.grab

    def watched(self, *args):
        titles.append(self.findChild(QDockWidget, "clash_dock").windowTitle())
        return grab(self, *args)

    monkeypatch.setattr(MainWindow, "grab", watched)
    render(tmp_path / "shot.png", programme, day=None)
    assert titles == ["Clashes (1)"]
