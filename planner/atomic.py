"""Writing an output file so that it is either the old file or the whole new one.

Every file the planner writes for the user (an ICS export, one file per track, a PDF, a
screenshot, a published feed) goes through :func:`replacing` or :func:`write_file`: the
bytes go to a temporary file in the target's folder, are flushed to the disk, and only then
take the target's name with one ``rename``. A crash, ``kill -9``, a full disk or a cancel
at any moment leaves the previous file as it was, and a reader (a calendar subscribed to
the file) never sees half of one.

The new file gets the mode any other program's new file gets (``0666`` less the umask), or
the mode of the file it replaces: ``mkstemp``'s ``0600`` would hide an export from the web
server or the colleague it was written for. A target that names a protected file (the
programme itself, under any path: a symlink, a hard link, ``./``) is refused before
anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from planner.i18n import msg
from planner.model import ProgrammeError

_TEMP_ATTEMPTS = 100


class OutputError(ProgrammeError):
    """An output that must not be written (it is the programme, or a folder)."""


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` name one file (the same device and inode), by any path.

    A path that does not exist is nobody's file: ``False``.
    """
    try:
        first, second = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def check_output(
    path: str | os.PathLike[str], protected: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """The file to write for ``path``, after refusing one that would destroy data.

    Refused with :class:`OutputError`: a ``path`` that is one of ``protected`` (by file
    identity, under any name) and a ``path`` that is a folder. A symlink is followed, so that
    the file it points to is updated rather than the link replaced by a file.
    """
    path = Path(path)
    for guarded in protected:
        if same_file(path, guarded):
            raise OutputError(
                msg("{path}: is the programme file itself; choose another output file",
                    path=path)
            )
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise OutputError(msg("{path}: is a folder; give a file name", path=path))
    return path


def _existing(target: Path) -> os.stat_result | None:
    try:
        return os.stat(target)
    except OSError:
        return None


def _open_temp(target: Path) -> tuple[int, Path]:
    # Not mkstemp: it makes 0600 files. O_EXCL with mode 0666 lets the kernel apply the
    # umask, as for any program's new file, without reading the process-wide umask (which
    # would race with other threads).
    for _ in range(_TEMP_ATTEMPTS):
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder is on the disk too. Some file systems
    # (and every Windows) cannot open a folder: the rename is done all the same.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def replacing(
    path: str | os.PathLike[str], protected: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[Path]:
    """A temporary file beside ``path`` that takes its place when the block ends normally.

    For writers that want a path of their own (Qt's PDF writer, an image's ``save``): write
    the temporary file inside the ``with`` block. On an exception (a cancel, a full disk)
    the temporary file is removed and ``path`` stays as it was. ``OSError`` names ``path``,
    not the temporary file. See :func:`check_output` for ``protected``.
    """
    target = check_output(path, protected)
    old = _existing(target)
    if old is not None and not stat.S_ISREG(old.st_mode):
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO) is a stream, not a file to
        # replace: renaming over it would put a plain file where the device was.
        yield target
        return
    mode = None if old is None else stat.S_IMODE(old.st_mode)
    try:
        fd, temp = _open_temp(target)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
        yield temp
        _finish(temp, target, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _finish(temp: Path, target: Path, path: str | os.PathLike[str]) -> None:
    try:
        fd = os.open(temp, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    _sync_folder(target.parent)


def write_file(
    path: str | os.PathLike[str], data: bytes,
    protected: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Put ``data`` in the file ``path`` whole, or leave ``path`` as it was.

    Raises :class:`OutputError` for a protected target or a folder (see
    :func:`check_output`) and ``OSError`` naming ``path`` when the file cannot be written.
    """
    with replacing(path, protected) as temp:
        try:
            with open(temp, "wb") as out:
                out.write(data)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None


# Names Windows reserves for devices, with any extension ("con.ics" is the console too).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{kind}{n}" for kind in ("com", "lpt") for n in (*"123456789", "¹", "²", "³")]
)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
_MAX_STEM = 100


def portable_name(stem: str) -> str:
    """``stem`` as a file name every common disk accepts: letters, digits, ``._-`` (others
    become ``-``), no leading dot, no trailing dot or space, no Windows device name, at
    most 100 characters; empty becomes ``file``."""
    name = "".join(c if c in _NAME_CHARS else "-" for c in stem[:_MAX_STEM])
    name = name.lstrip(".").rstrip(". ") or "file"
    if name.split(".", 1)[0].lower() in _RESERVED:
        name = f"{name}_"
    return name


def portable_names(stems: Iterable[str]) -> dict[str, str]:
    """A :func:`portable_name` for each of ``stems`` (ids), no two of them equal when case
    is ignored, as on Windows and macOS disks: ``Business`` and ``business`` become
    ``Business`` and ``business-2``. The same ids always get the same names."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    # The next number to try for each base, so that many alike ids cost no search.
    counters: dict[str, int] = {}
    for stem in sorted(set(stems)):
        base = portable_name(stem)
        name, key = base, base.casefold()
        n = counters.get(key, 2)
        while name.casefold() in taken:
            name = f"{base}-{n}"
            n += 1
        counters[key] = n
        taken.add(name.casefold())
        names[stem] = name
    return names
