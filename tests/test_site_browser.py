"""The published site in a real browser: Debian's Chromium through selenium, the pages opened
from file:// with the network off, as a delegate opens the folder on a laptop or a phone.

One browser serves the whole session (the ``chromium`` fixture of conftest.py); each test
starts from a clean slate: no stars, no remembered language, the laptop's window, the
browser's own zone and language.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import event, small_programme
from support.browser import (
    allow_downloads,
    requested_urls,
    set_language,
    set_phone,
    set_time_zone,
    start_chromium,
)
from support.npm import ensure_package
from support.parsers import agree, format_instant, read_all

from planner.builtin import load_builtin
from planner.model import RecurrenceId, Texts
from planner.publish import PublishOptions, publish
from planner.recurrence import occurrences
from planner.releases import record_release
from planner.search import EventFilter, filter_events, starred_clashes
from planner.site import write_site
from planner.store import ProgrammeStore, save_new

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SUPPORT = Path(__file__).resolve().parent / "support"
KICK_OFF = "gw2019-kick-off-conference@german-week-2019.programme-planner"
CAFE = "gw2019-cafe-d@german-week-2019.programme-planner"
EXHIBITION = "gw2019-photo-exhibition-ruhr@german-week-2019.programme-planner"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in programme released and published (``planner.publish``), as delegates
    get the folder."""
    folder = tmp_path_factory.mktemp("published")
    path = folder / "gw2019.programme"
    save_new(path, load_builtin())
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "Version 1", "", now=datetime(2019, 3, 20, tzinfo=UTC))
        publish(store, folder / "out", PublishOptions())
    return folder / "out"


# The text an element shows: its text without what is not displayed (other languages,
# hidden parts), lines as the browser breaks blocks. innerText would do, but returns nothing
# for events that content-visibility has not rendered yet (off screen).
SHOWN_TEXT = r"""
function shownText(element) {
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        parts.push(child.nodeValue.replace(/\s+/g, ' '));
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const style = getComputedStyle(child);
      if (style.display === 'none' || child.hidden) continue;
      const block = !style.display.startsWith('inline') && style.display !== 'contents';
      if (block) parts.push('\n');
      walk(child);
      if (block) parts.push('\n');
    }
  };
  walk(element);
  return parts.join('').replace(/ *\n[\n ]*/g, '\n').replace(/ +/g, ' ').trim();
}
"""


