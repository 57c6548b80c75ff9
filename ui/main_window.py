"""The main window: assembles the views and actions; no domain logic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QVBoxLayout, QWidget

from planner.builtin import BUILTIN_LABEL
from planner.model import Programme
from planner.store import ProgrammeStore


class MainWindow(QMainWindow):
    def __init__(self, programme: Programme, store: ProgrammeStore | None = None) -> None:
        super().__init__()
        self.programme = programme
        self.store = store
        source = str(store.path) if store else BUILTIN_LABEL
        self.setWindowTitle(f"{programme.name.get('en')} ({source}) - Programme Planner")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        heading = QLabel(
            f"{programme.name.get('en')}: {programme.first_day:%d %b} to "
            f"{programme.last_day:%d %b %Y}, {programme.timezone}"
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        events = QListWidget()
        for event in programme.sorted_events():
            events.addItem(f"{event.start:%a %d %b %H:%M}  {event.title.get('en')}")
        layout.addWidget(events)
        self.setCentralWidget(central)
        self.resize(1280, 800)
