"""Reading QR codes back, as a phone would: from a rendered PDF page (pdftoppm) or an SVG
(drawn by Qt), decoded by zxing-cpp."""

from __future__ import annotations

import subprocess
from pathlib import Path

import zxingcpp


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (P5) image with 8-bit grey."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5" and fields[3] == b"255", fields
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1:pos + 1 + width * height]


def decode_grey(width: int, height: int, pixels: bytes) -> list[str]:
    """The texts of the QR codes in a grey image."""
    view = memoryview(pixels).cast("B", (height, width))
    return [code.text for code in zxingcpp.read_barcodes(view)]


def qr_codes_on_page(pdf: Path, page: int, dpi: int = 150) -> list[str]:
    """The texts of the QR codes on ``page`` (1 is the first) of ``pdf``."""
    data = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l",
                           str(page), str(pdf)], capture_output=True, check=True).stdout
    return decode_grey(*_pgm(data))


def qr_codes_in_svg(svg: bytes, pixels: int = 400) -> list[str]:
    """The texts of the QR codes in an SVG document, drawn by Qt's SVG renderer."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(QByteArray(svg))
    assert renderer.isValid()
    image = QImage(pixels, pixels, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    rows = bytes(image.constBits())
    stride = image.bytesPerLine()
    pixels_only = b"".join(rows[y * stride:y * stride + pixels] for y in range(pixels))
    return decode_grey(pixels, pixels, pixels_only)
