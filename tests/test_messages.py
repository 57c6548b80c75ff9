"""Every message planner/ can show has a German and a Russian translation."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from planner.i18n import catalogue, msg, system_language
from planner.model import TimeRangeError, validate_event

ROOT = Path(__file__).resolve().parent.parent
MARKERS = {"msg", "fail"}  # functions whose first string argument is a message template


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
    wrong = [t for t in templates() if fields(translations[t]) != fields(t)]
    assert wrong == [], "translations must keep the same {placeholders}"


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
