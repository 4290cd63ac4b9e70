"""What every record carries, so that the files of co-evaluators can be merged record by record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    id: str
    author: str = ""
    created: str = ""
    modified: str = ""


def local_moment(stamp: str) -> datetime | None:
    """A stored time ('2025-10-14T08:41:07.123Z', UTC) in the computer's local time zone; None
    when ``stamp`` is empty or no time.  (A time without a zone is taken as UTC, as stored.)"""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()
