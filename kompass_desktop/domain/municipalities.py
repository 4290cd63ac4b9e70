"""Sweden's municipalities: look one up by code, official name or short name.

The register is data (``resources/reference/municipalities.json``, read by
``resources.municipalities()``); this module only interprets it.  No Qt, no I/O.

Lookups ignore case, surrounding blanks, repeated spaces, hyphens versus spaces and, as a
fallback, diacritics: "vallentuna", "1280", "Olofström", "olofstrom" and "Malmö kommun"
(the legal form of "Malmö stad") all work.  An exact spelling always wins over a folded
one, so "Habo" and "Håbo" stay two municipalities.  A query that matches nothing, or more
than one municipality, is refused with the closest names as suggestions.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import KompassError

SUFFIXES = ("kommun", "stad")


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str  # "1060"
    name: str  # as the municipality uses it: "Olofströms kommun", "Malmö stad", "Region Gotland"
    short_name: str  # "Olofström"
    county_code: str  # "10"
    county: str  # "Blekinge län"
    legal_name: str = ""  # "Malmö kommun" where the name above is another form
    group_code: str = ""  # SKR's municipality group, only where sourced ("A1")
    group_name: str = ""  # "Storstäder"

    def label(self) -> str:
        """ "Olofströms kommun (1060)" — for lists and messages."""
        return f"{self.name} ({self.code})"

    @property
    def genitive(self) -> str:
        """The name in the genitive: "Malmö stads", "Region Gotlands", "Olofströms kommuns"."""
        return genitive(self.name)


class MunicipalityNotFound(KompassError):
    """No municipality matches; ``suggestions`` holds the closest ones (possibly none)."""

    def __init__(self, message: str, suggestions: tuple[Municipality, ...]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class AmbiguousMunicipality(MunicipalityNotFound):
    """Several municipalities match; ``suggestions`` holds them."""


def genitive(name: str) -> str:
    """Swedish genitive of a name: add "s" unless it already ends in s, x or z.

    "Malmö stad" -> "Malmö stads", "Region Gotland" -> "Region Gotlands", "Borås" -> "Borås",
    "Kalix" -> "Kalix".  (Names such as "Olofströms kommun" already contain the genitive of
    the place; the genitive of the whole name is "Olofströms kommuns".)
    """
    text = name.strip()
    if not text or text[-1].lower() in "sxz":
        return text
    return text + "s"


def normalize(text: str) -> str:
    """Case, hyphens and blanks do not matter; diacritics still do (å, ä, ö are letters)."""
    text = unicodedata.normalize("NFC", text).casefold().replace("-", " ").replace("\u2010", " ")
    return re.sub(r"\s+", " ", text).strip()


def fold(text: str) -> str:
    """``normalize`` and then drop diacritics: "Olofström" -> "olofstrom"."""
    decomposed = unicodedata.normalize("NFKD", normalize(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _without_suffix(text: str) -> str:
    """ "olofström kommun" -> "olofström"; "olofströms kommun" -> "olofströms"."""
    words = text.split(" ")
    if len(words) > 1 and words[-1] in SUFFIXES:
        return " ".join(words[:-1])
    return text


class Register:
    """All municipalities, searchable by code, official, legal or short name."""

    def __init__(self, municipalities: Iterable[Municipality], source: str = "", retrieved: str = "") -> None:
        self.municipalities = tuple(sorted(municipalities, key=lambda m: m.code))
        self.source = source
        self.retrieved = retrieved
        self._by_code = {m.code: m for m in self.municipalities}
        if len(self._by_code) != len(self.municipalities):
            raise KompassError("Kommunregistret har två kommuner med samma kod.")
        self._exact: dict[str, set[str]] = {}
        self._folded: dict[str, set[str]] = {}
        for m in self.municipalities:
            for key in self._keys(m):
                self._exact.setdefault(normalize(key), set()).add(m.code)
                self._folded.setdefault(fold(key), set()).add(m.code)

    @staticmethod
    def _keys(m: Municipality) -> list[str]:
        """Names and names without "kommun"/"stad" ("olofströms"); the legal forms ("Malmö
        kommun", "Gotlands kommun") are found through the latter."""
        names = [m.name, m.short_name]
        return [*names, *(_without_suffix(normalize(n)) for n in names)]

    def __len__(self) -> int:
        return len(self.municipalities)

    def __iter__(self) -> Iterator[Municipality]:
        return iter(self.municipalities)

    def by_code(self, code: str) -> Municipality | None:
        return self._by_code.get(code.strip())

    def _matches(self, query: str) -> set[str]:
        """Exact spellings first, then without diacritics; a trailing "kommun"/"stad" may carry
        a missing or surplus genitive s ("Olofström kommun", "Kalmars kommun")."""
        for table, variant in ((self._exact, normalize(query)), (self._folded, fold(query))):
            stem = _without_suffix(variant)
            candidates = [variant]
            if stem != variant:
                candidates += [stem, stem + "s", stem.removesuffix("s")]
            for candidate in candidates:
                found = table.get(candidate)
                if found:
                    return found
        return set()

    def find(self, query: str) -> Municipality:
        """The one municipality ``query`` names, else MunicipalityNotFound/AmbiguousMunicipality."""
        text = query.strip()
        if not text:
            raise MunicipalityNotFound("Ange en kommun: namn eller kommunkod (t.ex. 1060).", ())
        if text.isdigit():
            found = self.by_code(text.zfill(4) if len(text) == 3 else text)  # "114": a lost leading 0
            if found is not None:
                return found
            raise MunicipalityNotFound(f"Det finns ingen kommun med koden {text}.", ())
        codes = self._matches(text)
        if len(codes) == 1:
            return self._by_code[next(iter(codes))]
        if codes:
            options = tuple(self._by_code[c] for c in sorted(codes))
            raise AmbiguousMunicipality(
                f"”{text}” passar flera kommuner: {', '.join(m.label() for m in options)}. "
                "Ange hela namnet eller kommunkoden.",
                options,
            )
        options = self.suggestions(text)
        hint = f" Menade du {_either(options)}?" if options else ""
        raise MunicipalityNotFound(f"Det finns ingen kommun som heter ”{text}”.{hint}", options)

    def suggestions(self, query: str, limit: int = 5) -> tuple[Municipality, ...]:
        """The municipalities whose names are closest to ``query`` (difflib), best first."""
        target = fold(query)
        names: dict[str, set[str]] = {}
        for key, codes in self._folded.items():
            names.setdefault(key, set()).update(codes)
        close = difflib.get_close_matches(target, list(names), n=limit * 3, cutoff=0.6)
        picked: list[Municipality] = []
        for key in close:
            for code in sorted(names[key]):
                m = self._by_code[code]
                if m not in picked:
                    picked.append(m)
        return tuple(picked[:limit])


def _either(options: tuple[Municipality, ...]) -> str:
    labels = [m.label() for m in options]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " eller " + labels[-1]


def parse_register(data: Mapping[str, Any]) -> Register:
    """The register from the file's content (already checked against its schema)."""
    counties = {str(c["code"]): str(c["name"]) for c in data.get("counties", [])}
    items = []
    for row in data["municipalities"]:
        code = str(row["code"])
        county_code = str(row["county_code"])
        if not code.startswith(county_code):
            raise KompassError(f"Kommunregistret: kommunkod {code} hör inte till län {county_code}.")
        if counties and counties.get(county_code) != row["county"]:
            raise KompassError(f"Kommunregistret: länet för {code} ({row['county']}) stämmer inte.")
        group = row.get("group") or {}
        items.append(
            Municipality(
                code=code,
                name=str(row["name"]),
                short_name=str(row["short_name"]),
                county_code=county_code,
                county=str(row["county"]),
                legal_name=str(row.get("legal_name", "")),
                group_code=str(group.get("code", "")),
                group_name=str(group.get("name", "")),
            )
        )
    return Register(items, source=str(data.get("source", "")), retrieved=str(data.get("retrieved", "")))
