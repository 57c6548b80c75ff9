"""The printed programme: a cover and one section per day, and door sheets per venue and day.

Everything is painted with QPainter onto a QPagedPaintDevice (QPdfWriter for ``main.py
print``, the QPrinter of the print dialog or of the print preview), so the PDF, the printer
and the preview share one code path. Text is drawn as text, so a PDF stays searchable.

Pages are laid out first (each block measured with the device's font metrics and placed)
and painted afterwards, so that every footer can say "Page 3 of 12".

The window's jobs run on a worker (:mod:`ui.tasks`) with a progress dialog:
:func:`export_pdf_in_background` (a PDF put in place only when complete, so that Cancel
leaves no file) and :func:`print_in_background` (the same onto a printer, whose job Cancel
aborts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import segno
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
    QTime,
    QTranslator,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from planner.counting import Count, count_by_track
from planner.i18n import msg
from planner.model import Event, Lang, Programme, UnknownReferenceError, speaker_labels
from planner.publish.context import feed_path, webcal_address
from planner.recurrence import expand
from ui.tasks import Progress, Task, run_with_progress

# DejaVu Sans has Latin and Cyrillic in one family, so a Russian programme prints whole.
FONT_FAMILY = "DejaVu Sans"
# The locale that writes each language's dates as the event's own country would.
LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_GB", "ru": "ru_RU"}
# A4 margins in millimetres (left, top, right, bottom): room for binding and printers'
# unprintable edges.
MARGINS_MM = QMarginsF(18, 16, 18, 14)

INK = QColor("#1d2226")
MUTED = QColor("#5f6b73")
RULE = QColor("#d5dade")
ALERT = QColor("#c62828")
NOTE = QColor("#b26a00")

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


# Shown text is written as QCoreApplication.translate("Printing", "...") where it is used:
# pyside6-lupdate finds those calls (a wrapper of our own would hide the context from it).


def fill(template: str, *values: object) -> str:
    """Qt-style ``%1``, ``%2`` placeholders filled in: translations may reorder them."""
    for n, value in reversed(list(enumerate(values, start=1))):
        template = template.replace(f"%{n}", str(value))
    return template


def install_translations(lang: str) -> list[QTranslator]:
    """Install Qt translators for ``lang`` from resources/translations (``*_<lang>.qm``), so
    the printed labels follow ``--lang``. Returns them: they must stay alive while in use.
    (The window's translators, built from the .ts when missing: :mod:`ui.i18n`.)"""
    from ui.i18n import install_translations as install

    return install(lang, folder=TRANSLATIONS)


def locale_for(lang: str) -> QLocale:
    return QLocale(LOCALES.get(lang, lang))


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_heading(day: date, lang: str) -> str:
    """The weekday and date, as the language writes it: "Mittwoch, 3. April 2019"."""
    return locale_for(lang).toString(qdate(day), QLocale.FormatType.LongFormat)


def _date_format(locale: QLocale) -> str:
    """The locale's long date format without its weekday ("d. MMMM yyyy")."""
    fmt = locale.dateFormat(QLocale.FormatType.LongFormat)
    return re.sub(r"d{4}[^dMy']*", "", fmt, count=1).strip()


def date_range(first: date, last: date, lang: str) -> str:
    """The programme's days: "3–10 April 2019", "3.–10. April 2019", "3–10 апреля 2019 г."."""
    locale = locale_for(lang)
    fmt = _date_format(locale)
    whole_last = locale.toString(qdate(last), fmt)
    if first == last:
        return whole_last
    day_part = re.match(r"d+\.?", fmt)
    if (first.year, first.month) == (last.year, last.month) and day_part:
        return f"{locale.toString(qdate(first), day_part.group())}–{whole_last}"
    return f"{locale.toString(qdate(first), fmt)} – {whole_last}"


def clock(moment: datetime | time, lang: str) -> str:
    """A time of day in the language's short format ("19:30")."""
    return locale_for(lang).toString(QTime(moment.hour, moment.minute),
                                     QLocale.FormatType.ShortFormat)


def utc_offset(programme: Programme, day: date) -> str:
    offset = datetime.combine(day, time(12), programme.zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# ---------------------------------------------------------------------------------------------
# What is printed: the selection and the occurrences of each day


@dataclass(frozen=True, slots=True)
class Entry:
    """One occurrence of an event on one printed day, in the programme's time zone."""

    event: Event
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Selection:
    """Which events a print shows: some tracks (None: all) and some UIDs (None: all)."""

    tracks: frozenset[str] | None = None
    uids: frozenset[str] | None = None

    @classmethod
    def checked(
        cls,
        programme: Programme,
        tracks: Iterable[str] | None = None,
        uids: Collection[str] | None = None,
    ) -> Selection:
        """A selection whose track ids all exist in ``programme``."""
        chosen = None if tracks is None else frozenset(tracks)
        for track in sorted(chosen or ()):
            if track not in programme.tracks:
                raise UnknownReferenceError(msg("unknown track '{track}'", track=track))
        return cls(chosen, None if uids is None else frozenset(uids))

    @property
    def is_filtered(self) -> bool:
        return self.tracks is not None or self.uids is not None

    def includes(self, event: Event) -> bool:
        return (self.tracks is None or event.track in self.tracks) and (
            self.uids is None or event.uid in self.uids
        )


def day_entries(programme: Programme, day: date, selection: Selection = Selection()) -> list[Entry]:
    """The occurrences to print under ``day``, all-day ones first, then by start.

    A timed occurrence belongs to the day it starts on (a concert until 01:00 is not listed
    again the next morning); an all-day one to every day it covers.
    """
    zone = programme.zone
    day_start = datetime.combine(day, time(0), zone)
    day_end = datetime.combine(day + timedelta(days=1), time(0), zone)
    entries = []
    for event in programme.events.values():
        if not selection.includes(event):
            continue
        for occ in expand(event, after=day_start, before=day_end).occurrences:
            start, end = occ.start.astimezone(zone), occ.end.astimezone(zone)
            if event.all_day or start.date() == day:
                # A changed occurrence prints as it now is (title, venue, status).
                entries.append(Entry(occ.event, start, end))
    entries.sort(key=lambda e: (not e.event.all_day, e.start, e.end, e.event.uid))
    return entries


# ---------------------------------------------------------------------------------------------
# Layout: blocks measured against the device, placed on pages, painted afterwards

Paint = Callable[[QPainter], None]
Draw = Callable[[QPainter, float], None]  # paints something with its top at y


def _at(draw: Draw, y: float) -> Paint:
    """``draw`` fixed at ``y``: bound now, since the layout's y moves on."""

    def paint(painter: QPainter) -> None:
        draw(painter, y)

    return paint


def _both(first: Draw, second: Draw) -> Draw:
    def draw(painter: QPainter, y: float) -> None:
        first(painter, y)
        second(painter, y)

    return draw


@dataclass(slots=True)
class _Block:
    height: float
    draw: Draw


class _Pages:
    """The pages of one document: the paint operations of each, then the footers."""

    def __init__(self, device: QPagedPaintDevice, programme: Programme, lang: Lang,
                 progress: Progress | None = None, base_url: str | None = None) -> None:
        self.device = device
        self.programme = programme
        self.lang = lang
        # Where the publish folder is served: the pages then carry their feed's QR code.
        self.base_url = base_url
        # Told (0, 0) while the pages are laid out and (page, pages) while they are painted;
        # it may raise to stop the work (a Cancel), which aborts a print job.
        self.progress = progress
        self.locale = locale_for(lang)
        self.width = float(device.width())
        self.height = float(device.height())
        self._px_per_mm = device.logicalDpiY() / 25.4
        self.family = FONT_FAMILY if FONT_FAMILY in QFontDatabase.families() else QFont().family()
        self.pages: list[list[Paint]] = []
        self.footer_height = self.mm(9)

    # units and text

    def mm(self, value: float) -> float:
        return value * self._px_per_mm

    def font(self, points: float, *, bold: bool = False, strike: bool = False,
             italic: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setStrikeOut(strike)
        font.setItalic(italic)
        # Ligatures come out of the PDF as one glyph ("ﬃ"), which a reader's search for
        # "office" does not find: plain letters keep the text searchable. (Qt 6.7 and later
        # can switch them off.)
        if hasattr(QFont, "Tag"):
            for tag in ("liga", "clig", "dlig"):
                font.setFeature(QFont.Tag(tag), 0)
        return font

    def text_height(self, font: QFont, text: str, width: float) -> float:
        metrics = QFontMetricsF(font, self.device)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        return metrics.boundingRect(QRectF(0, 0, width, 1e9), flags, text).height()

    def text(self, font: QFont, colour: QColor, text: str, x: float, width: float,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> tuple[float, Draw]:
        """The height of wrapped ``text`` and a function that paints it with its top at y."""
        height = self.text_height(font, text, width)

        def draw(painter: QPainter, y: float) -> None:
            painter.setFont(font)
            painter.setPen(colour)
            flags = int(Qt.TextFlag.TextWordWrap) | int(align) | int(Qt.AlignmentFlag.AlignTop)
            painter.drawText(QRectF(x, y, width, height + 1), flags, text)

        return height, draw

    # pages

    def new_page(self) -> list[Paint]:
        page: list[Paint] = []
        self.pages.append(page)
        return page

    @property
    def body_bottom(self) -> float:
        return self.height - self.footer_height

    def flow(self, blocks: list[_Block], start_page: Callable[[bool], float],
             gap: float, rule: bool = True) -> None:
        """Place ``blocks`` one under another, starting a page (``start_page(continued)``
        returns the top of its body) whenever the next block does not fit."""
        y = start_page(False)
        first_on_page = True
        for block in blocks:
            if self.progress is not None:
                self.progress(0, 0)
            if not first_on_page and y + block.height > self.body_bottom:
                y = start_page(True)
                first_on_page = True
            page = self.pages[-1]
            if rule and not first_on_page:
                line_y = y - gap / 2
                page.append(self.rule(line_y, RULE, 0.2))
            page.append(_at(block.draw, y))
            y += block.height + gap
            first_on_page = False

    def feed_qr(self, kind: str, ident: str, size_mm: float,
                caption: str) -> tuple[float, float, Callable[[QPainter, float, float], None]]:
        """The QR code of a feed of the publish folder (``kind``: programme, track or
        venue), ``size_mm`` wide, with ``caption`` and the address under it: its width,
        height and a function that paints it with its top left at (x, y)."""
        assert self.base_url is not None
        address = webcal_address(self.base_url, feed_path(self.programme, kind, ident))
        matrix = segno.make(address, error="m").matrix
        size = self.mm(size_mm)
        # Four modules of quiet zone on each side, as scanners expect.
        module = size / (len(matrix) + 8)
        caption_h, caption_draw = self.text(self.font(7.5, bold=True), INK, caption, 0, size)
        url_h, url_draw = self.text(self.font(6), MUTED, address, 0, size)

        def paint(painter: QPainter, x: float, y: float) -> None:
            painter.fillRect(QRectF(x, y, size, size), QColor("white"))
            for row, line in enumerate(matrix):
                column = 0
                while column < len(line):
                    if not line[column]:
                        column += 1
                        continue
                    # One rectangle per run of dark modules: fewer shapes, no hairline gaps.
                    end = column
                    while end < len(line) and line[end]:
                        end += 1
                    painter.fillRect(QRectF(x + (column + 4) * module, y + (row + 4) * module,
                                            (end - column) * module, module), INK)
                    column = end
            painter.save()
            painter.translate(x, 0)
            caption_draw(painter, y + size + self.mm(0.5))
            url_draw(painter, y + size + self.mm(0.8) + caption_h)
            painter.restore()

        return size, size + self.mm(0.8) + caption_h + url_h, paint

    def rule(self, y: float, colour: QColor, width_mm: float) -> Paint:
        def paint(painter: QPainter) -> None:
            self.hline(painter, y, colour, width_mm)

        return paint

    def hline(self, painter: QPainter, y: float, colour: QColor, width_mm: float,
              x0: float = 0.0, x1: float | None = None) -> None:
        pen = QPen(colour)
        pen.setWidthF(self.mm(width_mm))
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y), QPointF(self.width if x1 is None else x1, y))

    def footer(self, painter: QPainter, number: int, total: int, left: str) -> None:
        font = self.font(7.5)
        metrics = QFontMetricsF(font, self.device)
        y = self.height - metrics.height()
        self.hline(painter, y - self.mm(2.5), RULE, 0.25)
        painter.setFont(font)
        painter.setPen(MUTED)
        page_text = fill(QCoreApplication.translate("Printing", "Page %1 of %2"), number, total)
        right = metrics.horizontalAdvance(page_text)
        painter.drawText(QPointF(self.width - right, y + metrics.ascent()), page_text)
        room = self.width - right - self.mm(8)
        left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QPointF(0, y + metrics.ascent()), left)

    def paint(self, footer_text: str, footer_from: int = 1) -> int:
        """Paint every page onto the device; returns the page count. Should the work stop
        half-way (a failure, a Cancel), a printer is asked to abort the job (which Qt can do
        on Windows and macOS, not through CUPS, where the pages so far are sent)."""
        painter = QPainter()
        if not painter.begin(self.device):
            raise OSError("cannot start painting on the print device")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            total = len(self.pages)
            for number, page in enumerate(self.pages, start=1):
                if self.progress is not None:
                    self.progress(number - 1, total)
                if number > 1 and not self.device.newPage():
                    raise OSError("cannot start a new page on the print device")
                for op in page:
                    painter.save()
                    op(painter)
                    painter.restore()
                if number >= footer_from:
                    self.footer(painter, number, total, footer_text)
            if self.progress is not None:
                # The last moment to stop: ending the painter sends a print job off.
                self.progress(total, total)
        except BaseException:
            if isinstance(self.device, QPrinter):
                self.device.abort()
            raise
        finally:
            painter.end()
        return len(self.pages)


# ---------------------------------------------------------------------------------------------
# Pieces of text shared by the programme and the door sheets


def time_label(entry: Entry, lang: str) -> str:
    if entry.event.all_day:
        return QCoreApplication.translate("Printing", "All day")
    return f"{clock(entry.start, lang)}–{clock(entry.end, lang)}"


def speakers_label(programme: Programme, event: Event) -> str:
    names = speaker_labels(programme, event)
    if not names:
        return ""
    if len(names) == 1:
        return fill(QCoreApplication.translate("Printing", "Speaker: %1"), names[0])
    return fill(QCoreApplication.translate("Printing", "Speakers: %1"), ", ".join(names))


def status_label(event: Event) -> tuple[str, QColor] | None:
    if event.status == "cancelled":
        return QCoreApplication.translate("Printing", "Cancelled"), ALERT
    if event.status == "tentative":
        return QCoreApplication.translate("Printing", "To be confirmed"), NOTE
    return None


def track_label(programme: Programme, event: Event, lang: Lang) -> str:
    track = programme.tracks.get(event.track)
    name = track.name.get(lang) if track else event.track
    label = locale_for(lang).toUpper(name)
    if event.languages:
        label += "  ·  " + " / ".join(code.upper() for code in event.languages)
    return label


def track_colour(programme: Programme, event: Event) -> QColor:
    track = programme.tracks.get(event.track)
    return QColor(track.colour if track else "#607d8b")


# ---------------------------------------------------------------------------------------------
# The programme booklet


class _Booklet:
    def __init__(self, pages: _Pages, selection: Selection) -> None:
        self.p = pages
        self.programme = pages.programme
        self.lang = pages.lang
        self.selection = selection

    def build(self) -> None:
        days = []
        for day in self.programme.days:
            entries = day_entries(self.programme, day, self.selection)
            # A filtered print leaves out empty days; the whole programme shows them, since
            # a free day is news to a reader too.
            if entries or not self.selection.is_filtered:
                days.append((day, entries))
        self.cover(days)
        for day, entries in days:
            self.day_section(day, entries)

    def _tracks_printed(self, days: list[tuple[date, list[Entry]]]) -> list[str]:
        used = {entry.event.track for _, entries in days for entry in entries}
        if self.selection.tracks is not None:
            used |= self.selection.tracks
        return [tid for tid in self.programme.tracks if tid in used]

    def cover(self, days: list[tuple[date, list[Entry]]]) -> None:
        p, programme, lang = self.p, self.programme, self.lang
        page = p.new_page()
        y = p.mm(32)
        # A band in the tracks' colours along the top: the programme's visual signature.
        tracks = self._tracks_printed(days) or list(programme.tracks)
        band_h = p.mm(4)

        def band(painter: QPainter) -> None:
            width = p.width / max(1, len(tracks))
            for n, tid in enumerate(tracks):
                painter.fillRect(QRectF(n * width, p.mm(14), width + 1, band_h),
                                 QColor(programme.tracks[tid].colour))

        page.append(band)
        # With the folder's address known, the feed's QR code stands at the top right, beside
        # the name: one track printed, that track's feed; else the whole programme's.
        head_w = p.width
        qr_bottom = y
        if p.base_url is not None:
            chosen = self.selection.tracks
            kind, ident = ("track", next(iter(chosen))) if chosen and len(chosen) == 1 else (
                "programme", "")
            caption = QCoreApplication.translate(
                "Printing", "Subscribe in your calendar: every change comes by itself")
            qr_w, qr_h, qr_paint = p.feed_qr(kind, ident, 34, caption)
            top = y
            page.append(lambda painter: qr_paint(painter, p.width - qr_w, top))
            head_w = p.width - qr_w - p.mm(8)
            qr_bottom = y + qr_h
        kicker_h, kicker = p.text(p.font(10, bold=True), MUTED,
                                  QCoreApplication.translate("Printing", "Programme"), 0, head_w)
        page.append(_at(kicker, y))
        y += kicker_h + p.mm(3)
        name_h, name = p.text(p.font(28, bold=True), INK, programme.name.get(lang), 0, head_w)
        page.append(_at(name, y))
        y += name_h + p.mm(5)
        dates = date_range(programme.first_day, programme.last_day, lang)
        dates_h, dates_draw = p.text(p.font(16), INK, dates, 0, head_w)
        page.append(_at(dates_draw, y))
        y += dates_h + p.mm(3)
        zone = fill(QCoreApplication.translate("Printing", "All times are local time: %1 (%2)"),
                    programme.timezone, utc_offset(programme, programme.first_day))
        zone_h, zone_draw = p.text(p.font(10), MUTED, zone, 0, head_w)
        page.append(_at(zone_draw, y))
        y += zone_h + p.mm(2)
        if self.selection.is_filtered:
            shown = len({e.event.uid for _, es in days for e in es})
            note = fill(QCoreApplication.translate("Printing", "A selection: %1 of %2 events"),
                        shown, len(programme.events))
            note_h, note_draw = p.text(p.font(10, bold=True), MUTED, note, 0, head_w)
            page.append(_at(note_draw, y))
            y += note_h
        y = max(y, qr_bottom) + p.mm(10)

        if self.selection.is_filtered:
            heading = QCoreApplication.translate("Printing", "Tracks in this selection")
        else:
            heading = QCoreApplication.translate("Printing", "Tracks in this programme")
        y = self._cover_heading(page, heading, y)
        # Counted as the window and `info` count: a series once among the events, each of
        # its meetings among the sessions ("23 events, 30 sessions").
        counts = count_by_track(programme, [e.uid for e in programme.events.values()
                                            if self.selection.includes(e)])
        for tid in tracks:
            track = programme.tracks[tid]
            label = track.name.get(lang)
            count_text = counts.get(tid, Count()).message().render(lang)
            # The count's column is wide enough for "23 мероприятия, 30 проведений".
            text_h, draw = p.text(p.font(12, bold=True), INK, label, p.mm(9), p.width * 0.52)
            count_h, count_draw = p.text(p.font(10), MUTED, count_text, p.width * 0.55,
                                         p.width * 0.45, Qt.AlignmentFlag.AlignRight)
            colour = QColor(track.colour)

            def swatch(painter: QPainter, y: float = y, colour: QColor = colour,
                       draw: Callable[[QPainter, float], None] = draw,
                       count_draw: Callable[[QPainter, float], None] = count_draw,
                       text_h: float = text_h) -> None:
                painter.fillRect(QRectF(0, y + p.mm(0.4), p.mm(5.5), text_h - p.mm(0.8)), colour)
                draw(painter, y)
                count_draw(painter, y + p.mm(0.6))

            page.append(swatch)
            y += max(text_h, count_h) + p.mm(3)

        y += p.mm(6)
        venues = [vid for vid in programme.venues
                  if any(e.event.venue == vid for _, es in days for e in es)]
        if venues:
            y = self._cover_heading(page, QCoreApplication.translate("Printing", "Venues"), y)
            for n, vid in enumerate(venues):
                venue = programme.venues[vid]
                name_h, name_draw = p.text(p.font(8.5, bold=True), INK, venue.name.get(lang), 0,
                                           p.width * 0.5 - p.mm(3))
                addr_h, addr_draw = p.text(p.font(8.5), MUTED, venue.address, p.width * 0.5,
                                           p.width * 0.5)
                row_h = max(name_h, addr_h)
                if y + row_h > p.height:  # the cover has no footer
                    # Every event carries its venue's address as well, so a cut list loses
                    # nothing; it says how much is left out.
                    more = fill(QCoreApplication.translate("Printing", "… and %1 more"),
                                len(venues) - n)
                    _, more_draw = p.text(p.font(8.5, italic=True), MUTED, more, 0, p.width)
                    page.append(_at(more_draw, y))
                    break
                page.append(_at(_both(name_draw, addr_draw), y))
                y += row_h + p.mm(1.2)

    def _cover_heading(self, page: list[Paint], text: str, y: float) -> float:
        p = self.p
        h, draw = p.text(p.font(11, bold=True), MUTED, p.locale.toUpper(text), 0, p.width)
        page.append(_at(draw, y))
        y += h + p.mm(1.5)
        page.append(p.rule(y, RULE, 0.35))
        return y + p.mm(3.5)

    def day_section(self, day: date, entries: list[Entry]) -> None:
        p = self.p
        heading = day_heading(day, self.lang)

        def start_page(continued: bool) -> float:
            page = p.new_page()
            title_font = p.font(18, bold=True)
            h, draw = p.text(title_font, INK, heading, 0, p.width)
            page.append(_at(draw, 0))
            if continued:
                continued_text = QCoreApplication.translate("Printing", "(continued)")
                metrics = QFontMetricsF(title_font, p.device)
                x = metrics.horizontalAdvance(heading + " ")
                if x < p.width * 0.7:
                    more_h, more = p.text(p.font(11), MUTED, continued_text, x, p.width - x)
                    baseline = metrics.ascent()
                    sub = QFontMetricsF(p.font(11), p.device).ascent()
                    page.append(_at(more, baseline - sub))
                else:
                    more_h, more = p.text(p.font(11), MUTED, continued_text, 0, p.width)
                    page.append(_at(more, h))
                    h += more_h
            y = h + p.mm(2)
            page.append(p.rule(y, INK, 0.6))
            return y + p.mm(6)

        blocks = [self.event_block(entry) for entry in entries]
        if not blocks:
            none = QCoreApplication.translate("Printing", "No events on this day.")
            h, draw = p.text(p.font(11, italic=True), MUTED, none, 0, p.width)
            blocks = [_Block(h, draw)]
        p.flow(blocks, start_page, gap=p.mm(5))

    def event_block(self, entry: Entry) -> _Block:
        p, programme, lang, event = self.p, self.programme, self.lang, entry.event
        time_w = p.mm(27)
        bar_x = time_w
        text_x = time_w + p.mm(4.5)
        text_w = p.width - text_x
        cancelled = event.status == "cancelled"
        colour = track_colour(programme, event)

        parts: list[tuple[float, Callable[[QPainter, float], None], float]] = []

        def add(font: QFont, ink: QColor, text: str, after: float) -> None:
            if text:
                h, draw = p.text(font, ink, text, text_x, text_w)
                parts.append((h, draw, after))

        add(p.font(7.5, bold=True), colour.darker(115), track_label(programme, event, lang),
            p.mm(1))
        add(p.font(11.5, bold=True, strike=cancelled), MUTED if cancelled else INK,
            event.title.get(lang), p.mm(1.2))
        status = status_label(event)
        if status:
            add(p.font(8.5, bold=True), status[1], p.locale.toUpper(status[0]), p.mm(1))
        venue = programme.venues.get(event.venue)
        if venue is not None:
            where = venue.name.get(lang)
            if venue.address:
                where += " · " + venue.address
            add(p.font(8.5), MUTED, where, p.mm(0.8))
        add(p.font(8.5), INK, speakers_label(programme, event), 0)
        if parts:
            last_h, last_draw, _ = parts[-1]
            parts[-1] = (last_h, last_draw, 0)

        time_h, time_draw = p.text(p.font(10, bold=True, strike=cancelled),
                                   MUTED if cancelled else INK, time_label(entry, lang),
                                   0, time_w - p.mm(2))
        text_h = sum(h + after for h, _, after in parts)
        height = max(time_h, text_h)

        def draw(painter: QPainter, y: float) -> None:
            painter.fillRect(QRectF(bar_x, y + p.mm(0.5), p.mm(1.6), height - p.mm(0.5)),
                             colour.lighter(150) if cancelled else colour)
            # The time sits on the same line as the track label, so that text extraction
            # reads each title as one run.
            time_draw(painter, y - p.mm(0.6))
            top = y
            for h, part, after in parts:
                part(painter, top)
                top += h + after

        return _Block(height, draw)


# ---------------------------------------------------------------------------------------------
# Door sheets: one page per venue and day, in large type


class _DoorSheets:
    def __init__(self, pages: _Pages, selection: Selection) -> None:
        self.p = pages
        self.programme = pages.programme
        self.lang = pages.lang
        self.selection = selection

    def build(self) -> None:
        by_venue: dict[str, dict[date, list[Entry]]] = {}
        for day in self.programme.days:
            for entry in day_entries(self.programme, day, self.selection):
                by_venue.setdefault(entry.event.venue, {}).setdefault(day, []).append(entry)
        for vid in self.programme.venues:
            for day, entries in by_venue.get(vid, {}).items():
                self.sheet(vid, day, entries)

    def sheet(self, vid: str, day: date, entries: list[Entry]) -> None:
        p, lang = self.p, self.lang
        venue = self.programme.venues[vid]
        heading = day_heading(day, lang)
        qr = None
        if p.base_url is not None:
            caption = QCoreApplication.translate("Printing", "This room in your calendar")
            qr = p.feed_qr("venue", vid, 26, caption)
        text_w = p.width - (qr[0] + p.mm(6) if qr else 0)

        def start_page(continued: bool) -> float:
            page = p.new_page()
            y = 0.0
            if continued:
                heading_text = f"{heading} {QCoreApplication.translate('Printing', '(continued)')}"
            else:
                heading_text = heading
            for font, ink, text, after in (
                (p.font(26, bold=True), INK, venue.name.get(lang), p.mm(2)),
                (p.font(11), MUTED, venue.address, p.mm(6)),
                (p.font(18, bold=True), INK, heading_text, p.mm(2)),
            ):
                if text:
                    h, draw = p.text(font, ink, text, 0, text_w)
                    page.append(_at(draw, y))
                    y += h + after
            if qr is not None:
                qr_w, qr_h, qr_paint = qr
                page.append(lambda painter: qr_paint(painter, p.width - qr_w, 0.0))
                y = max(y, qr_h + p.mm(2))
            page.append(p.rule(y, INK, 1.0))
            return y + p.mm(8)

        blocks = [self.block(entry) for entry in entries]
        p.flow(blocks, start_page, gap=p.mm(9))

    def block(self, entry: Entry) -> _Block:
        p, programme, lang, event = self.p, self.programme, self.lang, entry.event
        cancelled = event.status == "cancelled"
        colour = track_colour(programme, event)
        # The time leads, big, read from across a corridor; the title under it.
        text_x = p.mm(7)
        text_w = p.width - text_x
        ink = MUTED if cancelled else INK
        parts = [
            p.text(p.font(24, bold=True, strike=cancelled), ink, time_label(entry, lang),
                   text_x, text_w),
            p.text(p.font(20, bold=True, strike=cancelled), ink, event.title.get(lang), text_x,
                   text_w),
        ]
        status = status_label(event)
        if status:
            parts.append(p.text(p.font(16, bold=True), status[1], p.locale.toUpper(status[0]),
                                text_x, text_w))
        speakers = speakers_label(programme, event)
        if speakers:
            parts.append(p.text(p.font(12), INK, speakers, text_x, text_w))
        parts.append(p.text(p.font(10, bold=True), colour.darker(115),
                            track_label(programme, event, lang), text_x, text_w))
        gap = p.mm(1.5)
        height = sum(h for h, _ in parts) + gap * (len(parts) - 1)

        def draw(painter: QPainter, y: float) -> None:
            painter.fillRect(QRectF(0, y + p.mm(1), p.mm(2.5), height - p.mm(1)),
                             colour.lighter(150) if cancelled else colour)
            top = y
            for h, part in parts:
                part(painter, top)
                top += h + gap

        return _Block(height, draw)


# ---------------------------------------------------------------------------------------------
# Entry points


def _footer_text(programme: Programme, lang: Lang) -> str:
    dates = date_range(programme.first_day, programme.last_day, lang)
    return f"{programme.name.get(lang)} · {dates}"


def render_programme(
    programme: Programme,
    device: QPagedPaintDevice,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    progress: Progress | None = None,
    *,
    base_url: str | None = None,
) -> int:
    """Paint the printed programme onto ``device`` (a QPdfWriter or QPrinter); returns the
    number of pages. ``tracks`` and ``uids`` narrow it to some tracks or events (a filter,
    the starred ones); an unknown track raises UnknownReferenceError before anything is
    painted. With ``base_url`` (where the publish folder is served) the cover carries the
    QR code of the programme's feed (of the track's, when one track is printed)."""
    selection = Selection.checked(programme, tracks, uids)
    pages = _Pages(device, programme, lang, progress, base_url)
    _Booklet(pages, selection).build()
    # The cover carries no page number, but counts.
    return pages.paint(_footer_text(programme, lang), footer_from=2)


def render_door_sheets(
    programme: Programme,
    device: QPagedPaintDevice,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    progress: Progress | None = None,
    *,
    base_url: str | None = None,
) -> int:
    """Paint one sheet per venue and day onto ``device``; returns the number of pages.
    With ``base_url`` each sheet carries the QR code of its venue's feed."""
    selection = Selection.checked(programme, tracks, uids)
    pages = _Pages(device, programme, lang, progress, base_url)
    _DoorSheets(pages, selection).build()
    if not pages.pages:
        pages.new_page()  # a printer needs at least one page; a blank one says "nothing"
    return pages.paint(_footer_text(programme, lang))


def pdf_writer(path: str | Path, title: str) -> QPdfWriter:
    """A QPdfWriter for an A4 portrait PDF at ``path`` with our margins."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    MARGINS_MM, QPageLayout.Unit.Millimeter)
    )
    writer.setResolution(600)
    writer.setTitle(title)
    writer.setCreator("Programme Planner")
    return writer


def _check_writable(path: Path) -> None:
    # QPdfWriter only says "could not begin" on a bad path; Python says why.
    with open(path, "ab"):
        pass


def write_pdf(
    programme: Programme,
    path: str | Path,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    progress: Progress | None = None,
    *,
    base_url: str | None = None,
) -> int:
    """Write the printed programme as an A4 PDF; returns the number of pages.

    Raises UnknownReferenceError for an unknown track and OSError (naming ``path``) when
    the file cannot be written."""
    path = Path(path)
    tracks = None if tracks is None else list(tracks)
    Selection.checked(programme, tracks, uids)
    _check_writable(path)
    writer = pdf_writer(path, programme.name.get(lang))
    try:
        return render_programme(programme, writer, lang, tracks, uids, progress,
                                base_url=base_url)
    finally:
        del writer  # closes the file


def print_pdf(
    programme: Programme,
    path: str | Path,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    *,
    base_url: str | None = None,
) -> int:
    """``write_pdf`` for the command line: with a QGuiApplication (made if there is none)
    and the translations of ``lang`` installed while it paints. Returns the page count."""
    app = QGuiApplication.instance() or QGuiApplication(["programme-planner"])
    translators = install_translations(lang)
    try:
        return write_pdf(programme, path, lang, tracks, uids, base_url=base_url)
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def render_venue_sheets(
    programme: Programme,
    path_or_printer: str | Path | QPagedPaintDevice,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    progress: Progress | None = None,
    *,
    base_url: str | None = None,
) -> int:
    """One page per venue and day with that venue's events in large type, for the door:
    into a PDF file (a path) or onto a printer. Returns the number of pages."""
    if isinstance(path_or_printer, QPagedPaintDevice):
        return render_door_sheets(programme, path_or_printer, lang, tracks, uids, progress,
                                  base_url=base_url)
    path = Path(path_or_printer)
    tracks = None if tracks is None else list(tracks)
    Selection.checked(programme, tracks, uids)
    _check_writable(path)
    writer = pdf_writer(path, programme.name.get(lang))
    try:
        return render_door_sheets(programme, writer, lang, tracks, uids, progress,
                                  base_url=base_url)
    finally:
        del writer


# ---------------------------------------------------------------------------------------------
# Dialogs for the window (File → Print, Print Preview)


def new_printer() -> QPrinter:
    """A high-resolution QPrinter set to A4 with our margins (the dialog may change both)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    MARGINS_MM, QPageLayout.Unit.Millimeter)
    )
    return printer