class Page:
    """The browser on a page of a site, with what a delegate does there."""

    def __init__(self, driver: Any, folder: Path) -> None:
        self.driver = driver
        self.folder = folder

    def open(self, name: str = "index.html", folder: Path | None = None) -> None:
        self.folder = folder or self.folder
        self.driver.get((self.folder / name).as_uri())
        self.wait_until("document.readyState === 'complete' && "
                        "document.querySelector('#star-count') !== null")

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def wait_until(self, condition: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(f"return Boolean({condition})"):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {condition}")
            time.sleep(0.02)

    def click(self, selector: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def visible_uids(self) -> list[str]:
        """The events the page shows now (in the programme, not My programme)."""
        return self.js("""return Array.from(document.querySelectorAll('article.ev'))
            .filter((card) => card.offsetParent !== null || card.checkVisibility())
            .map((card) => card.dataset.uid)""")

    def search(self, text: str) -> None:
        from selenium.webdriver.common.by import By

        box = self.driver.find_element(By.ID, "q")
        box.clear()
        box.send_keys(text)
        self.wait_until(f"document.querySelector('#shown').dataset.q === {text!r}")

    def star(self, uid: str) -> None:
        self.js("""document.querySelector('article.ev[data-uid="' + arguments[0] + '"] '
                   + 'button.star').click()""", uid)

    def text(self, selector: str) -> str:
        """The text the element shows (also when it is scrolled out of view)."""
        return str(self.js(SHOWN_TEXT + "return shownText(document.querySelector(arguments[0]))",
                           selector))


@pytest.fixture
def page(chromium: Any, site: Path) -> Iterator[Page]:
    driver = chromium
    set_phone(driver, False)
    set_time_zone(driver, "")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    set_language(driver, "en-US")
    here = Page(driver, site)
    here.open()
    # Every file:// page shares one origin: this forgets stars and the language of any test.
    here.js("localStorage.clear()")
    here.open()
    list(requested_urls(driver))  # forget what came before
    yield here
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def stays_in(folder: Path, urls: list[str]) -> list[str]:
    """The URLs that leave ``folder`` (downloads built in the page, blob:, may stay)."""
    inside = folder.as_uri() + "/"
    return [url for url in urls if not url.startswith((inside, "blob:", "data:"))]


# --------------------------------------------------------------------------- the content


def test_every_event_of_the_builtin_programme_is_there(page: Page) -> None:
    programme = load_builtin()
    expected = sorted(uid for uid, e in programme.events.items() for _ in occurrences(e))
    assert sorted(page.visible_uids()) == expected
    titles = page.js(SHOWN_TEXT + "return Array.from(document.querySelectorAll("
                     "'article.ev h3')).map(shownText)")
    assert sorted(set(titles)) == sorted({e.title.en for e in programme.events.values()})
    assert page.text("#shown") == "Events shown: 67 of 67"


def test_an_event_shows_time_venue_map_links_speakers_and_language(page: Page) -> None:
    card = f'article.ev[data-uid="{KICK_OFF}"]'
    text = page.text(card)
    assert text.startswith("10:00–13:00")
    assert "Consulate General of the Federal Republic of Germany, Furshtatskaya Ulitsa 39" in text
    assert "Speakers: Prof. Dr. Andreas Pinkwart" in text
    assert "Languages: German, Russian, English" in text
    links = page.js("return Array.from(arguments[0].querySelectorAll('a')).map(a => a.href)",
                    page.driver.find_element("css selector", card))
    assert "geo:59.94636,30.36237" in links
    assert any(link.startswith("https://www.openstreetmap.org/?mlat=59.94636&mlon=30.36237")
               for link in links)
    ics = next(link for link in links if link.endswith(".ics"))
    assert Path(ics.removeprefix("file://")).read_bytes().count(b"BEGIN:VEVENT") == 1


def test_no_request_leaves_the_folder(page: Page, site: Path, tmp_path: Path) -> None:
    allow_downloads(page.driver, tmp_path)
    page.star(KICK_OFF)
    page.star(CAFE)
    page.click('.views a[data-view="mine"]')
    page.wait_until("document.querySelectorAll('#mine-list li').length === 9")
    page.click("#mine-ics")
    wait_for_file(tmp_path / "my-programme.ics")
    page.click('button[data-set-lang="ru"]')
    page.open()
    urls = list(requested_urls(page.driver))
    assert stays_in(site, urls) == []
    assert (site / "assets" / "ical.js").as_uri() in urls
    assert (site / "data" / "events-0.js").as_uri() in urls


# ---------------------------------------------------------------------- filters, search


def test_filter_by_track_venue_and_day(page: Page) -> None:
    programme = load_builtin()
    page.click('input[name="track"][value="culture"]')
    page.wait_until("location.hash.includes('track=')")
    shown = page.visible_uids()
    assert shown and all(programme.events[uid].track != "culture" for uid in shown)
    assert len(shown) == sum(len(occurrences(e)) for e in programme.events.values()
                             if e.track != "culture")
    page.click("#clear")
    page.wait_until("location.hash === ''")
    from selenium.webdriver.support.select import Select

    Select(page.driver.find_element("id", "venue")).select_by_value("goethe")
    page.wait_until("location.hash.includes('venue=goethe')")
    shown = page.visible_uids()
    assert set(shown) == {uid for uid, e in programme.events.items() if e.venue == "goethe"}
    page.click("#clear")
    page.click('.days a[data-day="2019-04-05"]')
    page.wait_until("location.hash.includes('day=2019-04-05')")
    on_friday = filter_events(programme, EventFilter(
        days=frozenset({programme.first_day.replace(day=5)})))
    assert sorted(page.visible_uids()) == sorted(on_friday)
    assert page.js("return document.querySelector('#d-2019-04-04').hidden")
    # The filters are in the address: a reload keeps them.
    page.driver.refresh()
    page.wait_until("document.querySelector('#shown').textContent !== ''")
    assert sorted(page.visible_uids()) == sorted(on_friday)


@pytest.mark.parametrize("query", [
    "гете",           # Гёте-Институт: ё folded onto е, any case
    "ПИНКВАРТ",       # in the Russian description, typed in capitals
    "Пинкварт nrw",   # every word must match, across languages
    "cafe",           # Café D without its accent
    "Хор",            # a Russian title word
    "Wirtschaft",     # the German name of a track
    "moyki",          # part of an address
    "zzz-nothing",
])
def test_search_finds_what_the_planner_finds(page: Page, query: str) -> None:
    programme = load_builtin()
    page.search(query)
    expected = filter_events(programme, EventFilter(text=query))
    shown = page.visible_uids()
    assert set(shown) == expected
    if not expected:
        assert page.js("return !document.querySelector('#none-shown').hidden")


def test_search_folds_text_as_the_planner_does(page: Page, tmp_path: Path) -> None:
    from planner.search import normalise

    samples = ["Ёлка", "ЁЖИК в тумане", "Café Crème", "Straße", "ﬁlm", "Ｆｕｌｌ",
               "Йошкар-Ола", "ΣΊΣΥΦΟΣ", "Ǆemal", "Ångström"]
    programme = small_programme()
    for number, sample in enumerate(samples):
        programme.events[f"s{number}@t"] = event(f"s{number}@t", title=Texts.same(sample))
    write_site(programme, tmp_path)
    page.open(folder=tmp_path)
    for number, sample in enumerate(samples):
        # The planner's folded form of the title finds it on the page: both fold alike.
        page.search(normalise(sample))
        assert page.visible_uids() == [f"s{number}@t"], sample
        page.search(sample.upper())
        assert f"s{number}@t" in page.visible_uids(), sample


# ------------------------------------------------------------------------------- stars


def test_a_star_survives_a_reload_and_lands_in_my_programme(page: Page) -> None:
    page.star(KICK_OFF)
    assert page.text("#star-count") == "1"
    page.driver.refresh()
    page.wait_until("document.querySelector('#star-count').textContent === '1'")
    pressed = page.js("""return document.querySelector('article.ev[data-uid="' + arguments[0]
        + '"] button.star').getAttribute('aria-pressed')""", KICK_OFF)
    assert pressed == "true"
    page.click('.views a[data-view="mine"]')
    page.wait_until("document.querySelectorAll('#mine-list li').length === 1")
    assert page.js("return document.querySelector('#programme').hidden")
    entry = page.text("#mine-list li")
    assert "Kick-off conference" in entry and "Wed 3 Apr" in entry and "10:00" in entry
    # Unstarring from My programme takes it out.
    page.click("#mine-list button.star")
    page.wait_until("document.querySelectorAll('#mine-list li').length === 0")
    assert "No event starred yet" in page.text("#mine-status")
    assert page.text("#star-count") == ""


def test_starred_events_that_clash_are_flagged(page: Page) -> None:
    programme = load_builtin()
    a, b = next(pair for pair in starred_clashes(programme, programme.events)
                if CAFE not in pair)
    page.star(a)
    assert page.js("return document.querySelectorAll('.clash-note').length") == 0
    page.star(b)
    page.wait_until("document.querySelectorAll('article.ev .clash-note').length === 2")
    note = page.text(f'article.ev[data-uid="{a}"] .clash-note')
    assert programme.events[b].title.en in note
    page.click('.views a[data-view="mine"]')
    page.wait_until("!document.querySelector('#mine-clashes').hidden")
    assert page.text("#mine-clashes") == "⚠ Starred events that clash: 2"
    page.click('.views a[data-view="programme"]')
    page.star(a)
    page.wait_until("document.querySelectorAll('article.ev .clash-note').length === 0")


def test_events_that_only_touch_do_not_clash(page: Page, tmp_path: Path) -> None:
    programme = small_programme()
    programme.events["a@t"] = event("a@t", start=10, end=12)
    programme.events["b@t"] = event("b@t", start=12, end=14, venue="petri")
    programme.events["c@t"] = event("c@t", start=13, end=15, venue="petri",
                                    status="cancelled")
    programme.events["d@t"] = event("d@t", start=11, end=13, venue="petri")
    write_site(programme, tmp_path)
    page.open(folder=tmp_path)
    for uid in ("a@t", "b@t", "c@t"):
        page.star(uid)
    page.click('.views a[data-view="mine"]')
    page.wait_until("document.querySelectorAll('#mine-list li').length === 3")
    assert page.js("return document.querySelectorAll('.clash-note').length") == 0
    assert page.js("return document.querySelector('#mine-clashes').hidden")
    page.click('.views a[data-view="programme"]')
    page.star("d@t")
    page.wait_until("document.querySelectorAll('article.ev .clash-note').length === 3")
    assert page.text('article.ev[data-uid="d@t"] .clash-note') == \
        "⚠ Clashes with: “Title”, “Title”"


def wait_for_file(path: Path, timeout: float = 15.0) -> bytes:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        partial = list(path.parent.glob("*.crdownload"))
        if path.is_file() and not partial and path.stat().st_size > 0:
            return path.read_bytes()
        time.sleep(0.05)
    raise AssertionError(f"{path} was not downloaded")


def test_the_starred_set_downloads_as_ics_all_parsers_read_alike(page: Page,
                                                                  tmp_path: Path) -> None:
    programme = load_builtin()
    starred = [KICK_OFF, CAFE, EXHIBITION]
    allow_downloads(page.driver, tmp_path)
    for uid in starred:
        page.star(uid)
    page.click('button[data-set-lang="de"]')
    page.click('.views a[data-view="mine"]')
    page.wait_until("document.querySelectorAll('#mine-list li').length === 10")
    page.click("#mine-ics")
    ics = wait_for_file(tmp_path / "my-programme.ics")
    results = read_all(ics, occurrences=10)
    assert agree(results) == []
    for uid in starred:
        expected = programme.events[uid]
        for parser, result in results.items():
            read = result.events[uid]
            assert read.start == format_instant(expected.start.astimezone(UTC)), parser
            assert read.end == format_instant(expected.end.astimezone(UTC)), parser
            assert read.summary == expected.title.de, parser
    cafe = results["icalendar"].events[CAFE].occurrences
    assert cafe == [format_instant(s.astimezone(UTC)) for s, _ in
                    occurrences(programme.events[CAFE])]
    assert b"BEGIN:VTIMEZONE" in ics and b"TZID=Europe/Moscow" in ics
    assert b"LOCATION:Goethe-Institut St. Petersburg\\, Naberezhnaya" in ics


def test_a_changed_series_downloads_with_its_changed_occurrences(page: Page,
                                                                 tmp_path: Path) -> None:
    from test_site import series_with_changes

    from planner.recurrence import starts

    programme = series_with_changes()
    write_site(programme, tmp_path / "site")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    allow_downloads(page.driver, downloads)
    page.open(folder=tmp_path / "site")
    page.star("daily@t")
    page.click('.views a[data-view="mine"]')
    page.wait_until("document.querySelectorAll('#mine-list li').length === 3")
    assert "Daily, late edition" in page.text("#mine-list li:nth-child(2)")
    page.click("#mine-ics")
    results = read_all(wait_for_file(downloads / "my-programme.ics"), occurrences=10)
    assert agree(results) == []
    series = programme.events["daily@t"]
    expected = [format_instant(s.astimezone(UTC)) for s in starts(series)]
    for parser, result in results.items():
        assert result.events["daily@t"].occurrences == expected, parser
        moved = result.events["daily@t|2019-04-06T13:00:00Z"]
        assert (moved.start, moved.end, moved.summary) == (
            "2019-04-06T15:00:00Z", "2019-04-06T17:00:00Z", "Daily, late edition"), parser
        assert "daily@t|2019-04-07T13:00:00Z" in result.events, parser


# --------------------------------------------------------------------------- languages


def test_the_language_switch_changes_titles_and_dates(page: Page) -> None:
    heading = "#h-2019-04-03"
    title = f'article.ev[data-uid="{KICK_OFF}"] h3'
    assert page.text(heading) == "Wednesday, 3 April 2019"
    page.click('button[data-set-lang="ru"]')
    assert page.text(heading) == "среда, 3 апреля 2019 г."
    assert page.text(title).startswith("Стартовая конференция")
    assert page.js("return document.documentElement.lang") == "ru"
    assert page.text('label[for="q"]') == "Поиск"
    description = f'article.ev[data-uid="{KICK_OFF}"] .desc'
    page.wait_until(f"document.querySelector({description!r}).textContent"
                    ".startsWith('Министр')")
    assert page.text("#shown") == "Показано мероприятий: 67 из 67"
    page.driver.refresh()
    page.wait_until("document.readyState === 'complete'")
    assert page.text(heading) == "среда, 3 апреля 2019 г.", "the choice is remembered"
    page.click('button[data-set-lang="de"]')
    assert page.text(heading) == "Mittwoch, 3. April 2019"
    assert page.text(title).startswith("Auftaktkonferenz")
    assert page.js(f"return document.querySelector({description!r}).textContent"
                   ).startswith("NRW-Wirtschafts- und Digitalminister")
    assert page.js("return document.title") == "16. Deutsche Woche in St. Petersburg"


def test_the_browsers_language_is_the_default(page: Page) -> None:
    set_language(page.driver, "ru-RU,ru;q=0.9,en;q=0.5")
    page.open()
    assert page.js("return document.documentElement.lang") == "ru"
    assert page.text("#h-2019-04-03") == "среда, 3 апреля 2019 г."
    set_language(page.driver, "fr-FR,fr;q=0.9,de;q=0.8")
    page.open()
    assert page.text("#h-2019-04-03") == "Mittwoch, 3. April 2019"
    set_language(page.driver, "fr-FR")
    page.open()
    assert page.text("#h-2019-04-03") == "Wednesday, 3 April 2019", "the publish language"


def test_times_also_show_in_the_readers_zone_when_it_differs(page: Page) -> None:
    card = f'article.ev[data-uid="{KICK_OFF}"] .when'
    set_time_zone(page.driver, "Europe/Berlin")
    page.open()
    assert page.text(card) == "10:00–13:00\nYour time (Europe/Berlin): 09:00–12:00"
    set_time_zone(page.driver, "America/New_York")
    page.open()
    assert page.text(card) == "10:00–13:00\nYour time (America/New_York): 03:00–06:00"
    set_time_zone(page.driver, "Pacific/Honolulu")
    page.open()
    assert page.text(card) == ("10:00–13:00\nYour time (Pacific/Honolulu): "
                               "Tue 2 Apr 21:00–Wed 3 Apr 00:00")
    set_time_zone(page.driver, "Europe/Moscow")
    page.open()
    assert page.text(card) == "10:00–13:00"


# ------------------------------------------------------------------------------- safety


def test_an_imported_script_shows_as_text(page: Page, tmp_path: Path) -> None:
    programme = small_programme()
    programme.events["x@t"] = event(
        "x@t", title=Texts.same("<script>alert(1)</script>"),
        description=Texts.same('<img src=x onerror="window.hacked = 1">'),
        url="javascript:window.hacked=2")
    write_site(programme, tmp_path)
    page.open(folder=tmp_path)
    assert page.text('article.ev[data-uid="x@t"] h3') == "<script>alert(1)</script>"
    page.click('article.ev[data-uid="x@t"] summary')
    description = page.text('article.ev[data-uid="x@t"] .desc')
    assert description == '<img src=x onerror="window.hacked = 1">'
    page.star("x@t")
    page.click('.views a[data-view="mine"]')
    page.wait_until("document.querySelectorAll('#mine-list li').length === 1")
    assert page.text("#mine-list h3") == "<script>alert(1)</script>"
    assert page.js("return window.hacked") is None
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        page.driver.switch_to.alert.text  # noqa: B018 - reading it is the check


# --------------------------------------------------------------------------- large sites


def test_a_site_cut_into_days_keeps_stars_across_pages(page: Page, tmp_path: Path) -> None:
    write_site(load_builtin(), tmp_path, page_limit=6)
    page.open("index.html", folder=tmp_path)
    assert page.js("return document.querySelectorAll('article.ev').length") == 0
    page.click('.overview-days a[href="day-2019-04-03.html"]')
    page.wait_until("location.pathname.endsWith('day-2019-04-03.html')")
    page.wait_until("document.querySelector('#star-count') !== null")
    page.search("Auftakt")
    page.star(KICK_OFF)
    # The next day's link keeps the search.
    href = page.js("return document.querySelector('.days a[data-day=\"2019-04-04\"]').href")
    assert href.endswith("day-2019-04-04.html#q=Auftakt")
    page.open("day-2019-04-06.html")
    page.star("gw2019-itmo-open-lab@german-week-2019.programme-planner")
    page.open("index.html")
    page.click('.views a[data-view="mine"]')
    page.wait_until("document.querySelectorAll('#mine-list li').length === 2")
    link = page.js("return document.querySelector('#mine-list a').getAttribute('href')")
    assert link.startswith("day-2019-04-03.html#e-")
    page.click("#mine-list a")
    page.wait_until("document.activeElement && document.activeElement.dataset.uid === "
                    f"{KICK_OFF!r}")


# ------------------------------------------------------------------- keyboard and print


def test_keyboard_reaches_and_presses_a_star_with_a_visible_focus(page: Page) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    actions = ActionChains(page.driver)
    for _ in range(60):
        actions.send_keys(Keys.TAB).perform()
        if page.js("return document.activeElement.matches('button.star')"):
            break
    else:
        raise AssertionError("no star button reached by Tab")
    outline = page.js("const s = getComputedStyle(document.activeElement);"
                      "return [s.outlineStyle, s.outlineWidth]")
    assert outline == ["solid", "3px"]
    actions.send_keys(Keys.SPACE).perform()
    assert page.js("return document.activeElement.getAttribute('aria-pressed')") == "true"
    assert page.text("#star-count") == "1"


def test_keyboard_focus_is_never_hidden_under_the_days_heading(page: Page) -> None:
    # On a laptop the day's heading stays at the top while its events scroll by; going back
    # up with Shift+Tab, the element that takes the focus must come out below it (WCAG 2.4.11).
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page.js("scrollTo(0, document.body.scrollHeight);"
            "const stars = document.querySelectorAll('button.star');"
            "stars[stars.length - 1].focus()")
    actions = ActionChains(page.driver)
    covered = []
    for _ in range(40):
        actions.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        found = page.js("""const focused = document.activeElement.getBoundingClientRect();
            const stuck = [...document.querySelectorAll('.day > h2')]
              .map((h) => h.getBoundingClientRect())
              .filter((h) => h.top <= 1 && h.bottom > 0);
            const under = stuck.length ? Math.max(...stuck.map((h) => h.bottom)) : 0;
            return [document.activeElement.outerHTML.slice(0, 60), focused.top, under]""")
        if found[1] < found[2]:
            covered.append(found)
    assert page.js("return getComputedStyle(document.querySelector('.day > h2')).position") \
        == "sticky"
    assert covered == []


def test_the_print_stylesheet_leaves_out_the_controls(page: Page, tmp_path: Path) -> None:
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    hidden = page.js("""return ['.filters', '.days', '.views', '.langs', '.acts']
        .map((s) => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none"] * 5
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = page.driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    path = tmp_path / "printed.pdf"
    path.write_bytes(base64.b64decode(pdf["data"]))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    programme = load_builtin()
    assert programme.events[KICK_OFF].title.en.split(":")[0] in text
    # The descriptions the screen folds away are on paper; the buttons are not.
    assert "Minister for Economic Affairs and Digitalisation" in text
    assert not re.search(r"\bStar\b|\bSearch\b|OpenStreetMap", text)


def test_today_is_marked_while_the_programme_is_on(page: Page, tmp_path: Path) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Moscow")
    today = datetime.now(zone).date()
    programme = small_programme()
    programme.first_day, programme.last_day = today - timedelta(days=1), today + timedelta(days=1)
    start = datetime.combine(today, datetime.min.time(), zone) + timedelta(hours=10)
    programme.events["a@t"] = event("a@t", start=start, end=start + timedelta(hours=1))
    write_site(programme, tmp_path)
    page.open(folder=tmp_path)
    marked = page.js("return Array.from(document.querySelectorAll('.days a'))"
                     ".filter((a) => a.querySelector('.today-mark')).map((a) => a.dataset.day)")
    assert marked == [today.isoformat()]


# ----------------------------------------------------------------------- accessibility


@pytest.fixture(scope="module")
def axe_source() -> str:
    folder = ensure_package(SUPPORT / "axe", "axe-core")
    return (folder / "axe.min.js").read_text(encoding="utf-8")


def axe_problems(page: Page, source: str) -> list[str]:
    """The serious and critical violations axe-core finds on the page as it is now.

    The events off screen are laid out first: Chromium skips their layout until they are
    scrolled to (content-visibility), and axe would measure the size and spacing of their
    buttons from geometry they do not have yet; laid out, they are what a reader meets.
    """
    page.js("""const style = document.createElement('style');
        style.textContent = '.ev { content-visibility: visible !important; }';
        document.head.appendChild(style);""")
    page.js(source)
    result = page.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',
            'wcag21aa', 'wcag22aa', 'best-practice']}, resultTypes: ['violations'],
            // Pages from file:// may not read their stylesheets back by XMLHttpRequest;
            // the rule that needs that (orientation lock) has nothing to find here.
            preload: false})
          .then((r) => done(r.violations.map((v) => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + n.failureSummary)}))),
                (e) => done([{id: 'axe failed', impact: 'critical', nodes: [String(e)]}]));""")
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in result
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("setting", ["laptop", "phone-ru", "mine-with-clash", "filtered-de"])
def test_axe_finds_no_serious_problem(page: Page, axe_source: str, setting: str) -> None:
    programme = load_builtin()
    steps: dict[str, Callable[[], None]] = {
        "laptop": lambda: None,
        "phone-ru": lambda: (set_phone(page.driver, True), page.open(),
                             page.click('button[data-set-lang="ru"]')),
        "mine-with-clash": lambda: (
            [page.star(uid) for uid in starred_clashes(programme, programme.events)[0]],
            page.click('.views a[data-view="mine"]'),
            page.wait_until("!document.querySelector('#mine-clashes').hidden")),
        "filtered-de": lambda: (page.click('button[data-set-lang="de"]'), page.search("гете")),
    }
    steps[setting]()
    assert axe_problems(page, axe_source) == []


def test_axe_on_the_overview_of_a_large_site(page: Page, axe_source: str,
                                             tmp_path: Path) -> None:
    write_site(load_builtin(), tmp_path, page_limit=6)
    page.open("index.html", folder=tmp_path)
    assert axe_problems(page, axe_source) == []
    page.open("day-2019-04-04-2.html")
    assert axe_problems(page, axe_source) == []


@pytest.mark.parametrize("lang", ["de", "en", "ru"])
def test_axe_on_the_change_pages(page: Page, axe_source: str, tmp_path: Path, lang: str) -> None:
    # Two releases (something moved, something called off) and their QR codes: the page
    # delegates open from the footer, and print.
    released_twice(tmp_path)
    page.driver.get((tmp_path / "out" / f"changes.{lang}.html").as_uri())
    assert page.js("return document.documentElement.lang") == lang
    assert page.js("return document.querySelectorAll('li').length") >= 1
    assert axe_problems(page, axe_source) == []
    set_phone(page.driver, True)
    page.driver.get((tmp_path / "out" / f"changes.{lang}.html").as_uri())
    # The two schedule files are named on one line, as a sentence (not a list of blocks).
    assert page.js("""return ['schedule.xml', 'schedule.json'].map((name) => getComputedStyle(
        document.querySelector(`a[href="${name}"]`)).display)""") == ["inline", "inline"]
    assert axe_problems(page, axe_source) == []


def released_twice(tmp_path: Path) -> Path:
    """The built-in programme published from its second release: since the first, the
    kick-off is called off, the exhibition two hours later and Friday's Café D at another
    venue. Returns the folder."""
    path = tmp_path / "gw.programme"
    save_new(path, load_builtin())
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "Version 1", "", now=datetime(2019, 3, 20, tzinfo=UTC))
        edited = store.load()
        events = edited.events
        events[KICK_OFF] = dataclasses.replace(events[KICK_OFF], status="cancelled")
        later = timedelta(hours=2)
        events[EXHIBITION] = dataclasses.replace(events[EXHIBITION],
                                                 start=events[EXHIBITION].start + later,
                                                 end=events[EXHIBITION].end + later)
        series = events[CAFE]
        friday = series.start + timedelta(days=2)
        events[CAFE] = dataclasses.replace(series, overrides=(dataclasses.replace(
            series, recurrence=None, recurrence_id=RecurrenceId(friday), start=friday,
            end=friday + series.duration, venue="petrikirche"),))
        store.replace_all(edited)
        record_release(store, store.load(), "Version 2", "", now=datetime(2019, 3, 27, tzinfo=UTC))
        publish(store, tmp_path / "out", PublishOptions(base_url="https://example.org/gw/"))
    return tmp_path / "out"


def test_what_changed_since_the_last_release_shows_and_follows_the_language(
        page: Page, tmp_path: Path) -> None:
    page.open(folder=released_twice(tmp_path))

    def card(uid: str, day: str = "") -> str:
        # A repeating event's card on one day: its id ends in the day and time.
        return f'article.ev[data-uid="{uid}"]' + (f'[id*="-{day}-"]' if day else "")

    assert page.js("return getComputedStyle(document.querySelector(arguments[0] + ' .ttl'))"
                   ".textDecorationLine", card(KICK_OFF)) == "line-through"
    assert "Cancelled" in page.text(card(KICK_OFF))
    assert "Time changed" in page.text(card(EXHIBITION) + " .marks")
    # Only Friday's Café D moved (to the Petrikirche); Thursday's is as it was.
    assert "Venue changed" in page.text(card(CAFE, "20190405") + " .marks")
    assert "Petrikirche" in page.text(card(CAFE, "20190405"))
    assert page.js("return document.querySelector(arguments[0] + ' .marks')",
                   card(CAFE, "20190404")) is None
    page.click('button[data-set-lang="ru"]')
    assert "Отменено" in page.text(card(KICK_OFF))
    assert "Новое время" in page.text(card(EXHIBITION) + " .marks")
    assert "Новое место" in page.text(card(CAFE, "20190405") + " .marks")


def test_the_site_works_from_a_web_host_too(site: Path, tmp_path: Path) -> None:
    # The folder served over HTTP on a loopback port, in a browser that reaches that port and
    # nothing else (no other host name resolves): the same pages, stars, language and
    # calendar file, and nothing asked of any other address.
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = start_chromium(tmp_path / "profile", loopback=True)
    try:
        page = Page(driver, site)
        allow_downloads(driver, tmp_path)
        driver.get("about:blank")
        list(requested_urls(driver))  # the browser's own start page
        driver.get(base + "index.html")
        page.wait_until("document.querySelector('#star-count') !== null")
        assert len(set(page.js("return Array.from(document.querySelectorAll('article.ev'))"
                               ".map((a) => a.dataset.uid)"))) == len(load_builtin().events)
        page.star(KICK_OFF)
        driver.get(base + "index.html")
        page.wait_until("document.querySelector('#star-count') !== null")
        assert page.text("#star-count") == "1"
        page.click('button[data-set-lang="de"]')
        assert page.js("return document.documentElement.lang") == "de"
        page.click('.views a[data-view="mine"]')
        page.click("#mine-ics")
        data = wait_for_file(tmp_path / "my-programme.ics").replace(b"\r\n ", b"")
        assert f"UID:{KICK_OFF}".encode() in data
        urls = list(requested_urls(driver))
        assert [u for u in urls if not u.startswith((base, "blob:", "data:"))] == []
        assert base + "assets/ical.js" in urls
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
        thread.join()
