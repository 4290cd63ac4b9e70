"""What a schema check found reads as Swedish, names the place, and quotes a value cut short
(never jsonschema's English, never a whole record)."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from test_exchange_support import demo_export, parts

from kompass_desktop import resources, schema_words
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.exchange.package import schema_problems

OBJECT = {
    "type": "object",
    "required": ["id", "rev"],
    "additionalProperties": False,
    "patternProperties": {"^x-": {}},
    "properties": {
        "id": {"type": "string", "pattern": "^[0-9]+$"},
        "rev": {"type": ["string", "null"]},
        "kind": {"enum": ["strength", "improvement"]},
        "level": {"enum": ["a", "b", "c", "d"]},
        "format": {"const": "kompass-export"},
        "points": {"type": "number", "minimum": 0, "maximum": 30},
        "low": {"type": "number", "exclusiveMinimum": -1},
        "share": {"type": "number", "exclusiveMaximum": 1},
        "name": {"type": "string", "minLength": 1, "maxLength": 5},
        "code": {"type": "string", "minLength": 4},
        "tags": {"type": "array", "minItems": 1, "maxItems": 2, "uniqueItems": True},
        "meta": {"type": "object", "minProperties": 1},
        "value": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
        "never": {"not": {}},
    },
}


def problems(instance):
    return schema_words.problems(Draft202012Validator(OBJECT).iter_errors(instance))


@pytest.mark.parametrize(
    ("instance", "expected"),
    [
        ({"rev": None}, "$: fältet ”id” saknas"),
        ({}, "$: fälten ”id”, ”rev” saknas"),
        ({"id": "1", "rev": None, "mood": 1, "x-own": 2}, "$: okänt fält ”mood”"),
        ({"id": "1", "rev": None, "a": 1, "b": 2}, "$: okända fält ”a”, ”b”"),
        ({"id": 1, "rev": None}, "$.id: ska vara en text, inte 1"),
        ({"id": "1", "rev": 0}, "$.rev: ska vara en text eller tomt (null), inte 0"),
        ({"id": "1a", "rev": None}, "$.id: ”1a” har fel form"),
        (
            {"id": "1", "rev": None, "kind": "weakness"},
            "$.kind: ”weakness” är inte tillåtet (tillåtna: ”strength”, ”improvement”)",
        ),
        (
            {"id": "1", "rev": None, "level": "e"},
            "$.level: ”e” är inte tillåtet (tillåtna: ”a”, ”b”, ”c”, …)",
        ),
        ({"id": "1", "rev": None, "format": "zip"}, "$.format: ska vara ”kompass-export”, inte ”zip”"),
        ({"id": "1", "rev": None, "points": 31}, "$.points: 31 är större än 30"),
        ({"id": "1", "rev": None, "points": -0.5}, "$.points: -0.5 är mindre än 0"),
        ({"id": "1", "rev": None, "low": -1}, "$.low: -1 ska vara större än -1"),
        ({"id": "1", "rev": None, "share": 1}, "$.share: 1 ska vara mindre än 1"),
        ({"id": "1", "rev": None, "name": ""}, "$.name: får inte vara tom"),
        ({"id": "1", "rev": None, "name": "Lindsjö"}, "$.name: ”Lindsjö” är längre än 5 tecken"),
        ({"id": "1", "rev": None, "code": "106"}, "$.code: ”106” är kortare än 4 tecken"),
        ({"id": "1", "rev": None, "tags": []}, "$.tags: har för få poster (0; minst 1)"),
        ({"id": "1", "rev": None, "tags": [1, 2, 3]}, "$.tags: har för många poster (3; högst 2)"),
        ({"id": "1", "rev": None, "tags": [[1], [1]]}, "$.tags: har samma värde mer än en gång"),
        ({"id": "1", "rev": None, "meta": {}}, "$.meta: får inte vara tomt"),
        ({"id": "1", "rev": None, "value": 1.5}, "$.value: 1.5 är inget tillåtet värde här"),
        ({"id": "1", "rev": None, "never": 1}, "$.never: följer inte schemats regel ”not”"),
    ],
)
def test_every_kind_of_problem_reads_as_swedish(instance, expected):
    assert problems(instance) == [expected]


def test_a_long_value_is_cut_short_and_places_are_in_order():
    record = {"id": "x" * 100, "rev": {"evaluators": ["Anna Andersson", "Bo Berg", "Cecilia Ceder"]}}
    found = problems(record)
    assert found == [
        f"$.id: ”{'x' * 39}…” har fel form",
        '$.rev: ska vara en text eller tomt (null), inte {"evaluators": ["Anna Andersson", "Bo B…',
    ]
    items = {"type": "array", "items": {"type": "integer"}}
    errors = Draft202012Validator(items).iter_errors(["a"] * 12)
    assert [p.split(":")[0] for p in schema_words.problems(errors, limit=3)] == ["$[0]", "$[1]", "$[2]"]
    errors = Draft202012Validator(items).iter_errors([0] * 9 + ["a", 0, "b"])
    assert [p.split(":")[0] for p in schema_words.problems(errors)] == ["$[9]", "$[11]"]


@pytest.fixture(scope="module")
def document(demo_template, tmp_path_factory):
    doc, _ = parts(demo_export(demo_template, tmp_path_factory, personal=True))
    doc["records"] = {k: v[:2] for k, v in doc["records"].items()}
    doc["history"] = doc["history"][:2]
    return doc


ENGLISH = ("is not", "should", "does not", "property", "properties", "schemas", "expected", "allowed")
values = st.none() | st.booleans() | st.integers(-5, 50) | st.text(max_size=60) | st.just([1, 1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.integers(0, 10**9), value=values, drop=st.booleans())
def test_every_problem_of_a_changed_export_is_swedish_and_short(document, choice, value, drop):
    doc = copy.deepcopy(document)
    table = sorted(doc["records"])[choice % len(doc["records"])]
    if not doc["records"][table]:
        return
    record = doc["records"][table][0]
    field = sorted(record)[choice % len(record)]
    if drop:
        record.pop(field)
    else:
        record[field] = value
    for problem in schema_problems(doc):
        assert not any(word in problem for word in ENGLISH), problem
        assert len(problem) <= 60 + 2 * schema_words.SHOWN, problem


def test_a_national_average_that_breaks_its_schema_is_named_in_swedish(tmp_path):
    path = tmp_path / "medel.json"
    path.write_text(json.dumps({"format": 1, "frameworks": {}}), encoding="utf-8")
    with pytest.raises(KompassError) as refused:
        resources.load_national_averages(path)
    assert str(refused.value) == f"{path}: inte en giltig medelvärdesfil: $: fältet ”kind” saknas"
