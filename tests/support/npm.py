"""Install the npm packages a test needs (ical.js, axe-core) into their folder under
tests/support, once, from the lock file beside them: ``npm ci``."""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

NPM_TIMEOUT = 600.0


class NpmError(RuntimeError):
    """npm is missing or could not install a package."""


def _installed(directory: Path, package: str) -> bool:
    return (directory / "node_modules" / package / "package.json").is_file()


def _lock_path(directory: Path) -> Path:
    """A lock file that serialises installs into ``directory`` across processes."""
    digest = hashlib.sha256(str(directory).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"planner-npm-{digest}.lock"


def ensure_package(directory: Path, package: str) -> Path:
    """Install ``package`` into ``directory/node_modules`` unless it is there already and
    return the package's folder.

    Runs ``npm ci --silent`` (``npm install`` if there is no lock file). Safe to call from
    several processes at once. Raises NpmError on failure.
    """
    target = directory / "node_modules" / package
    if _installed(directory, package):
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise NpmError(f"npm is not on PATH: cannot install {package}")
    with open(_lock_path(directory), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _installed(directory, package):
            return target
        if (directory / "package-lock.json").is_file():
            command = [npm, "ci", "--silent", "--no-audit", "--no-fund"]
        else:
            command = [npm, "install", "--silent", "--no-audit", "--no-fund"]
        done = subprocess.run(command, cwd=directory, capture_output=True, text=True,
                              timeout=NPM_TIMEOUT, check=False)
        if done.returncode != 0 or not _installed(directory, package):
            raise NpmError(
                f"{' '.join(command[1:])} failed in {directory} (exit {done.returncode}):\n"
                f"{done.stdout}\n{done.stderr}"
            )
    return target
