"""A real Chromium (Debian's ``chromium`` and ``chromium-driver``) driven by selenium, cut off
from the network, for the site's tests, its benchmark and its screenshots.

Nothing downloads a browser: selenium is pointed at ``/usr/bin/chromium`` and
``/usr/bin/chromedriver`` (override with PLANNER_CHROMIUM and PLANNER_CHROMEDRIVER). The
browser starts headless with a fresh profile, resolves no host name, and has the network
emulated offline, so a page that tried to reach anything outside its folder would fail; the
performance log records every request it made, so a test can also prove that it tried none.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("PLANNER_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PLANNER_CHROMEDRIVER", "/usr/bin/chromedriver")

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    # No host name resolves: a request that left the folder could not reach anything.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


class BrowserMissing(RuntimeError):
    """Chromium or chromedriver is not installed (``.ci/run`` installs both)."""


def start_chromium(profile: Path, *, language: str = "en-US", width: int = 1440,
                   height: int = 900, loopback: bool = False) -> Any:
    """Start headless Chromium with a fresh profile in ``profile`` and return the selenium
    driver. ``language`` is what the browser tells pages it reads (navigator.languages).
    The browser is offline; with ``loopback`` it reaches 127.0.0.1 (a web server the test
    started) and still nothing else."""
    for tool in (CHROMIUM, CHROMEDRIVER):
        if shutil.which(tool) is None:
            raise BrowserMissing(f"{tool} is not installed (apt-get install chromium "
                                 "chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        if loopback and flag.startswith("--host-resolver-rules="):
            flag += ", EXCLUDE 127.0.0.1"
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--lang={language}")
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": not loopback, "latency": 0, "downloadThroughput": -1,
        "uploadThroughput": -1,
    })
    return driver


def requested_urls(driver: Any) -> Iterator[str]:
    """Every URL the browser asked for since the last call (from the performance log)."""
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            yield message["params"]["request"]["url"]


def set_language(driver: Any, language: str) -> None:
    """Make the browser tell pages that it reads ``language`` first (navigator.languages),
    as a browser set up in that language does."""
    agent = driver.execute_script("return navigator.userAgent")
    driver.execute_cdp_cmd("Emulation.setUserAgentOverride",
                           {"userAgent": agent, "acceptLanguage": language})


def set_time_zone(driver: Any, zone: str) -> None:
    """Make the browser live in ``zone`` (as a reader travelling from there); "" for the
    computer's own zone."""
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": zone})


def set_phone(driver: Any, phone: bool, width: int = 390, height: int = 844) -> None:
    """Show pages as a phone of ``width`` × ``height`` CSS pixels does, or as the window."""
    if phone:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": True,
        })
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def allow_downloads(driver: Any, folder: Path) -> None:
    """Save downloads into ``folder`` without asking."""
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(folder)})
