"""Every text the published site shows besides the programme's own, in the three languages.

Each is a :func:`planner.i18n.msg` template, translated through planner's catalogue like any
other message (``resources/translations/planner_{de,ru}.json``, the English text as key), so
the test that every message has its translations covers the site too. The pages carry the
texts of all three languages and switch between them without a round trip: the programme's
own texts as one element per language, the site's texts as a table the script reads.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from planner.i18n import Message, msg, translate
from planner.model import LANGS, Lang
from planner.phrases import Phrases

# The site's texts by key. Keys name the place a text is used; the template is the English.
UI: dict[str, Message] = {
    "skip": msg("Skip to the programme"),
    "language": msg("Language"),
    "views": msg("Views"),
    "programme": msg("Programme"),
    "mine": msg("My programme"),
    "days": msg("Days"),
    "all_days": msg("All days"),
    "today": msg("today"),
    "filters": msg("Filters"),
    "search": msg("Search"),
    "search_hint": msg("Titles, descriptions, speakers and venues, in any language"),
    "refine": msg("Tracks and venue"),
    "tracks": msg("Tracks"),
    "venue": msg("Venue"),
    "all_venues": msg("All venues"),
    "clear": msg("Clear filters"),
    "shown": msg("Events shown: {count} of {total}"),
    "none_shown": msg("No event matches these filters."),
    "star": msg("Star"),
    "add_to_calendar": msg("Add to calendar (.ics)"),
    "speakers": msg("Speakers"),
    "languages": msg("Languages"),
    "details": msg("Details"),
    "website": msg("Event website"),
    "map": msg("OpenStreetMap"),
    "geo": msg("Maps app"),
    "all_day": msg("all day"),
    "cancelled": msg("Cancelled"),
    "tentative": msg("Not yet confirmed"),
    "new": msg("Newly added"),
    "moved": msg("Venue changed"),
    "rescheduled": msg("Time changed"),
    "times_in": msg("Times are given in {zone}."),
    "your_time": msg("Your time ({zone}): {time}"),
    "continued": msg("(continued)"),
    "mine_empty": msg("No event starred yet: star events in the programme to collect them here."),
    "mine_download": msg("Download my programme (.ics)"),
    "mine_loading": msg("Loading the starred events…"),
    "mine_gone": msg("Starred events no longer in the programme: {count}"),
    "clash": msg("Clashes with: {titles}"),
    "quoted": msg("“{title}”"),
    "clash_count": msg("Starred events that clash: {count}"),
    "show_in_programme": msg("Show in the programme"),
    "choose_day": msg("Choose a day to see its events."),
    "print": msg("Print"),
    "more": msg("Calendars and changes"),
    "subscribe": msg("Subscribe to the whole programme in your calendar"),
    "changes": msg("What changed in each release"),
    "schedule": msg("For conference apps (schedule.xml)"),
    "edition": msg("Release {name}"),
    "draft": msg("Draft, not released yet"),
    "lang_de": msg("German"),
    "lang_en": msg("English"),
    "lang_ru": msg("Russian"),
}

WEEKDAYS = msg("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# Russian needs the month in the genitive after a day number ("3 апреля").
MONTHS = msg("January February March April May June July August September October "
             "November December")
DATES: dict[str, Message] = {
    "long": msg("{weekday}, {day} {month} {year}"),
    "medium": msg("{weekday}, {day} {month}"),
}

# The languages' own names, for the switch: a reader finds her language under its own name.
NATIVE_NAMES: dict[Lang, str] = {"de": "Deutsch", "en": "English", "ru": "Русский"}


def ui_table() -> dict[str, dict[str, str]]:
    """Every site text in every language: ``{lang: {key: text}}`` (placeholders kept)."""
    return {lang: {key: translate(message.template, lang) for key, message in UI.items()}
            for lang in LANGS}


def text(key: str, lang: Lang, **values: object) -> str:
    """The site text ``key`` in ``lang`` with its placeholders filled."""
    return Message(UI[key].template, values).render(lang)


def _names(names: Message, lang: Lang, count: int) -> list[str]:
    found = names.render(lang).split()
    return found if len(found) == count else names.render("en").split()


def day_label(day: date, lang: Lang, style: str = "long") -> str:
    """``day`` in ``lang``: "Wednesday, 3 April 2019" (long), "Wednesday, 3 April"
    (medium) or "Wed 3 Apr" (short, as clash and change messages write it), "среда,
    3 апреля 2019 г." in Russian."""
    if style == "short":
        return Phrases(lang, ZoneInfo("UTC")).day(datetime.combine(day, time()))
    return Message(DATES[style].template, {
        "weekday": _names(WEEKDAYS, lang, 7)[day.weekday()],
        "day": day.day,
        "month": _names(MONTHS, lang, 12)[day.month - 1],
        "year": day.year,
    }).render(lang)
