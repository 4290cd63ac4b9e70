"""Correspondence between the areas of different framework versions.

Areas were renamed and renumbered between versions.  Comparisons (charts, reports) must only
put two areas side by side when the mapping says they are comparable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class AreaLink:
    from_area: int
    to_area: int
    comparable: bool
    note: str = ""  # Swedish (reports); the English GUI shows note_en
    note_en: str = ""


@dataclass(frozen=True, slots=True)
class VersionMapping:
    from_id: str
    to_id: str
    links: tuple[AreaLink, ...]
    note: str = ""
    note_en: str = ""

    def reversed(self) -> VersionMapping:
        return VersionMapping(
            self.to_id,
            self.from_id,
            tuple(
                AreaLink(link.to_area, link.from_area, link.comparable, link.note, link.note_en)
                for link in self.links
            ),
            self.note,
            self.note_en,
        )


@dataclass(frozen=True, slots=True)
class Correspondence:
    """For each area of the *target* version: the matching area of the *source* version."""

    source_id: str
    target_id: str
    by_target: Mapping[int, AreaLink]
    note: str = ""
    note_en: str = ""

    def source_area(self, target_area: int) -> AreaLink | None:
        return self.by_target.get(target_area)


def parse_mappings(data: Mapping[str, Any]) -> tuple[VersionMapping, ...]:
    return tuple(
        VersionMapping(
            str(m["from"]),
            str(m["to"]),
            tuple(
                AreaLink(
                    int(a["from"]),
                    int(a["to"]),
                    bool(a["comparable"]),
                    a.get("note", ""),
                    a.get("note_en", ""),
                )
                for a in m["areas"]
            ),
            m.get("note", ""),
            m.get("note_en", ""),
        )
        for m in data["mappings"]
    )


def correspondence(
    mappings: Sequence[VersionMapping], source_id: str, target_id: str, area_numbers: Sequence[int] = ()
) -> Correspondence | None:
    """How areas of ``source_id`` line up with areas of ``target_id``.

    Same version: identity.  Otherwise a path of mappings (either direction) is composed;
    a composed link is comparable only if every step is.  None when no path exists.
    """
    if source_id == target_id:
        return Correspondence(source_id, target_id, {n: AreaLink(n, n, True) for n in area_numbers})
    edges: dict[str, list[VersionMapping]] = {}
    for m in mappings:
        edges.setdefault(m.from_id, []).append(m)
        edges.setdefault(m.to_id, []).append(m.reversed())
    # breadth-first search over versions
    queue: list[tuple[str, list[VersionMapping]]] = [(source_id, [])]
    visited = {source_id}
    while queue:
        version, path = queue.pop(0)
        for step in edges.get(version, []):
            if step.to_id in visited:
                continue
            new_path = [*path, step]
            if step.to_id == target_id:
                return _compose(new_path)
            visited.add(step.to_id)
            queue.append((step.to_id, new_path))
    return None


def _compose(path: Sequence[VersionMapping]) -> Correspondence:
    # map: source area -> (current area, comparable, notes in Swedish and English)
    current: dict[int, tuple[int, bool, list[AreaLink]]] = {
        link.from_area: (link.to_area, link.comparable, [link]) for link in path[0].links
    }
    for step in path[1:]:
        step_links = {link.from_area: link for link in step.links}
        nxt: dict[int, tuple[int, bool, list[AreaLink]]] = {}
        for src, (area, comparable, links) in current.items():
            link = step_links.get(area)
            if link is None:
                continue
            nxt[src] = (link.to_area, comparable and link.comparable, [*links, link])
        current = nxt
    by_target = {
        area: AreaLink(
            src,
            area,
            comparable,
            " ".join(link.note for link in links if link.note),
            " ".join(link.note_en for link in links if link.note_en),
        )
        for src, (area, comparable, links) in current.items()
    }
    return Correspondence(
        path[0].from_id,
        path[-1].to_id,
        by_target,
        " ".join(m.note for m in path if m.note),
        " ".join(m.note_en for m in path if m.note_en),
    )
