"""The published site as files: what the pages hold, how a large programme is cut, the marks
of what changed, escaping, and sizes. What the pages do in a browser is in
test_site_browser.py."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from factories import at, event, small_programme

from planner.builtin import load_builtin
from planner.model import Programme, Recurrence, RecurrenceId, Texts
from planner.recurrence import occurrences
from planner.site import PAGE_LIMIT, fnv1a, own_bytes, plan_pages, slots_by_day, write_site
from planner.site.marks import marks_of, marks_since


class _Cards(HTMLParser):
    """The listed events of a page (id, uid) and the text of their titles in one language."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article" and "ev" in (values.get("class") or "").split():
            self.cards.append((values["id"] or "", values["data-uid"] or ""))
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "script" and values.get("src"):
            self.scripts.append(values["src"] or "")


def cards_of(path: Path) -> _Cards:
    parser = _Cards()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def builtin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    write_site(load_builtin(), folder)
    return folder


def test_the_builtin_programme_is_one_page_listing_every_occurrence(builtin_site: Path) -> None:
    programme = load_builtin()
    listed = cards_of(builtin_site / "index.html").cards
    expected = []
    for event_ in programme.events.values():
        for start, _ in occurrences(event_):
            expected.append((start.astimezone(programme.zone).date(), event_.uid))
    assert len(listed) == len(expected) == 67
    assert sorted(uid for _, uid in listed) == sorted(uid for _, uid in expected)
    assert len({card_id for card_id, _ in listed}) == len(listed), "ids are unique"
    assert sorted(p.name for p in builtin_site.iterdir()) == ["assets", "data", "index.html"]


def test_the_builtin_site_is_small(builtin_site: Path) -> None:
    size = own_bytes(builtin_site)
    assert size < 400 * 1024, f"{size / 1024:.0f} KB"
    # ical.js is there, and counted apart.
    assert 0 < (builtin_site / "assets" / "ical.js").stat().st_size < \
        sum(p.stat().st_size for p in builtin_site.rglob("*") if p.is_file()) - size


def test_pages_refer_only_to_files_in_the_folder(builtin_site: Path) -> None:
    page = cards_of(builtin_site / "index.html")
    for src in page.scripts:
        assert (builtin_site / src).is_file()
    for href in page.links:
        if href.startswith(("#", "geo:", "https://www.openstreetmap.org/")):
            continue
        assert (builtin_site / href.split("#")[0]).is_file(), href
    text = (builtin_site / "index.html").read_text(encoding="utf-8")
    # Nothing the page loads comes from elsewhere: no src= or stylesheet pointing outside.
    assert not re.search(r'(src|rel="stylesheet" href)="(https?:)?//', text)


def test_writing_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    programme = load_builtin()
    first, second = tmp_path / "a", tmp_path / "b"
    names = write_site(programme, first)
    assert write_site(programme, second) == names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_every_event_is_in_the_data_file_its_uid_hashes_to(builtin_site: Path) -> None:
    config = _config(builtin_site / "index.html")
    found = {}
    for number in range(config["buckets"]):
        text = (builtin_site / "data" / f"events-{number}.js").read_text(encoding="utf-8")
        prefix = f"plannerSiteData({number},"
        assert text.startswith(prefix) and text.endswith(");\n")
        for item in json.loads(text[len(prefix):-3]):
            assert fnv1a(item["uid"]) % config["buckets"] == number
            found[item["uid"]] = item
    assert set(found) == set(load_builtin().events)
    cafe = found["gw2019-cafe-d@german-week-2019.programme-planner"]
    assert cafe["tzid"] == "Europe/Moscow" and cafe["start"] == "2019-04-03T16:00:00"
    assert cafe["rrules"] == ["FREQ=DAILY;UNTIL=20190410T130000Z"]
    assert len(cafe["occurrences"]) == 8
    assert "Europe/Moscow" in config["vtimezones"]


