"""Every text the window can show has a finished German and Russian translation.

The committed .ts files are read with xml.etree (no unfinished or empty entries, the right
number of plural forms, the same placeholders), and pyside6-lupdate is run over ui/**/*.py into
a temporary .ts, so that a new tr() string without a translation fails here. The clash
sentences of planner/conflicts.py are checked against planner/'s own catalogue.
"""

from __future__ import annotations

import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.conflicts import MESSAGES
from planner.i18n import catalogue

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
PLURAL_FORMS = {"de": 2, "en": 2, "ru": 3}  # Qt's numerus forms for each language
FULL = ("de", "ru")  # languages with every text translated (English only fixes plurals)

Key = tuple[str, str]  # (context, source)


def read_ts(path: Path) -> dict[Key, ET.Element]:
    """The messages of a .ts file by context and source text."""
    messages: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def forms(message: ET.Element) -> list[str]:
    """The translation of a message: one text, or one per plural form."""
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def placeholders(text: str) -> set[str]:
    names = {f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text) if name}
    return names | set(re.findall(r"%(?:\d|n)", text))


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"programme_planner_{lang}.ts"


def lupdate(tmp_path: Path, *, plural_only: bool = False) -> dict[Key, ET.Element]:
    """What pyside6-lupdate finds in ui/**/*.py now."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    target = tmp_path / ("plural_en.ts" if plural_only else "found_de.ts")
    sources = [str(p) for p in sorted((ROOT / "ui").rglob("*.py"))]
    extra = ["-pluralonly"] if plural_only else []
    subprocess.run([str(tool), *extra, "-locations", "none", *sources, "-ts", str(target)],
                   check=True, capture_output=True, timeout=120)
    return read_ts(target)


@pytest.mark.parametrize("lang", ["de", "en", "ru"])
def test_ts_files_have_no_unfinished_or_empty_translations(lang):
    messages = read_ts(ts_path(lang))
    assert messages, f"{ts_path(lang)} holds no messages"
    unfinished = [key for key, m in messages.items()
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert unfinished == [], f"{len(unfinished)} unfinished in {lang}: {unfinished[:5]}"
    empty = [key for key, m in messages.items() if not all(f.strip() for f in forms(m))]
    assert empty == [], f"{len(empty)} empty translations in {lang}: {empty[:5]}"


@pytest.mark.parametrize("lang", ["de", "en", "ru"])
def test_plural_forms_and_placeholders(lang):
    for (context, source), message in read_ts(ts_path(lang)).items():
        texts = forms(message)
        where = f"{lang} {context}: {source!r}"
        if message.get("numerus") == "yes":
            assert len(texts) == PLURAL_FORMS[lang], f"{where} needs {PLURAL_FORMS[lang]} forms"
        for text in texts:
            assert placeholders(text) == placeholders(source), f"{where} -> {text!r}"
            # A menu's accelerator stays a menu accelerator.
            assert ("&" in text) == ("&" in source), f"{where} -> {text!r}"


def test_translated_texts_are_translations():
    """A German or Russian text is not simply the English one, apart from a few words that
    are the same in both languages (names, codes, shortcuts)."""
    same_everywhere = {"Programme Planner", "Ctrl+D", "UR&L", "Status: {status}", "Mo", "Fr",
                       "Sa", "Stat&us", "Status", "&Name:", "Name", "Import", "System (%1)",
                       # Cities German writes as English does.
                       "Berlin", "London", "Paris", "Kaliningrad", "New York"}
    for lang in FULL:
        copied = [source for (_, source), m in read_ts(ts_path(lang)).items()
                  if forms(m) == [source] and source not in same_everywhere
                  and not (lang == "de" and source.startswith("Programmes (*"))]
        assert copied == [], f"{lang}: left in English: {copied}"
    assert any("ё" in f or "я" in f for m in read_ts(ts_path("ru")).values() for f in forms(m))


@pytest.mark.parametrize("lang", FULL)
def test_every_text_found_in_ui_is_translated(lang, tmp_path):
    """A new self.tr()/translate() text in ui/ without a translation in the committed .ts
    fails here (run tools/build_translations.py --update, then translate it)."""
    found = lupdate(tmp_path)
    assert len(found) > 250
    committed = read_ts(ts_path(lang))
    missing = sorted(key for key in found if key not in committed)
    assert missing == [], f"{len(missing)} texts lack a {lang} translation: {missing[:10]}"
    # Texts with no context mean a tr() lupdate cannot tie to its class (tr = self.tr): at
    # run time Qt looks them up under the class name and finds nothing.
    assert [key for key in found if not key[0]] == []


def literal_texts() -> set[str]:
    """Every literal text ui/ passes to tr() or translate() (as Python's own parser sees
    the code)."""
    import ast

    texts = set()
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            position = {"tr": 0, "translate": 1}.get(node.func.attr)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                texts.add(arg.value)
    return texts


def test_lupdate_sees_every_text_the_code_translates(tmp_path):
    """pyside6-lupdate skips some calls (a translate() whose plural count is not a literal
    number): a text it does not see is never translated."""
    found = {source for _, source in lupdate(tmp_path)}
    unseen = sorted(literal_texts() - found)
    assert len(literal_texts()) > 250
    assert unseen == [], f"lupdate does not extract: {unseen}"


def test_english_plural_forms_cover_every_plural_text(tmp_path):
    found = {key for key, m in lupdate(tmp_path, plural_only=True).items()
             if m.get("numerus") == "yes"}
    committed = read_ts(ts_path("en"))
    assert found and sorted(found - set(committed)) == []


@pytest.mark.parametrize("lang", FULL)
def test_clash_sentences_are_translated(lang):
    translations = catalogue(lang)
    missing = [key for key, template in MESSAGES.items() if template not in translations]
    assert missing == []
    for key, template in MESSAGES.items():
        assert placeholders(translations[template]) == placeholders(template), key
    assert len(translations[MESSAGES["weekdays"]].split()) == 7
    assert len(translations[MESSAGES["months"]].split()) == 12


def test_qm_files_are_built_from_the_ts_on_demand(tmp_path):
    """ui.i18n compiles a missing or stale .qm with pyside6-lrelease, and a translator
    loaded from it translates."""
    from PySide6.QtCore import QTranslator

    from ui.i18n import build_translations, stale_translations

    for lang in ("de", "ru"):
        shutil.copy(ts_path(lang), tmp_path)
    assert len(stale_translations(tmp_path)) == 2
    written = build_translations(tmp_path)
    assert sorted(p.name for p in written) == ["programme_planner_de.qm",
                                               "programme_planner_ru.qm"]
    assert stale_translations(tmp_path) == [] and build_translations(tmp_path) == []
    translator = QTranslator()
    assert translator.load(str(tmp_path / "programme_planner_ru.qm"))
    assert translator.translate("MainWindow", "&File") == "&Файл"
    # Russian plurals: 21 takes the first form, 3 the second.
    assert translator.translate("FilterPanel", "%1 of %n event(s)", None, 21) == \
        "%1 из %n мероприятия"
    assert translator.translate("FilterPanel", "%1 of %n event(s)", None, 3) == \
        "%1 из %n мероприятий"
    # An edited .ts makes its .qm stale again.
    source = tmp_path / "programme_planner_de.ts"
    qm = source.with_suffix(".qm")
    older = qm.stat().st_mtime - 10
    import os

    os.utime(qm, (older, older))
    assert stale_translations(tmp_path) == [source]
