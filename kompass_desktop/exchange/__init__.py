"""Exchange with SKR and between evaluators: export/import (.kkx), sealing, merging, averages.

* :mod:`.export` / :mod:`.importer` — the ``.kkx`` export (a zip with ``manifest.json`` and
  ``evaluation.json``, see ``schemas/evaluation-export.schema.json``); :mod:`.package` checks
  an export completely before it is used.
* :mod:`.seal` — HPKE sealing for SKR (``kompass keygen`` / ``export --seal`` / ``unseal``).
* :mod:`.merge` — ``plan_merge`` / ``apply_merge``: co-evaluators' copies record by record.
* :mod:`.aggregate` — national averages (``kompass aggregate``).

No Qt and no SQL here: the queries live in :mod:`kompass_desktop.storage.exchange_io`.
"""

from .errors import ExchangeError, MergeRefused, RejectedArchive, SealError

__all__ = ["ExchangeError", "MergeRefused", "RejectedArchive", "SealError"]
