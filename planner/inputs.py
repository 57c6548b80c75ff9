"""Reading a file the user hands in (a calendar, a spreadsheet), within bounds.

Every reader of an input file goes through :func:`read_input`: it refuses what is not a
regular file (``/dev/zero``, a FIFO, a folder) without waiting on it, and a file larger than
:data:`MAX_INPUT_BYTES` before reading it, so that no path can make an import read without
end or fill the memory. The limit is far above any real programme (the festival benchmark's
50,000 events export to about 30 MB of ICS) and far below what a laptop can parse.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from planner.i18n import Message, msg
from planner.model import ProgrammeError

MAX_INPUT_BYTES = 50 * 1024 * 1024


class InputError(ProgrammeError):
    """An input file that cannot be read; the message names the file and why."""


def kind_of(mode: int) -> Message:
    """What a file that is not a regular one is (a folder, a pipe, a device), for messages."""
    if stat.S_ISDIR(mode):
        return msg("a folder")
    if stat.S_ISFIFO(mode):
        return msg("a pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("a device")
    return msg("a special file")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def open_regular(
    path: Path, what: Message, error: type[ProgrammeError] = InputError
) -> tuple[int, int]:
    """A descriptor open for reading on ``path`` and the file's size, when ``path`` is a
    regular file; ``error`` naming ``path`` otherwise ("is a pipe, not {what}").

    Opened without waiting: a FIFO must be refused, not waited on until a writer comes.
    The caller closes the descriptor.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise error(msg("{path}: no such file", path=path)) from None
    except PermissionError:
        raise error(msg("{path}: permission denied", path=path)) from None
    except OSError as exc:
        raise error(msg("{path}: cannot read ({reason})", path=path,
                        reason=exc.strerror or exc)) from None
    mode = os.fstat(fd)
    if not stat.S_ISREG(mode.st_mode):
        os.close(fd)
        raise error(msg("{path}: is {kind}, not {what}", path=path, kind=kind_of(mode.st_mode),
                        what=what))
    return fd, mode.st_size


def read_input(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the input file ``path``, which must be a regular file of at most
    ``limit`` bytes.

    Raises :class:`InputError` naming ``path`` when it does not exist, cannot be read, is a
    folder, a device or a pipe, or is too large (told before it is read).
    """
    path = Path(path)
    fd, size = open_regular(path, msg("a file to import"))
    try:
        if size > limit:
            raise InputError(_too_large(path, size, limit))
        # Read one byte past the limit: a file that grows while it is read is caught too.
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise InputError(
            msg("{path}: cannot read ({reason})", path=path, reason=exc.strerror or exc)
        ) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(_too_large(path, len(data), limit))
    return data


def _too_large(path: Path, size: int, limit: int) -> Message:
    return msg(
        "{path}: file too large to import ({size} MB; at most {limit} MB)",
        path=path, size=_megabytes(size), limit=_megabytes(limit),
    )
