"""What a JSON schema check found, in the product's words.

``jsonschema`` describes a violation in English and repeats the value it checked, a whole record
if need be ("{'id': …, 'evaluators': […]} is not valid under any of the given schemas").  A user
who opens a damaged export or a national average from SKR reads instead one Swedish line per
problem: where (``$.records.notes[0].rev``), what is wrong, and the value cut short.  Each line
is a :class:`~.domain.messages.Message`, translated in the GUI like every other message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .domain.language import shortened
from .domain.messages import Message, joined, msg

#: The longest value quoted in a message (longer ones are cut with "…").
SHOWN = 40
#: The most allowed values a message lists.
OPTIONS = 3

_TYPES: Mapping[str, Message] = {
    "string": msg("en text"),
    "integer": msg("ett heltal"),
    "number": msg("ett tal"),
    "boolean": msg("sant eller falskt"),
    "object": msg("ett objekt"),
    "array": msg("en lista"),
    "null": msg("tomt (null)"),
}


def json_path(parts: Iterable[Any]) -> str:
    """'$.areas[2].subareas[0].max' from a jsonschema error path."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def shown(value: Any) -> str:
    """A value as a message quotes it: a text in ”…”, anything else as JSON; cut at :data:`SHOWN`."""
    text = shortened(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), SHOWN)
    return f"”{text}”" if isinstance(value, str) else text


def _names(keys: Iterable[str]) -> str:
    return ", ".join(f"”{key}”" for key in keys)


def _extra_keys(error: Any) -> list[str]:
    schema, instance = error.schema, error.instance
    known = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    return [
        key
        for key in instance
        if key not in known and not any(re.search(pattern, key) for pattern in patterns)
    ]


def reason(error: Any) -> Message:
    """Why ``error`` (a ``jsonschema`` ``ValidationError``) refuses its value, without the place."""
    rule, limit, value = error.validator, error.validator_value, error.instance
    if rule == "required":
        missing = [key for key in limit if key not in value]
        if len(missing) == 1:
            return msg("fältet {name} saknas", name=_names(missing))
        return msg("fälten {names} saknas", names=_names(missing))
    if rule == "additionalProperties":
        extra = _extra_keys(error)
        if len(extra) == 1:
            return msg("okänt fält {name}", name=_names(extra))
        return msg("okända fält {names}", names=_names(extra))
    if rule == "type":
        expected = joined([_TYPES[t] for t in ([limit] if isinstance(limit, str) else limit)], sep=" eller ")
        return msg("ska vara {expected}, inte {value}", expected=expected, value=shown(value))
    if rule == "pattern":
        return msg("{value} har fel form", value=shown(value))
    if rule in ("anyOf", "oneOf"):
        return msg("{value} är inget tillåtet värde här", value=shown(value))
    if rule == "enum":
        options = ", ".join([shown(option) for option in limit[:OPTIONS]] + ["…"] * (len(limit) > OPTIONS))
        return msg("{value} är inte tillåtet (tillåtna: {options})", value=shown(value), options=options)
    if rule == "const":
        return msg("ska vara {expected}, inte {value}", expected=shown(limit), value=shown(value))
    if rule == "minimum":
        return msg("{value} är mindre än {limit}", value=shown(value), limit=limit)
    if rule == "maximum":
        return msg("{value} är större än {limit}", value=shown(value), limit=limit)
    if rule == "exclusiveMinimum":
        return msg("{value} ska vara större än {limit}", value=shown(value), limit=limit)
    if rule == "exclusiveMaximum":
        return msg("{value} ska vara mindre än {limit}", value=shown(value), limit=limit)
    if rule == "minLength" and limit == 1:
        return msg("får inte vara tom")
    if rule == "minLength":
        return msg("{value} är kortare än {limit} tecken", value=shown(value), limit=limit)
    if rule == "maxLength":
        return msg("{value} är längre än {limit} tecken", value=shown(value), limit=limit)
    if rule == "minItems":
        return msg("har för få poster ({n}; minst {limit})", n=len(value), limit=limit)
    if rule == "maxItems":
        return msg("har för många poster ({n}; högst {limit})", n=len(value), limit=limit)
    if rule == "minProperties":
        return msg("får inte vara tomt")
    if rule == "uniqueItems":
        return msg("har samma värde mer än en gång")
    return msg("följer inte schemats regel ”{rule}”", rule=rule)


def problems(errors: Iterable[Any], limit: int | None = None) -> list[Message]:
    """:func:`problem` of each error, in the order of their places (``[2]`` before ``[10]``)."""

    def place(error: Any) -> list[tuple[int, int | str]]:
        return [(0, p) if isinstance(p, int) else (1, str(p)) for p in error.absolute_path]

    found = list(dict.fromkeys(problem(e) for e in sorted(errors, key=place)))  # one per missing field
    return found[:limit]


def problem(error: Any) -> Message:
    """'$.records.notes[0]: fältet ”rev” saknas': the place and the reason of ``error``."""
    return msg("{path}: {reason}", path=json_path(error.absolute_path), reason=reason(error))
