"""Ids from names in any script, in constant time each; names read from text in linear time.

The linear functions are checked against the regular expressions they replace (which
backtracked quadratically on long runs of spaces or brackets), as an oracle on short texts.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from planner.csvio import _delimiter, read_csv
from planner.ics import SPEAKERS_LABEL
from planner.ids import IdAllocator, slug, split_affiliation, split_speakers
from planner.importing import plan_import


def test_names_in_any_script_give_telling_ids():
    assert slug("Иван Петров", "person") == "ivan-petrov"
    assert slug("Jürgen Groß", "person") == "jurgen-gross"
    assert slug("Zoë & Ørsted — Q&A", "person") == "zoe-orsted-q-a"
    assert slug("北京", "venue") == "beijing"
    assert slug("!!!", "track") == "track"
    assert len(slug("Очень длинное имя " * 20, "person")) <= 40


class CountingDict(dict):
    """A dict that counts the lookups made in it."""

    lookups = 0

    def __contains__(self, key: object) -> bool:
        CountingDict.lookups += 1
        return super().__contains__(key)


def test_ids_for_many_alike_names_cost_constant_lookups_each():
    taken = CountingDict()
    allocator = IdAllocator(taken, "person")
    for n in range(10000):
        pid = allocator.new("Докладчик")
        taken[pid] = n
    assert len(taken) == 10000 and "dokladchik-10000" in taken
    # Probing -2, -3, ... from the start each time made this 50 million lookups.
    assert CountingDict.lookups <= 3 * 10000


def test_ids_skip_what_was_taken_by_hand():
    taken = {"anna": 1, "anna-2": 1, "anna-4": 1}
    allocator = IdAllocator(taken, "person")
    made = []
    for _ in range(3):
        made.append(allocator.new("Anna"))
        taken[made[-1]] = 1
    assert made == ["anna-3", "anna-5", "anna-6"]


def test_an_import_of_10000_cyrillic_speakers_gives_10000_people():
    from factories import small_programme

    rows = "".join(f"Доклад {n},2019-04-04 10:00,2019-04-04 11:00,Докладчик №{n}\n"
                   for n in range(10000))
    result = read_csv(("title,start,end,speakers\n" + rows).encode(), "sheet.csv")
    plan = plan_import(small_programme(), result.events)
    ids = [p.id for p in plan.people]
    assert len(ids) == len(set(ids)) == 10000
    assert ids[:3] == ["dokladchik-no0", "dokladchik-no1", "dokladchik-no2"]


_AFFILIATION = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_SPEAKERS = re.compile(
    r"(?:^|\n\n)(?:" + "|".join(SPEAKERS_LABEL.values()) + r"): ([^\n]+)\s*$")
_PIECES = st.sampled_from(["a", " ", "\t", "(", ")", ";", "\n", "\n\n", "Speakers: ",
                           "Referenten:", "Спикеры: ", "x y"])


@given(st.lists(_PIECES, max_size=10).map("".join))
def test_affiliation_split_agrees_with_the_old_expression(text):
    if "\n" in text:  # the expression's "." stopped at line breaks; a name has none
        return
    found = _AFFILIATION.match(text)
    assert split_affiliation(text) == ((found.group(1), found.group(2)) if found else (text, ""))


@given(st.lists(_PIECES, max_size=10).map("".join))
def test_speakers_split_agrees_with_the_old_expression(text):
    found = _SPEAKERS.search(text)
    expected = (text, ()) if not found else (
        text[: found.start()].rstrip(),
        tuple(n.strip() for n in found.group(1).split(";") if n.strip()))
    assert split_speakers(text, SPEAKERS_LABEL.values()) == expected


def test_the_separator_is_told_from_the_header_row():
    assert _delimiter("title;start;end\nA;B;C") == ";"
    assert _delimiter("title\tstart\tend\n") == "\t"
    assert _delimiter('"a;b",start,end\n') == ","  # inside quotes it does not count
    assert _delimiter("title\n") == ","
    assert _delimiter("title;start\n" + "," * 100000) == ";"  # the rows do not count
