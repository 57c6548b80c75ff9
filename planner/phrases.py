"""Days and times as sentences say them, in German, English and Russian, without Qt.

Clash descriptions and change lists both name an event's time ("Thu 4 Apr 10:00–12:00");
the words come from :data:`PHRASES`, translated through planner.i18n's catalogue (the
English text as key), weekday and month names included.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.i18n import translate

PHRASES: dict[str, str] = {
    "when_same_day": "{day} {start}–{end}",
    "when_days": "{day} {start} – {end_day} {end}",
    "when_all_day": "{day}, all day",
    "when_all_days": "{day} – {end_day}, all day",
    "day": "{weekday} {day} {month}",
    "weekdays": "Mon Tue Wed Thu Fri Sat Sun",
    "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
}


def _names(phrases: dict[str, str], key: str, count: int) -> list[str]:
    """The space-separated names under ``key`` (weekdays, months); English when a
    translation does not have ``count`` of them."""
    names = phrases[key].split()
    return names if len(names) == count else PHRASES[key].split()


class Phrases:
    """Days and times in ``lang``, told in ``zone`` (the programme's)."""

    def __init__(self, lang: str, zone: ZoneInfo) -> None:
        self.lang = lang
        self.zone = zone
        self._m = {key: translate(template, lang) for key, template in PHRASES.items()}
        self._weekdays = _names(self._m, "weekdays", 7)
        self._months = _names(self._m, "months", 12)

    def day(self, moment: datetime) -> str:
        """The weekday and date of ``moment`` as it stands (``Thu 4 Apr``)."""
        return self._m["day"].format(
            weekday=self._weekdays[moment.weekday()],
            day=moment.day,
            month=self._months[moment.month - 1],
        )

    def when(self, start: datetime, end: datetime, all_day: bool) -> str:
        """An occurrence's time: ``Thu 4 Apr 10:00–12:00``, across midnight with both
        days, all-day ones by their days (the end being exclusive)."""
        if all_day:
            # All-day events keep their own calendar days.
            last = end - timedelta(days=1)
            if last.date() <= start.date():
                return self._m["when_all_day"].format(day=self.day(start))
            return self._m["when_all_days"].format(day=self.day(start), end_day=self.day(last))
        start, end = start.astimezone(self.zone), end.astimezone(self.zone)
        if start.date() == end.date():
            return self._m["when_same_day"].format(
                day=self.day(start), start=f"{start.hour:02}:{start.minute:02}",
                end=f"{end.hour:02}:{end.minute:02}",
            )
        return self._m["when_days"].format(
            day=self.day(start), start=f"{start.hour:02}:{start.minute:02}",
            end_day=self.day(end), end=f"{end.hour:02}:{end.minute:02}",
        )  # fmt: skip