def ask_printer(parent: QWidget | None, programme: Programme, lang: Lang = "en", *,
                door_sheets: bool = False) -> QPrinter | None:
    """The printer the user chose in QPrintDialog (None if they cancelled)."""
    printer = new_printer()
    printer.setDocName(programme.name.get(lang))
    dialog = QPrintDialog(printer, parent)
    if door_sheets:
        dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print Door Sheets"))
    else:
        dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print Programme"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_with_dialog(
    parent: QWidget,
    programme: Programme,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    *,
    door_sheets: bool = False,
    base_url: str | None = None,
) -> Task | None:
    """Ask for a printer with QPrintDialog, then print the programme (or the door sheets)
    on a worker with a progress dialog whose Cancel aborts the print job. Returns the task,
    or None when the user cancelled the print dialog. An unknown track raises
    UnknownReferenceError before any dialog. ``base_url``: see :func:`render_programme`."""
    tracks = None if tracks is None else list(tracks)
    Selection.checked(programme, tracks, uids)
    printer = ask_printer(parent, programme, lang, door_sheets=door_sheets)
    if printer is None:
        return None
    return print_in_background(parent, printer, programme, lang, tracks, uids,
                               door_sheets=door_sheets, base_url=base_url)


class _PreviewDialog(QPrintPreviewDialog):
    """A preview dialog that keeps its printer alive: QPrintPreviewDialog does not own it."""

    def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
        super().__init__(printer, parent)
        self._printer = printer


