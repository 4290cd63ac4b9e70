"""The municipality of an evaluation and the register it is chosen from.

Every door that names the municipality (the command line, the wizard, the facts dialog) turns
what the user typed into a :class:`MunicipalityChoice` here; every text that shows the name
(the report, the window title, the summary page, the charts) takes its forms from
:func:`names`, which reads the register through :func:`kompass_desktop.resources.municipalities`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import resources
from ..domain.errors import KompassError
from ..domain.messages import msg
from ..domain.model import EvaluationInfo
from ..domain.municipalities import Municipality, MunicipalityNames, Register, names_for


def register() -> Register:
    return resources.municipalities()


@dataclass(frozen=True, slots=True)
class MunicipalityChoice:
    """What a new or edited evaluation stores about its municipality."""

    name: str  # the register's name, or the unlisted name as written
    code: str = ""  # the register's code; "" for an unlisted municipality
    unlisted: bool = False

    def fields(self) -> dict[str, Any]:
        """The evaluation record's columns."""
        return {"municipality": self.name, "municipality_code": self.code, "unlisted": int(self.unlisted)}


def from_register(municipality: Municipality) -> MunicipalityChoice:
    return MunicipalityChoice(municipality.name, municipality.code)


def find(query: str) -> MunicipalityChoice:
    """The municipality a name or code names (official, short or legal name, any case, with or
    without diacritics); MunicipalityNotFound/AmbiguousMunicipality with suggestions else."""
    return from_register(register().find(query))


def unlisted(name: str) -> MunicipalityChoice:
    """A fictional or training evaluation: the name is used exactly as written."""
    text = " ".join(name.split())
    if not text:
        raise KompassError(msg("Ange ett namn för den fiktiva kommunen eller övningen."))
    return MunicipalityChoice(text, unlisted=True)


def by_code(code: str) -> MunicipalityChoice:
    found = register().by_code(code)
    if found is None:
        raise KompassError(msg("Det finns ingen kommun med koden {code} i kommunregistret.", code=code))
    return from_register(found)


def names(info: EvaluationInfo) -> MunicipalityNames:
    """The forms of the evaluation's name (see :func:`..domain.municipalities.names_for`).  An
    unlisted one (the demo, a training) is named as written: the register is not read."""
    listed = bool(info.municipality_code) or not info.unlisted
    return names_for(info.municipality, info.municipality_code, info.unlisted, register() if listed else None)
