"""Screenshots of the published site of the built-in programme, as a delegate sees it.

    python tools/site_screenshots.py [--out docs]

Writes ``site-laptop.png`` (1440×900, English, a reader in Berlin, an event starred) and
``site-phone.png`` (390×844, Russian, "My programme" with a clash) from headless Chromium
(tests/support/browser.py), for the README. ``--all`` also writes the other views (the
phone's programme, the laptop's My programme in German, a search) for looking at.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.builtin import load_builtin  # noqa: E402
from planner.site import write_site  # noqa: E402
from tests.support.browser import (  # noqa: E402
    set_language,
    set_phone,
    set_time_zone,
    start_chromium,
)

STARS = ("gw2019-ai-conference@german-week-2019.programme-planner",
         "gw2019-dual-vocational-training@german-week-2019.programme-planner",
         "gw2019-kick-off-conference@german-week-2019.programme-planner")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--all", action="store_true", help="also the other views")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        write_site(load_builtin(), site)
        index = (site / "index.html").as_uri()
        driver = start_chromium(Path(tmp) / "profile")
        try:
            def settle(script: str = "") -> None:
                if script:
                    driver.execute_script(script)
                time.sleep(0.4)

            def star(*uids: str) -> None:
                for uid in uids:
                    driver.execute_script(
                        "document.querySelector('article.ev[data-uid=\"' + arguments[0] + "
                        "'\"] button.star').click()", uid)

            set_time_zone(driver, "Europe/Berlin")
            set_language(driver, "en-GB")
            driver.get(index)
            driver.execute_script("localStorage.clear()")
            driver.get(index)
            star(STARS[2])
            settle("scrollTo(0, 0)")
            driver.save_screenshot(str(args.out / "site-laptop.png"))
            star(*STARS)  # the two that clash in, the first one out

            set_phone(driver, True)
            set_language(driver, "ru-RU")
            driver.execute_script("localStorage.removeItem('planner-site:lang')")
            driver.get("about:blank")
            driver.get(index + "#mine")
            settle("scrollTo(0, 0)")
            driver.save_screenshot(str(args.out / "site-phone.png"))
            if args.all:
                driver.get("about:blank")
                driver.get(index)
                settle()
                driver.save_screenshot(str(args.out / "site-phone-programme.png"))
                set_phone(driver, False)
                driver.get("about:blank")
                driver.get(index + "#q=гете")
                settle()
                driver.save_screenshot(str(args.out / "site-laptop-search.png"))
                driver.execute_script("document.querySelector('[data-set-lang=de]').click()")
                star(STARS[2])
                settle()
                driver.get("about:blank")
                driver.get(index + "#mine")
                settle("scrollTo(0, 0)")
                driver.save_screenshot(str(args.out / "site-laptop-mine-de.png"))
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
