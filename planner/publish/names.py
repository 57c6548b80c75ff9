"""File names for ids: whatever a UID, track or venue id holds, a name safe on every system.

An id that is already a safe name (lower-case letters, digits, ``.``, ``_``, ``-``, not
starting with a dot, not a name Windows reserves) is its own file name, so the addresses
of published files are as readable as the ids and stay put from one publish to the next.
Any other id (upper case, ``@``, ``:``, ``/``, ``..``, spaces, ``CON``, very long) is cut
down to its safe letters and given a short digest of the whole id: two ids that differ only
in letter case never share a name, not even on a case-insensitive file system. A UID of the
usual ``name@domain`` form is named by the part before the ``@`` (and the digest).
"""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^a-z0-9._-]+")
# Windows refuses these as a file's name, whatever follows the first dot.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{n}" for n in "0123456789¹²³"}
    | {f"lpt{n}" for n in "0123456789¹²³"}
)
MAX_STEM = 80


def safe_name(identifier: str) -> str:
    """The file name stem for ``identifier`` (no extension, no separator, never ``..``)."""
    readable = identifier.split("@", 1)[0] if "@" in identifier[1:] else identifier
    stem = _UNSAFE.sub("-", readable.lower())[:MAX_STEM].strip("._- ")
    reserved = stem.split(".")[0] in _RESERVED
    if stem and stem == identifier and not reserved:
        return stem
    digest = hashlib.sha1(identifier.encode("utf-8")).hexdigest()[:10]
    parts = ["id"] if reserved or not stem else []
    return "-".join([*parts, *filter(None, [stem]), digest])


def safe_names(identifiers: list[str] | set[str] | tuple[str, ...]) -> dict[str, str]:
    """:func:`safe_name` for each of ``identifiers``, checked to be distinct in any letter
    case (a name that a safe id and a digested one would share gets a longer digest)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for identifier in sorted(identifiers):
        name = safe_name(identifier)
        if name.casefold() in taken:
            name = f"{name}-{hashlib.sha1(identifier.encode('utf-8')).hexdigest()}"
        taken.add(name.casefold())
        names[identifier] = name
    return names
