"""The Find panel: a search box and filters by track, language, day, venue and speaker.

It lives in a dock beside the views and emits the :class:`~planner.search.EventFilter` the
delegate asked for; the window applies it to every view (``planner.search.filter_events``
gives the UIDs that pass). The panel only describes the filter: it neither hides events
itself nor knows the views.

Two kinds of choice, as delegates use them: tracks and languages are switches, all on at
first, that hide what is switched off; days, venues and speakers are lists to pick from,
where nothing ticked means everything and ticking narrows down to what is ticked.

The filter is remembered in the user's settings per programme and comes back the next time
that programme is shown.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.model import LANGS, Lang, Programme
from planner.search import EventFilter, StarredClash, filter_events, starred_clash_details
from ui.i18n import numerus
from ui.icons import colour_icon
from ui.stars import StarStore, programme_key
from ui.tooltips import plain_tooltip

# Typing is debounced so a long programme is filtered once per pause, not once per key.
TYPING_DELAY_MS = 150
# Clashes listed by name in the panel; more are only counted.
CLASHES_SHOWN = 5
# Characters of a title in that list (the whole title is in the views).
CLASH_TITLE_CHARS = 36

_ID_ROLE = Qt.ItemDataRole.UserRole


def _short(title: str) -> str:
    # The clash list sits above the filters: long titles would push them out of sight.
    if len(title) <= CLASH_TITLE_CHARS:
        return title
    return title[:CLASH_TITLE_CHARS - 1].rstrip() + "…"


def day_label(day: date, lang: Lang) -> str:
    """``day`` with its weekday, in ``lang`` (e.g. "Wednesday, 3 April")."""
    from ui.i18n import day_month, locale_for

    return day_month(day, locale_for(lang), weekday="dddd")


class FilterPanel(QWidget):
    """Search and filters for one programme. ``filter_changed`` carries an ``EventFilter``."""

    filter_changed = Signal(object)
    #: The clash list was clicked: the UIDs of the starred events that clash, to show them,
    #: and of repeating ones the occurrence that clashes first (uid to RECURRENCE-ID).
    clashes_activated = Signal(list, dict)

    def __init__(
        self,
        programme: Programme | None = None,
        *,
        stars: StarStore | None = None,
        lang: Lang = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._programme: Programme | None = None
        self._key = ""
        self._lang: Lang = lang
        self._stars = stars
        self._applying = False
        self._announcing: tuple[EventFilter, set[str] | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._emit)
        self._build()
        if stars is not None:
            stars.changed.connect(self._stars_changed)
        if programme is not None:
            self.set_programme(programme)
            # Made with its programme, before anyone could listen: nothing to announce
            # (whoever connects now reads current_filter()), only the count to show.
            self._timer.stop()
            self._update_count(self.current_filter())

    # -- construction

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search titles, speakers, venues…"))
        self.search_edit.textChanged.connect(lambda _text: self._schedule(TYPING_DELAY_MS))
        self.search_edit.returnPressed.connect(self.flush)

        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.tracks_group = QGroupBox(self.tr("Tracks"))
        self._tracks_layout = QVBoxLayout(self.tracks_group)
        self.track_boxes: dict[str, QCheckBox] = {}

        self.languages_group = QGroupBox(self.tr("Languages"))
        languages_layout = QHBoxLayout(self.languages_group)
        names = {"de": self.tr("German"), "en": self.tr("English"), "ru": self.tr("Russian")}
        self.language_boxes: dict[str, QCheckBox] = {}
        for lang in LANGS:
            box = QCheckBox(names[lang])
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._schedule())
            languages_layout.addWidget(box)
            self.language_boxes[lang] = box

        self.day_list = self._pick_list("days")
        self.venue_list = self._pick_list("venues")
        self.speaker_list = self._pick_list("speakers")
        pick_hint = self.tr("Nothing ticked shows all; tick to narrow down.")
        self.days_group = self._group(self.tr("Days"), self.day_list, pick_hint)
        self.venues_group = self._group(self.tr("Venues"), self.venue_list, pick_hint)
        self.speakers_group = self._group(self.tr("Speakers"), self.speaker_list, pick_hint)

        self.starred_box = QCheckBox(self.tr("Starred only"))
        self.starred_box.setToolTip(self.tr("Show only the events in My programme (Ctrl+D stars)"))
        self.starred_box.toggled.connect(lambda _on: self._schedule())
        self.clash_label = QLabel()
        self.clash_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clash_label.setWordWrap(True)
        self.clash_label.setStyleSheet("color: #b00020;")
        self.clash_label.hide()
        self.clash_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clash_label.installEventFilter(self)
        mine = QGroupBox(self.tr("My programme"))
        mine_layout = QVBoxLayout(mine)
        mine_layout.addWidget(self.starred_box)
        mine_layout.addWidget(self.clash_label)

        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.count_label)
        layout.addWidget(mine)
        layout.addWidget(self.tracks_group)
        layout.addWidget(self.languages_group)
        layout.addWidget(self.days_group)
        layout.addWidget(self.venues_group)
        layout.addWidget(self.speakers_group)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The panel scrolls down, never sideways: when the vertical bar appears, the
        # content gives up its width rather than growing a horizontal bar (as it did in
        # a 1024-pixel window).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _pick_list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setMaximumHeight(160)
        # Long venue names are cut with "…" and shown whole in their tooltip, rather than
        # widening the dock or growing a horizontal scroll bar.
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.itemChanged.connect(lambda _item: self._schedule())
        return widget

    def _group(self, title: str, widget: QWidget, hint: str) -> QGroupBox:
        group = QGroupBox(title)
        group.setToolTip(hint)
        widget.setToolTip(hint)
        layout = QVBoxLayout(group)
        layout.addWidget(widget)
        return group

    # -- the programme and language

    def programme(self) -> Programme | None:
        return self._programme

    def set_programme(self, programme: Programme) -> None:
        """Show ``programme``'s tracks, days, venues and speakers.

        The same programme again (after an edit) keeps the filter as it is; another one
        gets the filter remembered for it.
        """
        key = programme_key(programme)
        if key == self._key and self._programme is not None:
            wanted = self.current_filter()
        else:
            wanted = self._remembered(key)
        self._programme = programme
        self._key = key
        self._fill()
        self._apply(wanted)
        self._update_clashes()
        self._schedule()

    def set_language(self, lang: Lang) -> None:
        """Name tracks, venues and days in ``lang``."""
        self._lang = lang
        if self._programme is not None:
            wanted = self.current_filter()
            self._fill()
            self._apply(wanted)
            self._update_clashes()

    def _fill(self) -> None:
        programme = self._programme
        assert programme is not None
        lang = self._lang
        for box in self.track_boxes.values():
            self._tracks_layout.removeWidget(box)
            box.deleteLater()
        self.track_boxes = {}
        for track in programme.tracks.values():
            box = QCheckBox(track.name.get(lang))
            box.setIcon(colour_icon(track.colour))
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._schedule())
            self._tracks_layout.addWidget(box)
            self.track_boxes[track.id] = box
        self._fill_list(self.day_list,
                        [(d.isoformat(), day_label(d, lang)) for d in programme.days])
        venues = sorted(programme.venues.values(), key=lambda v: v.name.get(lang).casefold())
        self._fill_list(self.venue_list, [(v.id, v.name.get(lang)) for v in venues])
        # Only people who speak somewhere are worth filtering by.
        speaking = {p for e in programme.events.values() for p in e.speakers}
        people = sorted((programme.people[p] for p in speaking if p in programme.people),
                        key=lambda p: p.name.casefold())
        self._fill_list(self.speaker_list, [(p.id, p.name) for p in people])

    def _fill_list(self, widget: QListWidget, rows: list[tuple[str, str]]) -> None:
        widget.blockSignals(True)
        widget.clear()
        for ident, text in rows:
            item = QListWidgetItem(text)
            item.setToolTip(plain_tooltip(text))  # a venue's or speaker's name from a file
            item.setData(_ID_ROLE, ident)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        widget.blockSignals(False)

    # -- the filter

    def current_filter(self) -> EventFilter:
        """The filter the panel shows now (without waiting for the typing delay)."""
        starred = self._stars.starred() if self._stars is not None else frozenset()
        days = self._ticked(self.day_list)
        return EventFilter(
            tracks=self._switched(self.track_boxes),
            venues=self._ticked(self.venue_list),
            languages=self._languages(),
            days=None if days is None else frozenset(date.fromisoformat(d) for d in days),
            speakers=self._ticked(self.speaker_list),
            text=self.search_edit.text(),
            starred_only=self.starred_box.isChecked(),
            starred=starred,
        )

    def matching_uids(self) -> set[str]:
        """The UIDs of the programme's events that pass the current filter."""
        if self._programme is None:
            return set()
        return filter_events(self._programme, self.current_filter())

    def active_uids(self) -> set[str] | None:
        """The UIDs that pass the filter, or None when the filter hides nothing (what the
        export dialog takes as ``current_filter_uids``)."""
        flt = self.current_filter()
        if self._programme is None or not flt.is_active:
            return None
        return filter_events(self._programme, flt)

    def _languages(self) -> frozenset[Lang] | None:
        on = frozenset(lang for lang in LANGS if self.language_boxes[lang].isChecked())
        return None if len(on) == len(LANGS) else on

    @staticmethod
    def _switched(boxes: dict[str, QCheckBox]) -> frozenset[str] | None:
        on = frozenset(ident for ident, box in boxes.items() if box.isChecked())
        return None if len(on) == len(boxes) else on

    @staticmethod
    def _ticked(widget: QListWidget) -> frozenset[str] | None:
        ticked = frozenset(
            str(widget.item(row).data(_ID_ROLE))
            for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked
        )
        return ticked or None

    def set_filter(self, flt: EventFilter) -> None:
        """Show ``flt`` in the panel (ids the programme lacks are ignored) and emit it."""
        self._apply(flt)
        self._schedule()

    def clear_filters(self) -> None:
        """Everything shown again: no text, every track and language, nothing ticked."""
        self.set_filter(EventFilter())

    def _apply(self, flt: EventFilter) -> None:
        # The caller schedules one emission for the whole change, however many boxes flip.
        self._applying = True
        try:
            for ident, box in self.track_boxes.items():
                box.setChecked(flt.tracks is None or ident in flt.tracks)
            for lang, box in self.language_boxes.items():
                box.setChecked(flt.languages is None or lang in flt.languages)
            days = None if flt.days is None else {d.isoformat() for d in flt.days}
            for widget, wanted in ((self.day_list, days), (self.venue_list, flt.venues),
                                   (self.speaker_list, flt.speakers)):
                widget.blockSignals(True)
                for row in range(widget.count()):
                    item = widget.item(row)
                    on = wanted is not None and str(item.data(_ID_ROLE)) in wanted
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                widget.blockSignals(False)
            self.starred_box.setChecked(flt.starred_only)
            if self.search_edit.text() != flt.text:
                self.search_edit.setText(flt.text)
        finally:
            self._applying = False

    # -- emitting and remembering

    def _schedule(self, delay: int = 0) -> None:
        # Check boxes go out on the next turn of the event loop, typing after a pause; both
        # coalesce a burst of changes into one emission.
        if self._applying:
            return
        if delay or not self._timer.isActive():
            self._timer.start(delay)

    def flush(self) -> None:
        """Emit a pending change now (e.g. when Enter is pressed in the search box)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def _emit(self) -> None:
        flt = self.current_filter()
        self._remember(flt)
        self._announcing = (flt, self._update_count(flt))
        try:
            self.filter_changed.emit(flt)
        finally:
            self._announcing = None

    def announced_events(self, flt: EventFilter) -> set[str] | None:
        """While ``filter_changed`` is being emitted for ``flt``: the UIDs it lets through,
        as the count was worked out (a festival's search need not run twice), or None when
        that is not known (then the receiver works it out itself)."""
        if self._announcing is not None and self._announcing[0] == flt:
            return self._announcing[1]
        return None

    def _update_count(self, flt: EventFilter) -> set[str] | None:
        """Show how many events ``flt`` lets through; returns their UIDs (None when the
        filter lets everything through)."""
        if self._programme is None:
            self.count_label.clear()
            return None
        total = len(self._programme.events)
        passing = filter_events(self._programme, flt) if flt.is_active else None
        shown = total if passing is None else len(passing)
        text = numerus(self.tr("%1 of %n event(s)", "", total), total)
        self.count_label.setText(text.replace("%1", str(shown)))
        return passing

    def _settings_key(self, key: str) -> str:
        return f"filters/{key}"

    def _remembered(self, key: str) -> EventFilter:
        raw = QSettings().value(self._settings_key(key), "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            data = {}
        return EventFilter.from_dict(data) if isinstance(data, dict) else EventFilter()

    def _remember(self, flt: EventFilter) -> None:
        if not self._key:
            return
        settings = QSettings()
        settings.setValue(self._settings_key(self._key), json.dumps(flt.to_dict()))

    # -- stars

    def _stars_changed(self) -> None:
        self._update_clashes()
        if self.starred_box.isChecked():
            self._schedule()

    def _update_clashes(self) -> None:
        programme = self._programme
        if programme is None or self._stars is None:
            self.clash_label.hide()
            return
        pairs = starred_clash_details(programme, self._stars.starred())
        if not pairs:
            self.clash_label.clear()
            self.clash_label.hide()
            return
        from ui.i18n import day_month, locale_for

        lang = self._lang
        lines = [numerus(self.tr("%n clash(es) among starred events:", "", len(pairs)),
                         len(pairs))]
        for pair in pairs[:CLASHES_SHOWN]:
            first, second = (programme.events[uid] for uid in pair.events)
            # The day they first meet: of a repeating event, which occurrence it is.
            day = day_month(pair.starts[0].astimezone(programme.zone).date(),
                            locale_for(lang), weekday="ddd", short_month=True)
            lines.append(f"• {_short(first.title.get(lang))} ↔ "
                         f"{_short(second.title.get(lang))} ({day})")
        if len(pairs) > CLASHES_SHOWN:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(pairs) - CLASHES_SHOWN)))
        self.clash_label.setText("\n".join(lines))
        self.clash_label.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.clash_label and event.type() == QEvent.Type.MouseButtonRelease:
            found = self._clash_details()
            uids = sorted({uid for pair in found for uid in pair.events})
            # Of a repeating event, the occurrence in its first clash: a change asks about it.
            chosen: dict[str, object] = {}
            for pair in found:
                for uid, rid in zip(pair.events, pair.recurrence_ids, strict=True):
                    if rid is not None:
                        chosen.setdefault(uid, rid)
            if uids:
                self.clashes_activated.emit(uids, chosen)
            return True
        return super().eventFilter(watched, event)

    def clashes(self) -> list[tuple[str, str]]:
        """The clashing pairs of starred events the panel shows."""
        return [pair.events for pair in self._clash_details()]

    def _clash_details(self) -> list[StarredClash]:
        if self._programme is None or self._stars is None:
            return []
        return starred_clash_details(self._programme, self._stars.starred())

    # -- focus

    def focus_search(self) -> None:
        """Bring the search box forward with its text selected (for Ctrl+F)."""
        dock = self.parent()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parent()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()


def make_find_action(parent: QObject, panel: FilterPanel) -> QAction:
    """The Find action (Ctrl+F, the platform's Find key): brings the search box forward.

    Add it to the window (or the Edit menu) so the shortcut works in every view.
    """
    action = QAction(QCoreApplication.translate("FilterPanel", "Find…"), parent)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
    action.setStatusTip(QCoreApplication.translate("FilterPanel",
                                                    "Search titles, speakers and venues"))
    action.triggered.connect(panel.focus_search)
    return action
