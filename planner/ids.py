"""Ids for new tracks, venues and people made from their names, and names read from text.

An id is a readable slug of the name in ASCII (``Иван Петров`` becomes ``ivan-petrov``,
``Jürgen Groß`` ``jurgen-gross``), transliterated by ``anyascii``, so that names in any
script give ids as telling as Latin ones. Two items with one slug get ``slug``, ``slug-2``,
``slug-3``, ...: :class:`IdAllocator` remembers the next number for each slug, so that
10,000 people called alike cost no more than 10,000 called differently (probing ``-2``,
``-3``, ... from the start each time made an import of such names quadratic).

Every function here is linear in its text: no regular expression that can backtrack.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from anyascii import anyascii

MAX_SLUG = 40
_SLUG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def slug(text: str, fallback: str) -> str:
    """``text`` as an id stem: ASCII letters and digits in lower case, anything else one
    ``-``, at most :data:`MAX_SLUG` characters; ``fallback`` when nothing is left."""
    # Only the head can end up in the slug: transliterating a megabyte name is waste.
    ascii_text = anyascii(text[: MAX_SLUG * 4]).lower()
    parts: list[str] = []
    dash = False
    for char in ascii_text:
        if char in _SLUG_CHARS:
            if dash and parts:
                parts.append("-")
            parts.append(char)
            dash = False
        else:
            dash = True
    return "".join(parts)[:MAX_SLUG].rstrip("-") or fallback


class IdAllocator:
    """Hands out ids that ``taken`` does not hold, made from names (deterministic).

    ``taken`` is read at each call (a programme's dict, which the caller fills with what it
    creates); the allocator only remembers, per slug, the number to try next.
    """

    def __init__(self, taken: Container[str], fallback: str) -> None:
        self._taken = taken
        self._fallback = fallback
        self._next: dict[str, int] = {}

    def new(self, name: str) -> str:
        """An id for ``name`` that is not taken."""
        stem = slug(name, self._fallback)
        n = self._next.get(stem)
        if n is None:
            if stem not in self._taken:
                self._next[stem] = 2
                return stem
            n = 2
        candidate = f"{stem}-{n}"
        while candidate in self._taken:  # only ids someone chose by hand are skipped here
            n += 1
            candidate = f"{stem}-{n}"
        self._next[stem] = n + 1
        return candidate


def split_affiliation(text: str) -> tuple[str, str]:
    """``("Anna Beispiel", "Goethe-Institut")`` for ``"Anna Beispiel (Goethe-Institut)"``:
    a speaker as listings write one. The affiliation is the text in the last brackets when
    they close the text and hold no brackets; otherwise the whole text is the name."""
    if not text.endswith(")"):
        return text, ""
    opening = text.rfind("(", 0, len(text) - 1)
    if opening < 0:
        return text, ""
    affiliation = text[opening + 1 : -1]
    if ")" in affiliation:
        return text, ""
    return text[:opening].rstrip(), affiliation


def split_speakers(description: str, labels: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """``(text, names)`` from a description that ends in a speakers' paragraph, as our ICS
    export writes one ("...\\n\\nSpeakers: Anna Beispiel (Goethe-Institut); Max Muster"):
    its last line, alone in its paragraph, starts with one of ``labels`` and ": ", and names
    are separated by ";". Without such a paragraph, ``(description, ())``."""
    body = description.rstrip()
    start = body.rfind("\n") + 1
    if start and not body[:start].endswith("\n\n"):
        return description, ()
    # The whole line, with the spaces that rstrip took: "Speakers: " and a space is a
    # speakers' line without names.
    line = description[start:].split("\n", 1)[0]
    label = next((label for label in labels if line.startswith(f"{label}: ")), None)
    if label is None or len(line) == len(label) + 2:
        return description, ()
    names = tuple(n.strip() for n in line[len(label) + 2 :].split(";") if n.strip())
    return body[: max(start - 2, 0)].rstrip(), names
