"""Translations of the messages that planner/ writes (errors, clash descriptions), without Qt.

A small catalogue of our own: ``resources/translations/planner_de.json`` and
``planner_ru.json`` map each English template to its translation. Code builds a message with
``msg("event '{uid}': unknown track '{track}'", uid=..., track=...)``; the message prints in
English (``str``) and renders in another language with ``render(lang)``. The English template
is the key, as in gettext, so a missing translation falls back to English and a test lists it.

A message that counts something has plural forms: ``msg_n("{n} clash|{n} clashes", n)``
gives the English forms, one and other, split at ``|``; the catalogue maps that template to
a list of the language's forms, in the order of :data:`PLURAL_FORMS` (German: one, other;
Russian: one, few, many), and :func:`plural_form` picks one by CLDR's rules for whole
numbers ("1 конфликт", "2 конфликта", "5 конфликтов", "21 конфликт").
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("de", "en", "ru")
# The CLDR plural categories each language tells apart for whole numbers, in the order its
# catalogue lists the forms.
PLURAL_FORMS: dict[str, tuple[str, ...]] = {
    "de": ("one", "other"),
    "en": ("one", "other"),
    "ru": ("one", "few", "many"),
}
CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"


class Message:
    """A translatable message: an English template and its named values.

    Values that are themselves messages are rendered in the same language. A message made
    by :func:`msg_n` also has a ``count`` that picks its plural form.
    """

    __slots__ = ("template", "params", "count")

    def __init__(self, template: str, params: Mapping[str, Any],
                 count: int | None = None) -> None:
        self.template = template
        self.params = dict(params)
        self.count = count

    def render(self, lang: str = "en") -> str:
        values = {
            key: value.render(lang) if isinstance(value, Message) else value
            for key, value in self.params.items()
        }
        if self.count is None:
            return translate(self.template, lang).format_map(values)
        return translate_plural(self.template, self.count, lang).format_map(values)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        if self.count is not None:
            return f"msg_n({self.template!r}, {self.count!r}, **{self.params!r})"
        return f"msg({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Message)
            and (self.template, self.params, self.count)
            == (other.template, other.params, other.count)
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


def quoted(title: str, lang: str) -> str:
    """``title`` in the quotation marks of ``lang`` (“…”, „…“, «…»)."""
    return msg("\u201c{title}\u201d", title=title).render(lang)


def msg_n(template: str, n: int, /, **params: Any) -> Message:
    """A message that counts ``n`` things: ``template`` holds the English singular and
    plural, split at ``|`` ("{n} clash|{n} clashes"); ``{n}`` is filled with ``n``."""
    return Message(template, {"n": n, **params}, count=n)


def plural_form(lang: str, n: int) -> int:
    """The index of the plural form for ``n`` in ``lang`` (CLDR's cardinal rules for whole
    numbers): German and English tell one from other; Russian one (1, 21, 101), few
    (2–4, 22–24) and many (0, 5–20, 25–30, 11–14)."""
    n = abs(n)
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


@cache
def catalogue(lang: str) -> dict[str, str | list[str]]:
    """The translations into ``lang`` (empty for English): a text, or a list of plural
    forms for a template of :func:`msg_n`."""
    if lang == "en":
        return {}
    path = CATALOGUE_DIR / f"planner_{lang}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    table: dict[str, str | list[str]] = {}
    for key, value in data.items():
        if isinstance(value, list):
            forms = [str(form) for form in value]
            if len(forms) == len(PLURAL_FORMS.get(lang, ())) and all(forms):
                table[str(key)] = forms
        elif value:
            table[str(key)] = str(value)
    return table


def translate(template: str, lang: str) -> str:
    """``template`` in ``lang``, or the English template when it has no translation."""
    found = catalogue(lang).get(template)
    return found if isinstance(found, str) else template


def translate_plural(template: str, n: int, lang: str) -> str:
    """The form of the plural ``template`` (see :func:`msg_n`) for ``n`` in ``lang``; the
    English forms when it has no translation."""
    found = catalogue(lang).get(template)
    if isinstance(found, list):
        return found[plural_form(lang, n)]
    english = template.split("|")
    return english[min(plural_form("en", n), len(english) - 1)]


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
