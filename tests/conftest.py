"""Test set-up: Qt runs offscreen, and QSettings goes to a private folder per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Messages and the window follow the system's language; tests expect English unless they
# ask for another language.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test's QSettings and data folders away from the user's, and its
    clipboard from the next test's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        # QStandardPaths follows the XDG variables above; QSettings caches its folder, so
        # it is pointed at this test's folder explicitly.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config")
        )
    yield
    if "PySide6.QtGui" in sys.modules:
        from PySide6.QtGui import QGuiApplication

        # The clipboard outlives a test too: what one test copies, the next must not find.
        if QGuiApplication.instance() is not None:
            QGuiApplication.clipboard().clear()


@pytest.fixture(scope="session")
def qapp():
    """pytest-qt's application, made as the app makes it (ui.app.create_application): with
    the window's own font, so that what a test measures does not depend on the fonts of
    the machine it runs on."""
    from ui.app import create_application

    return create_application()


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory):
    """One headless Chromium for the whole test session (starting one takes seconds), with a
    fresh profile and no network; tests reset what they change (see test_site_browser)."""
    from support.browser import start_chromium

    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory):
    """A Radicale CalDAV server on a free loopback port for the whole session."""
    from support.davserver import Radicale

    server = Radicale(tmp_path_factory.mktemp("radicale"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def dav(radicale, tmp_path: Path):
    """A fresh calendar home (a user of its own) on the session's Radicale, reached through
    a proxy that counts requests and can refuse, hold or drop them."""
    from support.davserver import Proxy
    from sync_helpers import Dav

    user = radicale.add_user()
    proxy = Proxy(radicale.port)
    password_file = tmp_path / "password"
    password_file.write_text("secret\n", encoding="utf-8")
    yield Dav(radicale, proxy, user, "secret", password_file)
    proxy.close()
