"""QR codes (SVG, drawn by ``segno``) for each feed's ``webcal://`` address, so that a phone
pointed at a poster or the printed programme subscribes to the feed. Written only when the
folder's address (``--base-url``) is known: without it there is nothing to point to.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

from planner.publish.context import Progress, PublishContext


def qr_path(feed_path: str) -> str:
    """Where the QR code of the feed at ``feed_path`` is written, relative to the folder."""
    return f"qr/{feed_path.removesuffix('.ics')}.svg"


def qr_svg(text: str, title: str = "") -> bytes:
    """A QR code for ``text`` as an SVG document (medium error correction, so that it still
    scans when printed small or a little smudged)."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=4, title=title or None, xmldecl=True,
        svgclass=None, lineclass=None,
    )
    return buffer.getvalue()


def write_qr_codes(context: PublishContext, folder: Path,
                   progress: Progress | None = None) -> None:
    """Write ``qr/...svg`` for every feed (nothing without a base URL)."""
    for feed in context.feeds:
        address = context.webcal(feed.path)
        if address is None:
            continue
        path = folder / qr_path(feed.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(qr_svg(address, feed.title))
