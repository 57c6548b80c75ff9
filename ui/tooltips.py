"""Tooltips that show text as it is: Qt guesses whether a tooltip is rich text, so text from
files (titles, descriptions, messages) is escaped and wrapped rather than left to the guess.

A module of its own, small, so that the grid, which the window shows at once, does not
load the dialogs' widgets to get it.
"""

from __future__ import annotations

# Wide enough for a title or a clash sentence on one line; longer text wraps.
MAX_WIDTH_PX = 420


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that Qt shows verbatim, line breaks kept, wrapped at
    MAX_WIDTH_PX."""
    import html  # at the first tooltip, not at start-up

    return (f"<p style='white-space:pre-wrap; max-width: {MAX_WIDTH_PX}px'>"
            + html.escape(text) + "</p>")
