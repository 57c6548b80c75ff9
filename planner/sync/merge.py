"""Three-way merge of the programme's own data (everything but its events).

The programme's resource holds the tracks, venues, people and settings of the whole
programme. Treated as one item, two planners who each add a venue would conflict; so it is
merged entry by entry against the base (what both sides had after the last sync): a track,
venue or person by id, each setting (name, days, zone, travel, calendar language, a track's
collection) on its own. An entry changed on one side only takes that side's value; changed
on both sides alike, that value; changed on both sides differently, it is a conflict: each
side keeps its own value until someone chooses (see planner.sync.engine).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Data = dict[str, Any]
Key = tuple[str, ...]

# Lists in the programme data that are always written, even empty; other lists of entities
# (the unscheduled sessions, say) are written only when they hold some, as planner.snapshot
# writes them.
_ENTITY_LISTS = ("tracks", "venues", "people")


def _entity_key(item: object) -> str | None:
    """The id of an entity in the programme data (``id``, or ``uid`` for a session)."""
    if isinstance(item, Mapping):
        for name in ("id", "uid"):
            if isinstance(item.get(name), str):
                return str(item[name])
    return None


def _is_entity_list(name: str, value: object) -> bool:
    return name in _ENTITY_LISTS or (
        isinstance(value, list) and bool(value)
        and all(_entity_key(item) is not None for item in value))


def entries(data: Mapping[str, Any]) -> dict[Key, Any]:
    """``data`` (a programme payload, see planner.sync.resource) as flat entries: a key per
    entity (a track, venue, person, unscheduled session, ... by its id) or setting."""
    flat: dict[Key, Any] = {}
    for key, value in data.items():
        if key == "programme":
            for name, item in value.items():
                if _is_entity_list(name, item):
                    for entity in item:
                        flat[("programme", name, str(_entity_key(entity)))] = entity
                else:
                    flat[("programme", name)] = item
        elif key == "collections":
            for track, collection in value.items():
                flat[("collections", track)] = collection
        else:
            flat[(key,)] = value
    return flat


def _reordered(base: list[str], side: list[str]) -> bool:
    return [i for i in side if i in base] != [i for i in base if i in side]


def _order(base: list[str], local: list[str], remote: list[str], keep: set[str]) -> list[str]:
    """The merged order of an entity list: the side that reordered it wins (local when
    both did), then the other side's additions in its order."""
    first, second = local, remote
    if _reordered(base, remote) and not _reordered(base, local):
        first, second = remote, local
    order = [i for i in first if i in keep]
    order += [i for i in second if i in keep and i not in order]
    order += sorted(keep - set(order))
    return order


def rebuild(flat: Mapping[Key, Any], orders: Mapping[str, list[str]]) -> Data:
    """The programme payload of the flat ``entries``, entity lists in ``orders``."""
    data: Data = {}
    programme: Data = {}
    collections: Data = {}
    lists: dict[str, dict[str, Any]] = {name: {} for name in _ENTITY_LISTS}
    for key, value in flat.items():
        if key[0] == "programme" and len(key) == 3:
            lists.setdefault(key[1], {})[key[2]] = value
        elif key[0] == "programme":
            programme[key[1]] = value
        elif key[0] == "collections":
            collections[key[1]] = value
        else:
            data[key[0]] = value
    for name, items in lists.items():
        if not items and name not in _ENTITY_LISTS:
            continue  # an empty list of sessions is not written
        order = orders.get(name) or sorted(items)
        programme[name] = [items[i] for i in order if i in items]
        programme[name] += [items[i] for i in sorted(items) if i not in order]
    data["programme"] = programme
    data["collections"] = dict(sorted(collections.items()))
    return data


@dataclass(slots=True)
class MergeConflict:
    """An entry changed differently on both sides (``None``: removed on that side)."""

    key: Key
    base: Any
    local: Any
    remote: Any


@dataclass(slots=True)
class MergeResult:
    """``local`` is what this planner's programme becomes, ``remote`` what the server's
    resource becomes, ``base`` what to remember as agreed; they differ only in conflicts,
    where each side keeps its own and the base stays as it was."""

    local: Data
    remote: Data
    base: Data
    conflicts: list[MergeConflict] = field(default_factory=list)


def _ids(data: Mapping[str, Any] | None, name: str) -> list[str]:
    if not data:
        return []
    return [str(_entity_key(item)) for item in data.get("programme", {}).get(name, ())]


def merge(
    base: Mapping[str, Any] | None,
    local: Mapping[str, Any],
    remote: Mapping[str, Any] | None,
    prefer: str | None = None,
    settled: Mapping[Key, str] | None = None,
) -> MergeResult:
    """Merge the programme payloads ``local`` and ``remote`` against ``base`` (``None``
    before the first sync; ``remote`` is ``None`` when the server has none yet).

    ``prefer`` ("local" or "server") settles every conflict that way; ``settled`` settles
    single entries by key.
    """
    if remote is None:
        return MergeResult(dict(local), dict(local), dict(local))
    b, lo, re_ = entries(base or {}), entries(local), entries(remote)
    settled = settled or {}
    merged_local: dict[Key, Any] = {}
    merged_remote: dict[Key, Any] = {}
    agreed: dict[Key, Any] = {}
    conflicts: list[MergeConflict] = []
    for key in _keys(b, lo, re_):
        bv, lv, rv = b.get(key), lo.get(key), re_.get(key)
        choice = settled.get(key, prefer)
        if lv == rv:
            value: Any = lv
        elif lv == bv:
            value = rv
        elif rv == bv:
            value = lv
        elif choice in ("local", "server"):
            value = lv if choice == "local" else rv
        else:
            conflicts.append(MergeConflict(key, bv, lv, rv))
            _put(merged_local, key, lv)
            _put(merged_remote, key, rv)
            _put(agreed, key, bv)
            continue
        _put(merged_local, key, value)
        _put(merged_remote, key, value)
        _put(agreed, key, value)
    orders = {}
    names = {k[1] for k in (*b, *lo, *re_) if k[0] == "programme" and len(k) == 3}
    for name in sorted(names | set(_ENTITY_LISTS)):
        keep = {k[2] for k in merged_local if k[:2] == ("programme", name)}
        keep |= {k[2] for k in merged_remote if k[:2] == ("programme", name)}
        orders[name] = _order(_ids(base, name), _ids(local, name), _ids(remote, name), keep)
    return MergeResult(rebuild(merged_local, orders), rebuild(merged_remote, orders),
                       rebuild(agreed, orders), conflicts)


def _keys(*flats: Mapping[Key, Any]) -> Iterable[Key]:
    seen: dict[Key, None] = {}
    for flat in flats:
        seen.update(dict.fromkeys(flat))
    return list(seen)


def _put(target: dict[Key, Any], key: Key, value: Any) -> None:
    if value is not None:
        target[key] = value
