"""Ids for people an import creates: 10,000 speakers with Cyrillic names against 10,000
with Latin names, read from a spreadsheet and planned into a programme in the same run.

Every Cyrillic-only name once gave the id stem ``person`` and each new one probed
``person-2``, ``person-3``, ...: quadratic, 23 s for 10,000 names against well under a second
for Latin ones. Names are now transliterated (anyascii) and numbers per stem are remembered,
so both alphabets cost the same.
"""

from __future__ import annotations

from datetime import date

from bench.common import Result, best_of
from planner.csvio import read_csv
from planner.importing import plan_import
from planner.model import Programme, Texts

LATIN = ["Anna", "Boris", "Clara", "David", "Elena", "Fedor", "Galina", "Igor", "Julia", "Karl"]
CYRILLIC = ["Анна", "Борис", "Клара", "Давид", "Елена", "Фёдор", "Галина", "Игорь", "Юлия",
            "Карл"]


def empty_programme() -> Programme:
    return Programme(name=Texts.same("Ids"), timezone="Europe/Moscow",
                     first_day=date(2019, 4, 3), last_day=date(2019, 4, 10))


def spelled(n: int, letters: str) -> str:
    """``n`` written in ``letters`` (no digits: they would survive any transliteration)."""
    word = ""
    while True:
        word += letters[n % len(letters)]
        n //= len(letters)
        if not n:
            return word


def sheet(first_names: list[str], speakers: int, letters: str) -> bytes:
    rows = ["title,start,end,speakers"]
    for n in range(speakers):
        # Names differ only in letters; every second one has a stem that another has too
        # (transliteration folds "е" and "ё", or a surname ends the same after 40 letters).
        surname = spelled(n, letters).capitalize() + ("ов" if letters[0] == "а" else "ow")
        rows.append(f"Talk {n},2019-04-04 10:00,2019-04-04 11:00,"
                    f"{first_names[n % 10]} {surname}")
    return ("\n".join(rows) + "\n").encode()


def run(quick: bool = False) -> list[Result]:
    speakers = 2000 if quick else 10000
    latin = sheet(LATIN, speakers, "abcdefghijklmnopqrstuvwxyz")
    cyrillic = sheet(CYRILLIC, speakers, "абвгдежзиклмнопрстуфхцчшэюя")

    def plan(data: bytes) -> None:
        result = read_csv(data, "bench.csv")
        plan_import(empty_programme(), result.events)

    base = best_of(lambda: plan(latin), repeat=3)
    cyr = best_of(lambda: plan(cyrillic), repeat=3)
    return [Result(f"import of {speakers:,} speakers: Cyrillic names",
                   f"the same with Latin names ({base * 1000:.0f} ms)", cyr / base, 1.5,
                   f"{cyr * 1000:.0f} ms")]
