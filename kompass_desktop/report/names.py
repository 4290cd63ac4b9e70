"""The municipality's name in every form the report's sentences need.

Every sentence of the report that names the municipality takes its words from
:class:`MunicipalityNames`, made by :func:`municipality_names`, the one place that decides the
forms for the report: the register's name ("Olofströms kommun", "Malmö stad", "Göteborgs
Stad", "Region Gotland") and its genitive, the short name for charts and running text
("Olofströms poängprofil").  The rules are the app's (:func:`..services.municipality.names`),
so the window title, the summary page and the report never disagree.
"""

from __future__ import annotations

from ..domain.model import EvaluationInfo
from ..domain.municipalities import MunicipalityNames
from ..services import municipality

__all__ = ["MunicipalityNames", "municipality_names"]


def municipality_names(info: EvaluationInfo) -> MunicipalityNames:
    return municipality.names(info)
