"""The municipality's name in every form the report's sentences need.

Every sentence of the report that names the municipality takes its words from
:class:`MunicipalityNames`, made by :func:`municipality_names`, the one place that decides the
forms.  Today it derives them from the typed name (``EvaluationInfo.municipality_name`` adds
" kommun"); when the register of official names is wired in, only :func:`municipality_names`
changes (official display name and genitive from the register).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.model import EvaluationInfo


def genitive(name: str) -> str:
    """'Lindsjös', 'Olofströms kommuns', 'Malmö stads', but 'Vännäs' (s, x, z take no extra s)."""
    name = name.rstrip()
    return name if name[-1:].lower() in ("s", "x", "z") else f"{name}s"


@dataclass(frozen=True, slots=True)
class MunicipalityNames:
    display: str  # "Olofströms kommun", "Malmö stad", "Region Gotland"
    display_genitive: str  # "Olofströms kommuns", "Malmö stads", "Region Gotlands"
    short: str  # "Olofström", "Malmö", "Gotland" (charts, "Olofströms poängprofil")
    short_genitive: str  # "Olofströms"


def names_from(display: str, display_genitive: str, short: str) -> MunicipalityNames:
    """The forms from a display name and its genitive (as a register gives them) and a short name."""
    short = short.strip() or display
    return MunicipalityNames(display.strip(), display_genitive.strip(), short, genitive(short))


def municipality_names(info: EvaluationInfo) -> MunicipalityNames:
    display = info.municipality_name
    return names_from(display, genitive(display), info.municipality.strip())
