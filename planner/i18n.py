"""Translations of the messages that planner/ writes (errors, clash descriptions), without Qt.

A small catalogue of our own: ``resources/translations/planner_de.json`` and
``planner_ru.json`` map each English template to its translation. Code builds a message with
``msg("event '{uid}': unknown track '{track}'", uid=..., track=...)``; the message prints in
English (``str``) and renders in another language with ``render(lang)``. The English template
is the key, as in gettext, so a missing translation falls back to English and a test lists it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("de", "en", "ru")
CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"


class Message:
    """A translatable message: an English template and its named values.

    Values that are themselves messages are rendered in the same language.
    """

    __slots__ = ("template", "params")

    def __init__(self, template: str, params: Mapping[str, Any]) -> None:
        self.template = template
        self.params = dict(params)

    def render(self, lang: str = "en") -> str:
        values = {
            key: value.render(lang) if isinstance(value, Message) else value
            for key, value in self.params.items()
        }
        return translate(self.template, lang).format_map(values)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"msg({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Message)
            and (self.template, self.params) == (other.template, other.params)
        )

    def __hash__(self) -> int:
        return hash(self.template)


# How many characters of one value (a UID, a cell, a title from a file) a message quotes.
QUOTE_CHARS = 200


def shortened(message: Message, limit: int = QUOTE_CHARS) -> Message:
    """``message`` with each text value longer than ``limit`` characters cut, ending in
    "…": a hostile file's megabyte UID must not make an error line a megabyte long."""
    params: dict[str, Any] = {}
    for key, value in message.params.items():
        if isinstance(value, Message):
            value = shortened(value, limit)
        elif isinstance(value, str) and len(value) > limit:
            value = value[: limit - 1] + "…"
        params[key] = value
    return Message(message.template, params)


def msg(template: str, /, **params: Any) -> Message:
    """A message to show in the user's language; ``template`` is English with ``{name}``s."""
    return Message(template, params)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The translations into ``lang`` (empty for English)."""
    if lang == "en":
        return {}
    path = CATALOGUE_DIR / f"planner_{lang}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items() if v}


def translate(template: str, lang: str) -> str:
    """``template`` in ``lang``, or the English template when it has no translation."""
    return catalogue(lang).get(template, template)


def render(message: object, lang: str) -> str:
    """A message, an error carrying one, or any other object, as text in ``lang``."""
    carried = getattr(message, "message", None)
    if isinstance(carried, Message):
        return carried.render(lang)
    if isinstance(message, Message):
        return message.render(lang)
    return str(message)


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale settings (LANGUAGE, LC_ALL, LC_MESSAGES, LANG),
    if it is one we speak, else English."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"
