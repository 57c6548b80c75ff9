"""Every message planner/ can show has a German and a Russian translation."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from planner.i18n import PLURAL_FORMS, catalogue, msg, msg_n, plural_form, system_language
from planner.model import TimeRangeError, validate_event

ROOT = Path(__file__).resolve().parent.parent
MARKERS = {"msg", "fail", "msg_n"}  # functions whose first string argument is a template


def templates() -> dict[str, str]:
    """Every template in planner/, with where it stands."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "planner").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in MARKERS:
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{node.lineno}")
                    break
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_templates_are_found():
    assert len(templates()) > 40


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_every_message_is_translated(lang):
    translations = catalogue(lang)
    missing = [f"{where}: {t!r}" for t, where in templates().items() if t not in translations]
    assert missing == [], f"{len(missing)} messages lack a {lang} translation"
    wrong = []
    for template in templates():
        found = translations[template]
        # A counting template ("{n} clash|{n} clashes") has the language's plural forms.
        forms = found if isinstance(found, list) else [found]
        english = template.split("|") if isinstance(found, list) else [template]
        if isinstance(found, list) and len(found) != len(PLURAL_FORMS[lang]):
            wrong.append(template)
        if any(fields(form) != fields(english[0]) for form in forms + english):
            wrong.append(template)
    assert wrong == [], "translations must keep the same {placeholders} and plural forms"


@pytest.mark.parametrize("n, en, de, ru", [
    (0, "0 clashes", "0 Konflikte", "0 конфликтов"),
    (1, "1 clash", "1 Konflikt", "1 конфликт"),
    (2, "2 clashes", "2 Konflikte", "2 конфликта"),
    (5, "5 clashes", "5 Konflikte", "5 конфликтов"),
    (11, "11 clashes", "11 Konflikte", "11 конфликтов"),
    (21, "21 clashes", "21 Konflikte", "21 конфликт"),
    (24, "24 clashes", "24 Konflikte", "24 конфликта"),
    (112, "112 clashes", "112 Konflikte", "112 конфликтов"),
])
def test_plural_forms_follow_each_language(n, en, de, ru):
    message = msg_n("{n} clash in {source}|{n} clashes in {source}", n, source="x")
    assert message.render("en") == f"{en} in x"
    assert message.render("de") == f"x: {de}"
    assert message.render("ru") == f"x: {ru}"
    assert str(message) == f"{en} in x"


def test_cldr_plural_rules_for_whole_numbers():
    # Russian: one (1, 21, 101 but not 11), few (2-4, 22-24 but not 12-14), many (the rest).
    ones = [n for n in range(200) if plural_form("ru", n) == 0]
    few = [n for n in range(30) if plural_form("ru", n) == 1]
    assert ones[:4] == [1, 21, 31, 41] and 101 in ones and 111 not in ones
    assert few == [2, 3, 4, 22, 23, 24]
    assert [plural_form("de", n) for n in (0, 1, 2)] == [1, 0, 1]
    assert [plural_form("en", n) for n in (0, 1, 2)] == [1, 0, 1]


def test_an_untranslated_plural_falls_back_to_english_forms():
    assert msg_n("{n} widget|{n} widgets", 1).render("ru") == "1 widget"
    assert msg_n("{n} widget|{n} widgets", 3).render("de") == "3 widgets"


def test_errors_render_in_each_language():
    from factories import event, small_programme

    with pytest.raises(TimeRangeError) as info:
        validate_event(small_programme(), event("x@t", end=9))
    assert "is not after start" in str(info.value)
    assert "x@t" in info.value.render("de") and "nicht nach" in info.value.render("de")
    assert "x@t" in info.value.render("ru") and "не позже" in info.value.render("ru")


def test_untranslated_text_falls_back_to_english():
    assert msg("no such template {x}", x=1).render("ru") == "no such template 1"


def test_system_language():
    assert system_language({"LANG": "de_DE.UTF-8"}) == "de"
    assert system_language({"LANGUAGE": "ru:en", "LANG": "de_DE.UTF-8"}) == "ru"
    assert system_language({"LANG": "fr_FR.UTF-8"}) == "en"
    assert system_language({}) == "en"