def test_fnv1a_is_the_standard_hash() -> None:
    # Test vectors of the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/).
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def _config(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    found = re.search(r'<script id="site-config" type="application/json">(.*?)</script>', text)
    assert found
    return json.loads(found.group(1))


def test_imported_text_is_never_markup(tmp_path: Path) -> None:
    programme = small_programme()
    programme.name = Texts.same("</script><script>alert('name')</script>")
    programme.people["x"] = dataclasses.replace(programme.people["anna"], id="x",
                                                name="<b onmouseover=alert(2)>Eve</b>")
    programme.events["x@t"] = event(
        "x@t", title=Texts.same("<script>alert(1)</script>"),
        description=Texts.same('<img src=x onerror="alert(3)">'), speakers=("x",),
        url="javascript:alert(4)")
    programme.events["y@t"] = event("y@t", day=5, url="https://example.org/a?b=1&c=2")
    write_site(programme, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<b onmouseover" not in html
    assert "javascript:" not in html, "only web addresses become links"
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html
    # The settings block stays one script element whatever the name holds.
    assert html.count("</script>") == 3
    assert _config(tmp_path / "index.html")["name"] == "</script><script>alert('name')</script>"


def test_a_large_programme_is_cut_by_day_and_part_of_day(tmp_path: Path) -> None:
    programme = small_programme()
    for n in range(130):
        day = 3 + n % 4  # 33 on each of the first two days, 32 on the next two
        start = at(day, 8) + timedelta(minutes=5 * n)
        programme.events[f"e{n}@t"] = event(f"e{n}@t", start=start,
                                            end=start + timedelta(minutes=30))
    names = write_site(programme, tmp_path, page_limit=20)
    pages = sorted(n for n in names if n.endswith(".html"))
    assert pages == [
        "day-2019-04-03-2.html", "day-2019-04-03.html", "day-2019-04-04-2.html",
        "day-2019-04-04.html", "day-2019-04-05-2.html", "day-2019-04-05.html",
        "day-2019-04-06-2.html", "day-2019-04-06.html", "day-2019-04-07.html",
        "day-2019-04-08.html", "day-2019-04-09.html", "day-2019-04-10.html", "index.html",
    ]
    listed = []
    for name in pages:
        cards = cards_of(tmp_path / name).cards
        assert len(cards) <= 20
        listed.extend(uid for _, uid in cards)
    assert sorted(listed) == sorted(programme.events)
    overview = cards_of(tmp_path / "index.html")
    assert overview.cards == []
    assert {link.split("#")[0] for link in overview.links} >= set(pages) - {"index.html"}
    config = _config(tmp_path / "day-2019-04-05.html")
    assert config["buckets"] == 1 and not config["single"]


def test_pages_never_pass_the_limit() -> None:
    programme = load_builtin()
    days = slots_by_day(programme)
    for limit in (1, 3, 7, 50, PAGE_LIMIT):
        pages = plan_pages(days, limit)
        assert all(sum(len(p.slots) for p in page.days) <= limit for page in pages)
        assert sum(len(p.slots) for page in pages for p in page.days) == 67


def test_an_event_running_past_midnight_is_listed_on_both_days(tmp_path: Path) -> None:
    programme = small_programme()
    programme.events["night@t"] = event("night@t", start=at(4, 22), end=at(5, 2))
    days = slots_by_day(programme)
    listed = {day.day: [s.continued for s in slots] for day, slots in
              ((slots[0], slots) for slots in days.values() if slots)}
    assert listed == {at(4, 0).date(): [False], at(5, 0).date(): [True]}
    write_site(programme, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.count('data-uid="night@t"') == 2
    assert "(continued)" in html


def test_marks_since_the_previous_release() -> None:
    before = small_programme()
    before.events["same@t"] = event("same@t")
    before.events["moved@t"] = event("moved@t")
    before.events["later@t"] = event("later@t")
    before.events["both@t"] = event("both@t")
    before.events["gone@t"] = event("gone@t")
    before.events["daily@t"] = event("daily@t", recurrence=Recurrence("FREQ=DAILY;COUNT=3"))
    after = before.copy()
    del after.events["gone@t"]
    after.events["moved@t"] = dataclasses.replace(before.events["moved@t"], venue="petri")
    after.events["later@t"] = event("later@t", start=11, end=13)
    after.events["both@t"] = event("both@t", start=11, end=13, venue="petri")
    after.events["new@t"] = event("new@t")
    after.events["same@t"] = dataclasses.replace(before.events["same@t"],
                                                 title=Texts.same("Renamed"))
    # One more date of a repeating event: that date is new, not the others.
    after.events["daily@t"] = event("daily@t", recurrence=Recurrence("FREQ=DAILY;COUNT=4"))
    marks = marks_since(before, after)
    assert {uid: marks_of(marks, uid, after.events[uid].start) for uid in marks} == {
        "moved@t": ("moved",), "later@t": ("rescheduled",),
        "both@t": ("moved", "rescheduled"), "new@t": ("new",), "daily@t": (),
    }
    assert marks_of(marks, "daily@t", at(7, 10)) == ("new",)
    assert marks_since(None, after) == {}


def test_marks_and_cancelled_events_show_on_the_page(tmp_path: Path) -> None:
    before = small_programme()
    before.events["moved@t"] = event("moved@t")
    after = before.copy()
    after.events["moved@t"] = event("moved@t", venue="petri")
    after.events["new@t"] = event("new@t", day=5, status="cancelled")
    write_site(after, tmp_path, previous=before, lang="de")
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<span class="mark mark-moved"><span data-i18n="moved">Ort geändert</span>' in html
    assert '<span data-i18n="new">Neu hinzugekommen</span>' in html
    assert re.search(r'<article class="ev cancelled"[^>]*data-uid="new@t"', html)
    assert '<span data-i18n="cancelled">Abgesagt</span>' in html
    assert '<html lang="de" data-lang="de">' in html


def test_event_ics_links_come_from_the_mapping(tmp_path: Path) -> None:
    programme = small_programme()
    programme.events["a@t"] = event("a@t")
    programme.events["b@t"] = event("b@t", day=5)
    write_site(programme, tmp_path, event_ics={"a@t": "events/a.ics"})
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.count('class="ics"') == 1
    assert 'href="events/a.ics" download' in html


def test_each_text_is_there_in_three_languages(builtin_site: Path) -> None:
    html = (builtin_site / "index.html").read_text(encoding="utf-8")
    assert '<span data-l="ru">среда, 3 апреля 2019 г.</span>' in html
    assert '<span data-l="de">Mittwoch, 3. April 2019</span>' in html
    assert '<span data-l="en">Wednesday, 3 April 2019</span>' in html
    config = _config(builtin_site / "index.html")
    assert config["ui"]["ru"]["mine"] == "Моя программа"
    assert config["ui"]["de"]["shown"] == "Angezeigte Veranstaltungen: {count} von {total}"


def test_a_missing_translation_is_marked_with_the_language_shown(tmp_path: Path) -> None:
    programme = small_programme()
    programme.events["a@t"] = event("a@t", title=Texts(de="Nur Deutsch", en="Only English"))
    programme.events["b@t"] = event("b@t", title=Texts(en="English for all"))
    write_site(programme, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert ('<span data-l="de">Nur Deutsch</span><span data-l="en">Only English</span>'
            '<span data-l="ru" lang="en">Only English</span>') in html
    assert '<span lang="en">English for all</span>' in html


def test_pages_are_cut_by_the_bytes_their_events_take(tmp_path: Path) -> None:
    names = write_site(load_builtin(), tmp_path, page_bytes=10_000)
    pages = [n for n in names if n.startswith("day-")]
    assert len(pages) > 8, "some day needs more than one page"
    listed = []
    for name in pages:
        text = (tmp_path / name).read_text(encoding="utf-8")
        cards = re.findall(r"<article .*?</article>", text, re.S)
        assert len(cards) == 1 or sum(len(c.encode()) for c in cards) <= 10_000
        listed.extend(cards)
    assert len(listed) == 67


def series_with_changes() -> Programme:
    """A daily series with an extra date, a date left out, one occurrence moved and
    renamed, and one called off."""
    programme = small_programme()
    series = event("daily@t", start=16, end=18, title=Texts("Täglich", "Daily", "Ежедневно"),
                   recurrence=Recurrence("FREQ=DAILY;COUNT=4", exdates=(at(5, 16),),
                                         rdates=(at(9, 9),)))
    moved = dataclasses.replace(series, recurrence=None, start=at(6, 18), end=at(6, 20),
                                title=Texts.same("Daily, late edition"), venue="petri",
                                recurrence_id=RecurrenceId(at(6, 16)))
    off = dataclasses.replace(series, recurrence=None, start=at(7, 16), end=at(7, 18),
                              status="cancelled", recurrence_id=RecurrenceId(at(7, 16)))
    programme.events["daily@t"] = dataclasses.replace(series, overrides=(moved, off))
    return programme


def test_a_changed_occurrence_is_listed_as_it_now_is(tmp_path: Path) -> None:
    programme = series_with_changes()
    days = slots_by_day(programme)
    listed = {day.day: [(f"{s.start:%H:%M}", s.event.title.en, s.event.venue, s.event.status)
                        for s in slots] for day, slots in
              ((slots[0], slots) for slots in days.values() if slots)}
    assert listed == {
        at(4, 0).date(): [("16:00", "Daily", "goethe", "confirmed")],
        at(6, 0).date(): [("18:00", "Daily, late edition", "petri", "confirmed")],
        at(7, 0).date(): [("16:00", "Daily", "goethe", "cancelled")],
        at(9, 0).date(): [("09:00", "Daily", "goethe", "confirmed")],
    }
    write_site(programme, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.count('data-uid="daily@t"') == 4
    assert re.search(r'<article class="ev cancelled" id="e-\w+-20190407-1600" '
                     r'data-uid="daily@t"', html)
    data = json.loads((tmp_path / "data" / "events-0.js").read_text("utf-8")[
        len("plannerSiteData(0,"):-3])[0]
    assert data["rrules"] == ["FREQ=DAILY;COUNT=4"]
    assert data["rdates"] == ["2019-04-09T09:00:00"]
    assert data["exdates"] == ["2019-04-05T16:00:00"]
    assert [o["recurrenceId"] for o in data["overrides"]] == ["2019-04-06T16:00:00",
                                                             "2019-04-07T16:00:00"]
    # The occurrence called off is no occurrence to attend or to clash; the moved one says
    # which override it is.
    assert [len(o) for o in data["occurrences"]] == [2, 3, 2]


# ---------------------------------------------------------------------------------------------
# In the publish folder


def test_publish_writes_the_site_linking_the_folders_files(tmp_path: Path) -> None:
    from test_cli import run
    from test_publish import two_releases

    path = two_releases(tmp_path)
    out = tmp_path / "out"
    done = run("publish", "-p", str(path), "-o", str(out), "--base-url",
               "https://example.org/gw2019", "--lang", "de")
    assert done.returncode == 0, done.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de" data-lang="de">' in html
    page = cards_of(out / "index.html")
    assert len(page.cards) == sum(
        len(occurrences(e, *load_builtin().window)) for e in load_builtin().events.values()
    ) - 1, "release 2 dropped one occurrence of the series"
    # Every link into the folder leads to a file the publish wrote: each event's own .ics,
    # the change list, schedule.xml; the feed is offered for subscription.
    for href in page.links:
        if href.startswith(("#", "geo:", "https://www.openstreetmap.org/", "webcal:")):
            continue
        assert (out / href.split("#")[0]).is_file(), href
    assert sum(1 for href in page.links if href.startswith("events/")) == len(page.cards)
    assert 'href="webcal://example.org/gw2019/programme.ics"' in html
    assert 'href="changes.html"' in html and 'href="schedule.xml"' in html
    assert "Veröffentlichung Version 2" in html
    # Release 2 moved the fourth event by two hours: it carries the mark.
    moved = load_builtin().sorted_events()[3].uid
    card = re.search(rf'<article[^>]*data-uid="{re.escape(moved)}".*?</article>', html, re.S)
    assert card and 'data-i18n="rescheduled"' in card.group(0)


def test_a_draft_publish_says_so(tmp_path: Path) -> None:
    from test_publish import do_publish, two_releases

    path = two_releases(tmp_path)
    do_publish(path, tmp_path / "out", draft=True)
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Draft, not released yet" in html
    assert 'href="programme.ics"' in html, "without an address, the feed in the folder"
