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
from enum import StrEnum
from typing import Any

from .errors import KompassError
from .messages import msg

SUFFIXES = ("kommun", "stad")
_LABEL = re.compile(r"(?P<name>.+?)\s*\((?P<code>[0-9]{4})\)")


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


def swedish_order(text: str) -> str:
    """A sort key in Swedish alphabetical order (å, ä, ö after z; é as e)."""
    return normalize(text).replace("å", "{").replace("ä", "|").replace("ö", "}").translate(_ACCENTS)


_ACCENTS = str.maketrans({"é": "e", "è": "e", "ü": "y", "æ": "|", "ø": "}"})


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
            raise KompassError(msg("Kommunregistret har två kommuner med samma kod."))
        self._names: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None

    def _tables(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """The names as written and without diacritics, built at the first search (opening an
        evaluation only looks its code up: a faster start)."""
        if self._names is None:
            exact: dict[str, set[str]] = {}
            folded: dict[str, set[str]] = {}
            for m in self.municipalities:
                for key in self._keys(m):
                    exact.setdefault(normalize(key), set()).add(m.code)
                    folded.setdefault(fold(key), set()).add(m.code)
            self._names = (exact, folded)
        return self._names

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
        exact, folded = self._tables()
        for table, variant in ((exact, normalize(query)), (folded, fold(query))):
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
            raise MunicipalityNotFound(msg("Ange en kommun: namn eller kommunkod (t.ex. 1060)."), ())
        labelled = _LABEL.fullmatch(text)  # "Olofströms kommun (1060)", as lists show it
        if labelled and labelled["code"] in self._by_code:
            return self._by_code[labelled["code"]]
        if text.isdigit():
            found = self.by_code(text.zfill(4) if len(text) == 3 else text)  # "114": a lost leading 0
            if found is not None:
                return found
            raise MunicipalityNotFound(msg("Det finns ingen kommun med koden {text}.", text=text), ())
        codes = self._matches(text)
        if len(codes) == 1:
            return self._by_code[next(iter(codes))]
        if codes:
            options = tuple(self._by_code[c] for c in sorted(codes))
            raise AmbiguousMunicipality(
                msg(
                    "”{text}” passar flera kommuner: {value}. Ange hela namnet eller kommunkoden.",
                    text=text,
                    value=", ".join(m.label() for m in options),
                ),
                options,
            )
        options = self.suggestions(text)
        hint = f" Menade du {_either(options)}?" if options else ""
        raise MunicipalityNotFound(
            msg("Det finns ingen kommun som heter ”{text}”.{hint}", text=text, hint=hint), options
        )

    def search(self, query: str, limit: int = 12) -> tuple[Municipality, ...]:
        """Municipalities whose name, short name or code contains ``query`` (case, hyphens and
        diacritics ignored), those that begin with it first: for a list that filters as one types."""
        target = fold(query)
        if not target:
            return self.municipalities[:limit]
        starts: list[Municipality] = []
        contains: list[Municipality] = []
        for m in sorted(self.municipalities, key=lambda m: swedish_order(m.name)):
            keys = [fold(m.name), fold(m.short_name), m.code]
            if any(k.startswith(target) for k in keys):
                starts.append(m)
            elif any(target in k for k in keys):
                contains.append(m)
        return tuple([*starts, *contains][:limit])

    def suggestions(self, query: str, limit: int = 5) -> tuple[Municipality, ...]:
        """The municipalities whose names are closest to ``query`` (difflib), best first."""
        target = fold(query)
        names: dict[str, set[str]] = {}
        for key, codes in self._tables()[1].items():
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
            raise KompassError(
                msg(
                    "Kommunregistret: kommunkod {code} hör inte till län {county_code}.",
                    code=code,
                    county_code=county_code,
                )
            )
        if counties and counties.get(county_code) != row["county"]:
            raise KompassError(
                msg("Kommunregistret: länet för {code} ({row}) stämmer inte.", code=code, row=row["county"])
            )
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


# -- the name an evaluation is shown with ------------------------------------------------------


class Listing(StrEnum):
    """Where an evaluation's municipality name comes from."""

    REGISTER = "register"  # chosen from the register: code and the register's name are stored
    UNLISTED = "unlisted"  # fictional or training (the demo): the name as written
    FREE_TEXT = "free_text"  # a file made before the register: a typed name, not linked yet


@dataclass(frozen=True, slots=True)
class MunicipalityNames:
    """Every form of the name the report's and the app's sentences need."""

    display: str  # "Olofströms kommun", "Malmö stad", "Göteborgs Stad", "Region Gotland"
    display_genitive: str  # "Olofströms kommuns", "Malmö stads", "Region Gotlands"
    short: str  # "Olofström", "Malmö", "Gotland" (chart legends, "Olofströms poängprofil")
    short_genitive: str  # "Olofströms", "Malmös", "Gotlands"
    code: str  # "1060"; "" when not chosen from the register
    listing: Listing
    typed: str = ""  # the name stored in the file
    match: Municipality | None = None  # a free-text name's one match in the register

    @property
    def counts_nationally(self) -> bool:
        """Whether the evaluation may count in a national average (unlisted ones never do)."""
        return self.listing != Listing.UNLISTED


def short_form(name: str) -> str:
    """A name without its "kommun"/"stad"/"Region" part: "Lindsjö kommun" -> "Lindsjö".

    For names outside the register only: a genitive s is kept ("Lindsjös kommun" ->
    "Lindsjös", whose genitive is itself), since "Vännäs kommun" shows it cannot be told apart.
    """
    text = " ".join(name.split())
    words = text.split(" ")
    if len(words) > 1 and words[-1].casefold() in SUFFIXES:
        return " ".join(words[:-1])
    if len(words) > 1 and words[0].casefold() == "region":
        return " ".join(words[1:])
    return text


def free_text_display(name: str) -> str:
    """How a typed name that the register does not know is shown: as typed when it already
    says what it is ("… kommun", "… stad", "Region …"), else with " kommun" (as before the
    register: "Lindsjö" -> "Lindsjö kommun")."""
    text = " ".join(name.split())
    return text if short_form(text) != text else f"{text} kommun"


def names_for(name: str, code: str, unlisted: bool, register: Register | None) -> MunicipalityNames:
    """The forms of an evaluation's name from what its file stores (name, code, unlisted).

    * From the register (a code): the stored name (the register's name when it was chosen)
      and the register's short name.
    * Unlisted: the name exactly as written; the short name without "kommun"/"stad"/"Region".
    * Free text (a file from before the register): the register's name when the text names
      exactly one municipality ("Olofström" -> "Olofströms kommun"), else as typed with
      " kommun" where the text does not say what it is.
    """
    typed = " ".join(name.split())
    entry = register.by_code(code) if register is not None and code else None
    if code:
        display = typed or (entry.name if entry else code)
        short = entry.short_name if entry else short_form(display)
        return _names(display, short, code, Listing.REGISTER, typed, entry)
    if unlisted:
        return _names(typed, short_form(typed), "", Listing.UNLISTED, typed, None)
    match = None
    if register is not None and typed:
        try:
            match = register.find(typed)
        except MunicipalityNotFound:
            match = None
    if match is not None:
        return _names(match.name, match.short_name, "", Listing.FREE_TEXT, typed, match)
    return _names(free_text_display(typed), short_form(typed), "", Listing.FREE_TEXT, typed, None)


def _names(
    display: str, short: str, code: str, listing: Listing, typed: str, match: Municipality | None
) -> MunicipalityNames:
    short = short or display
    return MunicipalityNames(display, genitive(display), short, genitive(short), code, listing, typed, match)
