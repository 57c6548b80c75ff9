"""The printed programme and the door sheets carry the QR code of their feed in the publish
folder, read back from the rendered pages as a phone reads them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from qr_codes import qr_codes_on_page
from test_cli import assert_usage_error
from test_print import page_count, pages_of, run, squash

from planner.builtin import load_builtin
from planner.publish.names import safe_name

BASE = "https://example.org/gw2019/"


def page_text(pdf: Path, page: int) -> str:
    """A page's text in reading order of its blocks (not laid out side by side), squashed."""
    return squash(subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                                 capture_output=True, text=True, check=True).stdout)


def test_the_cover_points_at_the_programmes_feed(tmp_path):
    pdf = tmp_path / "programme.pdf"
    result = run("print", "-o", str(pdf), "--base-url", BASE, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert qr_codes_on_page(pdf, 1) == ["webcal://example.org/gw2019/programme.ics"]
    cover = page_text(pdf, 1)
    assert squash("Subscribe in your calendar") in cover
    assert "webcal://example.org/gw2019/programme.ics" in cover
    # The codes are on the cover only; the day pages carry none.
    assert qr_codes_on_page(pdf, 2) == []


def test_one_track_printed_points_at_its_own_feed(tmp_path):
    pdf = tmp_path / "science.pdf"
    result = run("print", "-o", str(pdf), "--track", "science", "--base-url",
                 BASE.rstrip("/"), "--lang", "de")
    assert result.returncode == 0, result.stderr
    assert qr_codes_on_page(pdf, 1) == ["webcal://example.org/gw2019/tracks/science.ics"]
    assert squash("Im Kalender abonnieren") in page_text(pdf, 1)


def test_without_a_base_url_there_is_no_code(tmp_path):
    pdf = tmp_path / "plain.pdf"
    assert run("print", "-o", str(pdf)).returncode == 0
    assert qr_codes_on_page(pdf, 1) == []


def test_a_bad_base_url_is_refused(tmp_path):
    pdf = tmp_path / "x.pdf"
    assert_usage_error(run("print", "-o", str(pdf), "--base-url", "ftp://example.org/"),
                       "ftp://example.org/")
    assert not pdf.exists()


def test_each_door_sheet_points_at_its_venues_feed(qapp, tmp_path: Path):
    from ui.printing import render_venue_sheets

    programme = load_builtin()
    pdf = tmp_path / "doors.pdf"
    render_venue_sheets(programme, pdf, "en", base_url=BASE)
    texts = pages_of(pdf)
    assert page_count(pdf) == len(texts) > 3
    for number in (1, 2, len(texts)):
        name = next(v for v in programme.venues.values()
                    if v.name.en.split()[0] in texts[number - 1].split("\n", 2)[0])
        expected = f"webcal://example.org/gw2019/venues/{safe_name(name.id)}.ics"
        assert qr_codes_on_page(pdf, number) == [expected], number
        assert squash("This room in your calendar") in page_text(pdf, number)
