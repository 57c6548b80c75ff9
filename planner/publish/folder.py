"""Writing the publish folder so that nobody ever sees it half-written.

Everything is written into a fresh folder beside the target; when all of it is there, the
new folder takes the target's place in one step: on Linux both are exchanged with
``renameat2(RENAME_EXCHANGE)`` (the target's name never points at nothing), elsewhere the
old folder is moved aside and the new one renamed in (the name is missing for the instant
between the two renames, but never half-written). The old content is then removed.

A target that exists must be a folder this program published before (it holds the marker
file), so that ``publish -o ~/Documents`` cannot replace a folder of other files.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from planner.i18n import msg
from planner.model import ProgrammeError

# Marks a folder as written by a publish; its content is the format of the folder.
MARKER = ".programme-planner-publish"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class PublishError(ProgrammeError):
    """The publish folder cannot be written; the message names the folder and why."""


def _check_target(target: Path) -> None:
    if target.is_symlink():
        # Swapping a folder in would replace the link, not what it points to.
        raise PublishError(msg("{path}: is a symbolic link (to {target}); give the folder "
                               "itself", path=target, target=os.readlink(target)))
    if target.exists() and not target.is_dir():
        raise PublishError(msg("{path}: is not a folder", path=target))
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        raise PublishError(
            msg("{path}: holds files that a publish did not write; choose a new or empty "
                "folder", path=target)
        )


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step where the system can; ``False`` where it cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False  # the file system cannot exchange: rename instead
    raise OSError(code, os.strerror(code), str(b))


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A fresh folder to write into; on leaving the block without an error it replaces
    ``target`` (created if missing). On an error, ``target`` is left as it was."""
    target = Path(os.path.abspath(target))
    _check_target(target)
    stage = target.with_name(f".{target.name}.publishing-{uuid.uuid4().hex[:12]}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Not tempfile.mkdtemp: its folder is private (0700), and a web server must read it.
        stage.mkdir()
    except OSError as exc:
        raise PublishError(
            msg("{path}: cannot write ({reason})", path=target, reason=exc.strerror or exc)
        ) from None
    try:
        yield stage
        (stage / MARKER).write_text("1\n", encoding="utf-8")
        _swap_in(stage, target)
    except OSError as exc:
        raise PublishError(
            msg("{path}: cannot write ({reason})", path=target, reason=exc.strerror or exc)
        ) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _swap_in(stage: Path, target: Path) -> None:
    if not target.exists():
        stage.rename(target)
        return
    if _exchange(stage, target):
        return  # stage now holds the old content, removed by the caller
    aside = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:12]}")
    target.rename(aside)
    try:
        stage.rename(target)
    except OSError:
        aside.rename(target)
        raise
    shutil.rmtree(aside, ignore_errors=True)
