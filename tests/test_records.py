"""planner.records.compared gives a dataclass the repr, equality and hash @dataclass would."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime

import pytest

from planner.model import Event, Programme, Texts
from planner.records import compared


def _pair(frozen: bool, body: dict[str, object]) -> tuple[type, type]:
    """The same class declared twice: as a plain dataclass and with @compared."""
    def make(**options: bool) -> type:
        namespace = dict(body)
        namespace["__annotations__"] = dict(body["__annotations__"])  # type: ignore[call-overload]
        return dataclass(frozen=frozen, slots=True, **options)(type("Thing", (), namespace))
    return make(), compared(make(repr=False, eq=False))


BODIES = {
    "none": {"__annotations__": {}},
    "one": {"__annotations__": {"a": "int"}, "a": 1},
    "several": {"__annotations__": {"a": "int", "b": "str", "c": "tuple[int, ...]"},
                "a": 1, "b": "x", "c": ()},
    "not compared": {"__annotations__": {"a": "int", "b": "int"},
                     "b": field(default=0, compare=False)},
    "not shown": {"__annotations__": {"a": "int", "b": "int"},
                  "b": field(default=0, repr=False)},
    "hash only": {"__annotations__": {"a": "int", "b": "int"},
                  "b": field(default=0, hash=False)},
}
VALUES = {"none": [(), ()], "one": [(1,), (2,)], "several": [(1, "x", (2,)), (1, "y", ())],
          "not compared": [(1, 2), (1, 3)], "not shown": [(1, 2), (2, 2)],
          "hash only": [(1, 2), (1, 3)]}


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize("shape", list(BODIES))
def test_same_repr_equality_and_hash_as_a_dataclass(shape: str, frozen: bool) -> None:
    plain, ours = _pair(frozen, BODIES[shape])
    for args in VALUES[shape]:
        for other in VALUES[shape]:
            p, q = plain(*args), plain(*other)
            o, r = ours(*args), ours(*other)
            assert repr(o) == repr(p)
            assert (o == r) == (p == q) and (o != r) == (p != q)
            if frozen:
                assert hash(o) == hash(p)
    assert ours(*VALUES[shape][0]) != plain(*VALUES[shape][0])  # another class
    assert ours(*VALUES[shape][0]).__eq__(1) is NotImplemented
    if not frozen:
        with pytest.raises(TypeError, match="unhashable"):
            hash(ours(*VALUES[shape][0]))


def test_a_recursive_repr_shows_dots_as_a_dataclass_does() -> None:
    body = {"__annotations__": {"items": "list[object]"}}
    plain, ours = _pair(False, body)
    p, o = plain([]), ours([])
    p.items.append(p)
    o.items.append(o)
    assert repr(o) == repr(p) == "Thing(items=[...])"


def test_a_class_with_generated_methods_is_refused() -> None:
    with pytest.raises(TypeError, match="repr=False, eq=False"):
        compared(dataclass(frozen=True)(type("Thing", (), {"__annotations__": {"a": "int"}})))


def test_the_model_keeps_its_dataclass_behaviour() -> None:
    zone_free = datetime(2019, 4, 3, 10)
    title = Texts("Titel", "Title", "Заголовок")
    assert repr(title) == "Texts(de='Titel', en='Title', ru='Заголовок')"
    assert hash(title) == hash(("Titel", "Title", "Заголовок"))
    assert title == Texts("Titel", "Title", "Заголовок") and title is not Texts.same("Titel")
    event = Event("u", title, zone_free, zone_free, "t", "v")
    assert event == dataclasses.replace(event)
    assert event != dataclasses.replace(event, sequence=1)
    assert hash(event) == hash(dataclasses.replace(event))
    assert repr(event).startswith("Event(uid='u', title=Texts(de='Titel'")
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.uid = "w"  # type: ignore[misc]
    programme = Programme(title, "Europe/Berlin", zone_free.date(), zone_free.date())
    assert programme == programme.copy()
    with pytest.raises(TypeError, match="unhashable"):
        hash(programme)
