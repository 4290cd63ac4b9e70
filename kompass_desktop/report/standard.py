"""Standard texts of chapter 2 that SKR edits in ``resources/texts/<version>.toml``.

``[comparisons]`` holds the "Jämförelser" section: ``title``, ``text`` (where the published
reports are) and ``revision`` (what changed since the earlier versions, printed when an earlier
evaluation was made with another version).  The rest of the file (introduction, "Allmänt") is
read with the framework (:mod:`kompass_desktop.resources`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import resources
from ..domain.errors import FrameworkError
from ..domain.messages import msg


@dataclass(frozen=True, slots=True)
class ComparisonTexts:
    title: str
    text: str  # where all published reports are found
    revision: str  # what changed compared with earlier versions ("" for the first version)


DEFAULT = ComparisonTexts(
    "Jämförelser",
    "Alla utvärderingar från 2016 och framåt finns tillgängliga på Sveriges Kommuner och Regioners "
    "webbplats www.skr.se/kommunkompassen.",
    "",
)


def _clean(text: str) -> str:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join(p for p in paragraphs if p)


def comparison_texts(framework_id: str) -> ComparisonTexts:
    """The version's "Jämförelser" texts (defaults when its file has none).

    The file is read again only when it changed (a report reads these texts several times,
    and the live preview makes a report's content after every edit)."""
    path = resources.resources_dir() / "texts" / f"{framework_id}.toml"
    try:
        stat = path.stat()
    except FileNotFoundError:
        return DEFAULT
    except OSError:
        stat = None
    return _comparison_texts(path, None if stat is None else (stat.st_mtime_ns, stat.st_size, stat.st_ino))


@lru_cache(maxsize=16)
def _comparison_texts(path: Path, _stamp: tuple[int, int, int] | None) -> ComparisonTexts:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return DEFAULT
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise FrameworkError(msg("{path}: textfilen kan inte tolkas: {err}.", path=path, err=err)) from None
    section = data.get("comparisons")
    if section is None:
        return DEFAULT
    if not isinstance(section, dict) or not all(isinstance(section.get(k, ""), str) for k in section):
        raise FrameworkError(
            msg("{path}: [comparisons] ska innehålla texterna title, text och revision.", path=path)
        )
    return ComparisonTexts(
        _clean(section.get("title", DEFAULT.title)) or DEFAULT.title,
        _clean(section.get("text", DEFAULT.text)),
        _clean(section.get("revision", "")),
    )


_EVALUATOR = re.compile(r"\b([Uu])tvärderar(?:na|en)(s?)\b")


def evaluator_number(text: str, evaluators: int) -> str:
    """'Utvärderaren'/'utvärderarna' (and their genitives) as many as the evaluation has.

    Only for standard texts; an evaluator's own text is printed as written.  Without any
    evaluator registered the plural is used.
    """
    ending = "en" if evaluators == 1 else "na"
    return _EVALUATOR.sub(lambda m: f"{m.group(1)}tvärderar{ending}{m.group(2)}", text)
