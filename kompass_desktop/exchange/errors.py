"""Errors of the exchange package: one clear Swedish line each (the CLI prints them, exit 1)."""

from __future__ import annotations

from ..domain.errors import KompassError


class ExchangeError(KompassError):
    """Export, import, sealing, merging or aggregation could not be done; nothing was written."""


class RejectedArchive(ExchangeError):
    """An export file (.kkx) that is not accepted: damaged, unsafe, manipulated or too new."""


class SealError(ExchangeError):
    """A sealed file or a key that cannot be used (tampered, wrong key, bad key file)."""


class MergeRefused(ExchangeError):
    """Two files that cannot be merged (different evaluations, personal data missing, ...)."""