def preview_dialog(
    parent: QWidget | None,
    programme: Programme,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    *,
    door_sheets: bool = False,
    base_url: str | None = None,
) -> QPrintPreviewDialog:
    """A QPrintPreviewDialog that paints the programme (or the door sheets) on request;
    the caller shows it with exec() or open()."""
    tracks = None if tracks is None else list(tracks)
    Selection.checked(programme, tracks, uids)
    printer = new_printer()
    printer.setDocName(programme.name.get(lang))
    dialog = _PreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print Preview"))
    render = render_door_sheets if door_sheets else render_programme
    dialog.paintRequested.connect(
        lambda target: render(programme, target, lang, tracks, uids, base_url=base_url)
    )
    return dialog


def preview(
    parent: QWidget | None,
    programme: Programme,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    *,
    door_sheets: bool = False,
) -> int:
    """Show the print preview (modal); printing from it goes through the same renderer."""
    return preview_dialog(parent, programme, lang, tracks, uids, door_sheets=door_sheets).exec()


def export_pdf(
    parent: QWidget | None,
    programme: Programme,
    lang: Lang = "en",
    tracks: Iterable[str] | None = None,
    uids: Collection[str] | None = None,
    *,
    suggested: str | Path = "",
    door_sheets: bool = False,
) -> Path | None:
    """Ask where to save, then write the programme (or the door sheets) as a PDF; returns
    the file written, or None when the user cancelled or the file could not be written
    (which a message box has said)."""
    default = str(suggested) or f"{programme.name.get(lang) or 'programme'}.pdf"
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Printing", "Export PDF"), default,
        QCoreApplication.translate("Printing", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(".pdf")
    from planner.atomic import replacing
    from ui import message_box

    try:
        with replacing(path) as temp:
            if door_sheets:
                render_venue_sheets(programme, temp, lang, tracks, uids)
            else:
                write_pdf(programme, temp, lang, tracks, uids)
    except OSError as exc:
        message_box.warn(
            parent, QCoreApplication.translate("Printing", "Export PDF"),
            fill(QCoreApplication.translate("Printing", "%1: cannot write (%2)"), path,
                 exc.strerror or exc),
        )
        return None
    return path


# -- on a worker (ui.tasks) ---------------------------------------------------------------


def write_pdf_file(programme: Programme, path: str | Path, lang: Lang,
                   tracks: Sequence[str] | None, uids: Collection[str] | None,
                   door_sheets: bool, progress: Progress, base_url: str | None = None,
                   protected: Iterable[str | Path] = ()) -> int:
    """Write the printed programme (or the door sheets) as a PDF at ``path``; returns the
    page count. Runs on a worker (painting on a QPdfWriter is allowed off the GUI thread).

    The pages go to a temporary file beside ``path``, which takes its place only at the end
    and only if the work was not cancelled meanwhile: a cancelled or failed export leaves
    ``path`` as it was. A ``path`` that is one of ``protected`` (the programme's file, by
    any name) is refused (:class:`planner.atomic.OutputError`)."""
    from planner.atomic import replacing

    path = Path(path)
    progress(0, 0)
    with replacing(path, protected) as temp:
        write = render_venue_sheets if door_sheets else write_pdf
        pages = write(programme, temp, lang, tracks, uids, progress, base_url=base_url)
        progress(1, 1)  # the last moment to cancel: nothing is in place yet
    return pages


def export_pdf_in_background(parent: QWidget, programme: Programme, path: str | Path,
                             lang: Lang = "en", tracks: Iterable[str] | None = None,
                             uids: Collection[str] | None = None, *,
                             door_sheets: bool = False, base_url: str | None = None,
                             protected: Iterable[str | Path] = ()) -> Task:
    """Write a PDF (see :func:`write_pdf_file`) on a worker with a progress dialog; Cancel
    leaves no file. The task's ``finished`` carries the page count."""
    copy = programme.copy()
    chosen = None if tracks is None else list(tracks)
    wanted = None if uids is None else frozenset(uids)
    label = QCoreApplication.translate("tasks", "Writing {file}…").format(file=Path(path).name)
    return run_with_progress(
        parent, label,
        lambda progress: write_pdf_file(copy, path, lang, chosen, wanted, door_sheets,
                                        progress, base_url, tuple(protected)))


# -- printing --------------------------------------------------------------------------------


def print_in_background(parent: QWidget, printer: QPrinter, programme: Programme,
                        lang: Lang = "en", tracks: Iterable[str] | None = None,
                        uids: Collection[str] | None = None, *,
                        door_sheets: bool = False, base_url: str | None = None) -> Task:
    """Print the programme (or the door sheets) on ``printer``, set up by the print dialog,
    on a worker with a progress dialog (Qt paints on a QPrinter off the GUI thread). The
    task's ``finished`` carries the page count; ``printer`` belongs to the task from here.

    Cancel stops between pages. Printed to a file, the file appears only when every page
    is in it, so a cancelled print leaves none (and an older file as it was). On a printer,
    the job is aborted where the platform lets Qt do so (Windows, macOS); through CUPS the
    pages painted so far are still sent."""
    copy = programme.copy()
    chosen = None if tracks is None else list(tracks)
    wanted = None if uids is None else frozenset(uids)
    render = render_door_sheets if door_sheets else render_programme
    target = printer.outputFileName() if (
        printer.outputFormat() == QPrinter.OutputFormat.PdfFormat) else ""

    def work(progress: Progress) -> int:
        if not target:
            return render(copy, printer, lang, chosen, wanted, progress, base_url=base_url)
        from planner.atomic import replacing

        with replacing(target) as temp:
            printer.setOutputFileName(str(temp))
            return render(copy, printer, lang, chosen, wanted, progress, base_url=base_url)

    label = QCoreApplication.translate("tasks", "Printing {name}…").format(
        name=programme.name.get(lang))
    return run_with_progress(parent, label, work)
