"""Tooltips that show text as it is: Qt guesses whether a tooltip is rich text, so text from
files (titles, descriptions, messages) is escaped and wrapped rather than left to the guess.

A module of its own, small, so that the grid, which the window shows at once, does not
load the dialogs' widgets to get it.
"""

from __future__ import annotations

# Wide enough for a title or a clash sentence on one line; longer text wraps.
MAX_WIDTH_PX = 420

# What html.escape(text, quote=True) replaces, done here: the window sets tooltips while it
# is built (the Find panel's venues and speakers, Undo and Redo), and importing the html
# module builds its table of 2,000 named entities, some 2 ms of start-up, for five
# characters. "&" comes first, so that the entities put in are not escaped again.
_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that Qt shows verbatim, line breaks kept, wrapped at
    MAX_WIDTH_PX."""
    for char, entity in _ESCAPES:
        text = text.replace(char, entity)
    return f"<p style='white-space:pre-wrap; max-width: {MAX_WIDTH_PX}px'>{text}</p>"
