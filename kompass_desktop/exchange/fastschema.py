"""A fast yes/no check for the keyword subset our export schema uses.

``jsonschema`` needs ~200 ms for one demo-sized export, too slow to aggregate hundreds of
exports in seconds.  This module compiles the schema once into plain Python closures
(~10 times faster).  It only *answers* valid/invalid; messages with JSON paths always come
from ``jsonschema`` (see :func:`.package.schema_problems`), and when the two disagree the
reference implementation wins — so a bug here can make validation slower, never laxer,
as long as this compiler is at least as strict (tests compare both on mutated documents).

Any keyword outside the supported subset raises at compile time: extending the schema with a
new keyword can never silently weaken the check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

#: Keywords that only annotate (no effect on validity).
_ANNOTATIONS = frozenset({"description", "title", "$schema", "$id", "$defs", "$comment", "examples"})
_SUPPORTED = _ANNOTATIONS | {
    "type",
    "const",
    "enum",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "required",
    "properties",
    "patternProperties",
    "additionalProperties",
    "minProperties",
    "items",
    "prefixItems",
    "minItems",
    "maxItems",
    "uniqueItems",
    "anyOf",
    "$ref",
}


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


_TYPES: dict[str, Check] = {
    "string": lambda x: isinstance(x, str),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "number": _is_number,
    "integer": lambda x: _is_number(x) and (isinstance(x, int) or float(x).is_integer()),
}


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema defines it (``true`` is not ``1``)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if _is_number(a) and _is_number(b):
        return bool(a == b)
    return type(a) is type(b) and bool(a == b)


class Compiler:
    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root
        self._refs: dict[str, Check] = {}
        self._busy: dict[str, list[Check]] = {}

    def ref(self, pointer: str) -> Check:
        if not pointer.startswith("#/$defs/"):
            raise NotImplementedError(f"$ref {pointer}")
        if pointer in self._refs:
            return self._refs[pointer]
        if pointer in self._busy:  # a recursive definition: resolve lazily
            holder = self._busy[pointer]
            return lambda x: holder[0](x)
        self._busy[pointer] = holder = []
        check = self.compile(self.root["$defs"][pointer.split("/")[-1]])
        holder.append(check)
        del self._busy[pointer]
        self._refs[pointer] = check
        return check

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda x: True
        if schema is False:
            return lambda x: False
        unknown = set(schema) - _SUPPORTED
        if unknown:
            raise NotImplementedError(f"keywords {sorted(unknown)}")
        s = schema
        checks: list[Check] = []
        if "$ref" in s:
            checks.append(self.ref(s["$ref"]))
        types = s.get("type")
        if types == "string":
            checks.append(self._string(s, typed=True))
        else:
            if types is not None:
                tests = [_TYPES[n] for n in (types if isinstance(types, list) else [types])]
                checks.append(tests[0] if len(tests) == 1 else (lambda x: any(t(x) for t in tests)))
            if {"pattern", "minLength", "maxLength"} & s.keys():
                checks.append(self._string(s, typed=False))
        if "const" in s:
            const = s["const"]
            checks.append(lambda x: json_equal(x, const))
        if "enum" in s:
            options = list(s["enum"])
            if all(isinstance(o, str) for o in options):
                names = frozenset(options)
                checks.append(lambda x: type(x) is str and x in names)
            else:
                checks.append(lambda x: any(json_equal(x, o) for o in options))
        checks.extend(self._number(s) + self._object(s) + self._array(s))
        if "anyOf" in s:
            branches = [self.compile(b) for b in s["anyOf"]]
            if len(branches) == 2:
                first, second = branches
                checks.append(lambda x: first(x) or second(x))
            else:
                checks.append(lambda x: any(b(x) for b in branches))
        if not checks:
            return lambda x: True
        if len(checks) == 1:
            return checks[0]
        if len(checks) == 2:
            one, two = checks
            return lambda x: one(x) and two(x)
        return lambda x: all(c(x) for c in checks)

    def _string(self, s: Mapping[str, Any], *, typed: bool) -> Check:
        """One closure for a string's constraints (``typed``: it must be a string)."""
        search = re.compile(s["pattern"]).search if "pattern" in s else None
        low, high = s.get("minLength", 0), s.get("maxLength")

        def check(x: Any) -> bool:
            if not isinstance(x, str):
                return not typed
            if search is not None and search(x) is None:
                return False
            return len(x) >= low and (high is None or len(x) <= high)

        return check

    def _number(self, s: Mapping[str, Any]) -> list[Check]:
        out: list[Check] = []
        if "minimum" in s:
            lo = s["minimum"]
            out.append(lambda x: not _is_number(x) or x >= lo)
        if "maximum" in s:
            hi = s["maximum"]
            out.append(lambda x: not _is_number(x) or x <= hi)
        if "exclusiveMinimum" in s:
            ex = s["exclusiveMinimum"]
            out.append(lambda x: not _is_number(x) or x > ex)
        return out

    def _object(self, s: Mapping[str, Any]) -> list[Check]:
        keys = {"required", "minProperties", "properties", "patternProperties", "additionalProperties"}
        if not keys & s.keys():
            return []
        required = frozenset(s.get("required", ()))
        least = s.get("minProperties", 0)
        props = {k: self.compile(v) for k, v in s.get("properties", {}).items()}
        patterns = [
            (re.compile(p).search, self.compile(v)) for p, v in s.get("patternProperties", {}).items()
        ]
        extra = s.get("additionalProperties", True)
        additional = None if extra is True else self.compile(extra)
        closed = extra is False and not patterns

        def check(x: Any) -> bool:
            if not isinstance(x, dict):
                return True
            if len(x) < least or not required <= x.keys():
                return False
            if closed and not x.keys() <= props.keys():
                return False
            for key, value in x.items():
                sub = props.get(key)
                matched = sub is not None
                if matched and not sub(value):  # type: ignore[misc]
                    return False
                for search, psub in patterns:
                    if search(key) is not None:
                        matched = True
                        if not psub(value):
                            return False
                if not matched and additional is not None and not additional(value):
                    return False
            return True

        return [check]

    def _array(self, s: Mapping[str, Any]) -> list[Check]:
        keys = {"minItems", "maxItems", "prefixItems", "items", "uniqueItems"}
        if not keys & s.keys():
            return []
        least, most = s.get("minItems", 0), s.get("maxItems")
        prefix = [self.compile(p) for p in s.get("prefixItems", [])]
        item = self.compile(s["items"]) if "items" in s else None
        unique = bool(s.get("uniqueItems"))

        def check(x: Any) -> bool:
            if not isinstance(x, list):
                return True
            if len(x) < least or (most is not None and len(x) > most):
                return False
            for sub, value in zip(prefix, x, strict=False):
                if not sub(value):
                    return False
            if item is not None:
                for value in x[len(prefix) :] if prefix else x:
                    if not item(value):
                        return False
            if unique:
                for i in range(len(x)):
                    for j in range(i + 1, len(x)):
                        if json_equal(x[i], x[j]):
                            return False
            return True

        return [check]


def compile_schema(schema: Mapping[str, Any]) -> Check:
    """A function telling whether an instance is valid against ``schema``."""
    return Compiler(schema).compile(schema)
