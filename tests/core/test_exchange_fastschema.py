"""The fast schema check answers exactly as jsonschema does, keyword by keyword, at each
keyword's boundaries and for values of every JSON type (a keyword only constrains its own
type: ``minLength`` says nothing about a number)."""

from __future__ import annotations

import copy
import functools
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from test_exchange_support import demo_export, parts

from kompass_desktop import resources
from kompass_desktop.exchange.fastschema import compile_schema
from kompass_desktop.exchange.package import schema_problems


@pytest.fixture
def full(demo_template, tmp_path_factory):
    return demo_export(demo_template, tmp_path_factory, personal=True)


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


# -- the fast schema check agrees with jsonschema ------------------------------------------------


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
special = st.sampled_from(
    ["", "1.5", "12", "2025-10-14", "3.2", "interview", "strength", str(uuid.uuid4()), 1, 1.0, True, [], {}]
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    choice=st.integers(0, 10**9), op=st.sampled_from(["set", "delete", "add"]), value=json_values | special
)
def test_fast_schema_check_agrees_with_jsonschema(full, choice, op, value):
    doc = copy.deepcopy(_small_document(full))
    paths = [p for p in _paths(doc) if p]
    path = paths[choice % len(paths)]
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if op == "set":
        parent[last] = value
    elif op == "delete":
        parent.pop(last)
    elif isinstance(parent, dict):
        parent[f"x{choice % 7}"] = value
    else:
        parent.append(value)
    fast, reference = _checkers()
    assert fast(doc) == reference.is_valid(doc)
    assert (schema_problems(doc) == []) == reference.is_valid(doc)


@functools.cache
def _small_document(path: Path) -> dict:
    doc, _ = parts(path)
    doc["records"] = {k: v[:2] for k, v in doc["records"].items()}  # small, quick, still every shape
    doc["history"] = doc["history"][:3]
    areas = doc["framework"]["data"]["areas"] = doc["framework"]["data"]["areas"][:1]
    areas[0]["subareas"] = [dict(s, questions=s["questions"][:1]) for s in areas[0]["subareas"][:2]]
    return doc


@functools.cache
def _checkers():
    from jsonschema import Draft202012Validator

    schema = resources.load_schema("evaluation-export.schema.json")
    return compile_schema(schema), Draft202012Validator(schema)


def test_fast_schema_check_refuses_an_empty_name_and_a_version_that_is_no_id(full):
    """Compiled here, not taken from a cache: mutation testing must see every compilation."""
    fast = compile_schema(resources.load_schema("evaluation-export.schema.json"))
    doc = _small_document(full)
    assert fast(doc)
    for change in (
        lambda d: d["records"]["interviews"][0].update(grp=""),  # minLength 1
        lambda d: d["history"][0].update(parent_rev="inte ett id"),  # anyOf: a uuid or null
    ):
        changed = copy.deepcopy(doc)
        change(changed)
        assert not fast(changed)


TREE = {
    "$defs": {
        "node": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/$defs/node"}},
            },
        }
    },
    "$ref": "#/$defs/node",
}


@pytest.mark.parametrize(
    ("schema", "value"),
    [
        (TREE, {"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}),
        (TREE, {"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}),
        ({"type": "object", "properties": {"any": True, "never": False}}, {"any": [1, "x"]}),
        ({"type": "object", "properties": {"any": True, "never": False}}, {"never": None}),
        ({"type": ["integer", "null"]}, 3),
        ({"type": ["integer", "null"]}, "3"),
        ({"uniqueItems": True}, [[1], [2], "1"]),
        ({"uniqueItems": True}, [[1], [2], [1]]),
        ({"maxLength": 2}, "abc"),
        ({"type": "string", "maxLength": 2}, "ab"),
        ({"const": [1, [2, {"a": 3}]]}, [1, [2, {"a": 3}]]),
        ({"const": [1, [2, {"a": 3}]]}, [1, [2, {"a": 4}]]),
        ({"properties": {"anything": {}}}, {"anything": [1, None]}),
        ({"enum": ["a", 1]}, "b"),
        ({"enum": ["a", 1]}, 1),
    ],
)
def test_fast_schema_check_agrees_with_jsonschema_on_recursive_and_boolean_schemas(schema, value):
    from jsonschema import Draft202012Validator

    assert compile_schema(schema)(value) == Draft202012Validator(schema).is_valid(value)


def test_fast_schema_refuses_keywords_it_does_not_know():
    with pytest.raises(NotImplementedError):
        compile_schema({"type": "string", "format": "date"})
