"""The fast schema check answers exactly as jsonschema does, keyword by keyword, at each
keyword's boundaries and for values of every JSON type (a keyword only constrains its own
type: ``minLength`` says nothing about a number)."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from kompass_desktop.exchange.fastschema import compile_schema

#: Values of every JSON type, at the boundaries of the schemas below.
VALUES = [
    None,
    True,
    False,
    0,
    1,
    2,
    3,
    -1,
    1.0,
    2.5,
    "",
    "a",
    "ab",
    "abc",
    "A1",
    "x1",
    [],
    [1],
    [1, 1],
    [1, 2],
    [1, "1"],
    [1, True],
    [[1], [1]],
    [{"a": 1}, {"a": 1}],
    [1, 2, 3],
    ["a", 1],
    {},
    {"a": 1},
    {"a": "x"},
    {"b": 1},
    {"a": 1, "b": 2},
    {"x1": 1},
    {"x1": "s"},
    {"a": 1, "x1": "s"},
    {"a": 1, "c": None},
]

SCHEMAS = [
    True,
    False,
    {},
    *({"type": t} for t in ("null", "boolean", "integer", "number", "string", "array", "object")),
    {"type": ["integer", "null"]},
    {"type": ["string", "array"]},
    {"const": 1},
    {"const": "a"},
    {"const": None},
    {"const": [1, 2]},
    {"const": {"a": 1}},
    {"enum": [1, "a", None]},
    {"enum": [[1], {"a": 1}]},
    {"pattern": "^[a-z][0-9]$"},
    {"pattern": "b"},
    {"minLength": 2},
    {"maxLength": 1},
    {"type": "string", "minLength": 1, "maxLength": 2},
    {"minimum": 1},
    {"maximum": 1},
    {"exclusiveMinimum": 1},
    {"type": "number", "minimum": 0, "maximum": 2},
    {"type": "integer", "exclusiveMinimum": 0},
    {"required": ["a"]},
    {"required": ["a", "b"]},
    {"minProperties": 1},
    {"minProperties": 2},
    {"properties": {"a": {"type": "integer"}}},
    {"properties": {"a": {"type": "integer"}}, "additionalProperties": False},
    {"properties": {"a": {}}, "additionalProperties": {"type": "integer"}},
    {"patternProperties": {"^x": {"type": "string"}}},
    {"patternProperties": {"^x": {"type": "string"}}, "additionalProperties": False},
    {
        "properties": {"a": {"type": "integer"}},
        "patternProperties": {"^x": {}},
        "additionalProperties": False,
    },
    {"properties": {"a": True, "c": False}},
    {"minItems": 1},
    {"maxItems": 1},
    {"minItems": 2, "maxItems": 2},
    {"items": {"type": "integer"}},
    {"prefixItems": [{"type": "integer"}]},
    {"prefixItems": [{"type": "integer"}], "items": {"type": "string"}},
    {"prefixItems": [{"const": 1}, {"const": 2}]},
    {"uniqueItems": True},
    {"uniqueItems": False},
    {"anyOf": [{"type": "integer"}, {"type": "null"}]},
    {"anyOf": [{"type": "string"}, {"minimum": 2}, {"type": "array"}]},
    {"anyOf": [{"type": "string", "maxLength": 1}, {"type": "string", "pattern": "^A"}]},
    {"$defs": {"small": {"type": "integer", "maximum": 1}}, "$ref": "#/$defs/small"},
    {"$defs": {"small": {"type": "integer", "maximum": 1}}, "items": {"$ref": "#/$defs/small"}},
    {"title": "t", "description": "d", "$comment": "c", "examples": [1], "type": "integer"},
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=[str(s) for s in SCHEMAS])
def test_the_fast_check_agrees_with_jsonschema_on_every_kind_of_value(schema):
    fast = compile_schema(
        schema if isinstance(schema, dict) else {"$ref": "#/$defs/s", "$defs": {"s": schema}}
    )
    reference = Draft202012Validator(schema)
    disagree = [value for value in VALUES if fast(value) != reference.is_valid(value)]
    assert disagree == []


@pytest.mark.parametrize(
    "schema",
    [{"format": "date"}, {"oneOf": [{}]}, {"$ref": "other.json#/x"}, {"type": "string", "contains": {}}],
    ids=["format", "oneOf", "an outside $ref", "contains"],
)
def test_a_keyword_the_fast_check_does_not_know_is_refused_when_compiled(schema):
    with pytest.raises(NotImplementedError):
        compile_schema(schema)
