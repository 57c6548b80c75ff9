"""Every command's report line in the language asked for (``--lang``, else the system's): a
German or Russian organiser reads "geschrieben" or "записан", never "wrote ... events"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sync_helpers import run_cli

# English words of the report lines that must not appear in a German or Russian one.
ENGLISH = re.compile(r"\b(wrote|created|events?|pages?|released|release|published|files?|"
                     r"synced|sent|received|deleted|subscribe|draft)\b")
# A word each language's report lines are sure to hold.
EXPECTED = {
    "de": {"new": "angelegt", "export": "geschrieben",
           "release": "freigegeben", "list": "1 Version in", "publish": "veröffentlicht",
           "sync": "abgeglichen"},
    "ru": {"new": "создан", "export": "записан",
           "release": "выпущен", "list": "1 выпуск в", "publish": "опубликован",
           "sync": "синхронизирован"},
}


def _report(line: str, paths: list[Path]) -> str:
    """``line`` without the file names and URLs it quotes (they are not words to judge)."""
    for path in paths:
        line = line.replace(str(path), "")
    return re.sub(r"\S+://\S+", "", line)


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_report_lines_are_in_the_language_asked_for(lang, tmp_path, capsys, monkeypatch):
    words = EXPECTED[lang]
    monkeypatch.setenv("LANGUAGE", lang)  # ``new`` has no --lang: it follows the system
    programme = tmp_path / "gw.programme"
    ics, split, pdf, out = (tmp_path / "gw.ics", tmp_path / "split", tmp_path / "gw.pdf",
                            tmp_path / "site")
    paths = [programme, ics, split, pdf, out]
    lines: dict[str, str] = {}

    code, stdout, _ = run_cli(capsys, "new", str(programme), "--sample")
    assert code == 0
    lines["new"] = stdout
    code, stdout, _ = run_cli(capsys, "export", "-p", str(programme), "-o", str(ics),
                              "--split-dir", str(split), "--lang", lang)
    assert code == 0
    lines["export"] = stdout
    code, stdout, _ = run_cli(capsys, "release", "-p", str(programme), "--name", "V1",
                              "--lang", lang)
    assert code == 0
    lines["release"] = stdout
    code, stdout, _ = run_cli(capsys, "release", "-p", str(programme), "--list",
                              "--lang", lang)
    assert code == 0
    lines["list"] = stdout.splitlines()[-1]
    code, stdout, _ = run_cli(capsys, "publish", "-p", str(programme), "-o", str(out),
                              "--base-url", "https://example.org/gw/", "--lang", lang)
    assert code == 0
    lines["publish"] = stdout

    for what, text in lines.items():
        assert words[what] in text, (what, text)
        for line in text.splitlines():
            if what == "list" or not line.strip():
                continue
            assert not ENGLISH.search(_report(line, paths)), (what, line)
    assert {"de": "Entwurf", "ru": "черновик"}[lang] not in lines["publish"]  # a release
    # Counted in the language's own plural forms: 60 events is "60 Veranstaltungen" and
    # "60 мероприятий" (the Russian "many" form).
    assert {"de": "60 Veranstaltungen", "ru": "60 мероприятий"}[lang] in lines["new"]


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_the_sync_summary_is_in_the_language_asked_for(lang, dav, tmp_path, capsys):
    programme = tmp_path / "gw.programme"
    assert run_cli(capsys, "new", str(programme), "--sample")[0] == 0
    code, out, err = run_cli(capsys, "sync", "-p", str(programme), "--url", dav.url,
                             "--user", dav.user, "--password-file", str(dav.password_file),
                             "--lang", lang)
    assert code == 0, err
    line = out.strip().splitlines()[-1]
    assert EXPECTED[lang]["sync"] in line
    assert not ENGLISH.search(_report(line, [programme])), line
    # What was sent is counted: the built-in programme's 60 events went up.
    assert re.search(r"\b60\b", line)


def test_print_and_screenshot_report_in_russian(tmp_path):
    """The two commands the window part draws, run as a user runs them."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    pdf, png = tmp_path / "gw.pdf", tmp_path / "gw.png"
    for args, word in ((["print", "-o", str(pdf)], "страниц"),
                       (["screenshot", "-o", str(png), "--size", "1024x700"], "записан")):
        result = subprocess.run([sys.executable, "main.py", *args, "--lang", "ru"], cwd=root,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        line = result.stdout.strip()
        assert word in line, line
        assert not ENGLISH.search(_report(line, [pdf, png])), line
