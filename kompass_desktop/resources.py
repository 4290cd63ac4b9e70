"""Locating and loading the bundled data: frameworks, standard texts, mappings, references.

Everything here is read from local files (``resources/`` beside the package, or inside a
PyInstaller bundle); nothing is fetched from the network.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from . import schema_words
from .domain.errors import FrameworkError, KompassError
from .domain.framework import Framework, check_framework
from .domain.mapping import VersionMapping, parse_mappings
from .domain.messages import joined, msg
from .domain.municipalities import Register, parse_register
from .domain.reference import NationalAverage, NationalAverageError, parse_national_averages


def _base_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    override = os.environ.get("KOMPASS_RESOURCES")
    return Path(override) if override else _base_dir() / "resources"


def schemas_dir() -> Path:
    override = os.environ.get("KOMPASS_SCHEMAS")  # like KOMPASS_RESOURCES: a copy, e.g. in tests
    return Path(override) if override else _base_dir() / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema file, itself checked against JSON Schema's meta-schema when it is first loaded
    (a broken schema is one clear error naming the file, never a TypeError inside jsonschema).
    A schema whose exact content passed that check before on this machine is not checked again
    (the check needs jsonschema, which is slow to import)."""
    path = schemas_dir() / name
    try:
        raw = path.read_bytes()
        schema = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise KompassError(msg("Schemafilen {path} kan inte läsas: {err}", path=path, err=err)) from None
    if not isinstance(schema, dict):
        raise KompassError(msg("Schemafilen {path} är inget giltigt schema (inget JSON-objekt).", path=path))
    digest = "schema:" + hashlib.sha256(raw).hexdigest()
    if not _already_validated(digest):
        problem = _schema_problem(schema)
        if problem:
            raise KompassError(
                msg("Schemafilen {path} är inget giltigt schema ({problem}).", path=path, problem=problem)
            )
        _remember_validated(digest)
    return schema


def _schema_problem(schema: dict[str, Any]) -> str | None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as err:
        return f"{schema_words.json_path(err.absolute_path)}: {err.message}"  # our own schema's fault
    except RecursionError:
        return msg("för djupt nästlat")
    return None


def schema_errors(instance: Any, schema_name: str, limit: int = 10) -> list[str]:
    """Every schema violation as 'path: message' (empty when valid)."""
    from jsonschema import Draft202012Validator  # local import keeps start-up light

    validator = Draft202012Validator(load_schema(schema_name))
    return list(schema_words.problems(validator.iter_errors(instance), limit))


def _no_constant(name: str) -> Any:
    raise ValueError(msg("{name} är inget giltigt JSON-tal", name=name))


def _read_json(path: Path) -> Any:
    """Strict JSON: no NaN/Infinity; too deep nesting, a directory or bad bytes are one clear error."""
    try:
        return json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
    except FileNotFoundError:
        raise FrameworkError(msg("{path}: filen saknas.", path=path)) from None
    except UnicodeDecodeError:
        raise FrameworkError(msg("{path}: filen är inte UTF-8.", path=path)) from None
    except json.JSONDecodeError as err:
        raise FrameworkError(
            msg(
                "{path}: ogiltig JSON på rad {line}, kolumn {column}: {reason}.",
                path=path,
                line=err.lineno,
                column=err.colno,
                reason=err.msg,
            )
        ) from None
    except RecursionError:
        raise FrameworkError(msg("{path}: ogiltig JSON (för djupt nästlad).", path=path)) from None
    except ValueError as err:
        raise FrameworkError(msg("{path}: ogiltig JSON: {err}.", path=path, err=err)) from None
    except OSError as err:
        from .storage.errors import os_reason

        raise FrameworkError(
            msg("{path}: kan inte läsas ({reason}).", path=path, reason=os_reason(err))
        ) from None


def load_texts(path: Path, framework_id: str, area_numbers: list[int]) -> dict[str, Any]:
    """Read and check a standard-text file (TOML) for one framework version."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FrameworkError(msg("{path}: textfilen saknas.", path=path)) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise FrameworkError(msg("{path}: textfilen kan inte tolkas: {err}.", path=path, err=err)) from None
    problems: list[str] = []
    if str(data.get("version", "")) != framework_id:
        found = data.get("version", "")
        problems.append(msg('version = "{found}" borde vara "{wanted}"', found=found, wanted=framework_id))
    intro = data.get("intro")
    if not isinstance(intro, dict) or not str(intro.get("text", "")).strip():
        problems.append(msg("[intro] med text saknas"))
    areas = data.get("areas", {})
    for n in area_numbers:
        entry = areas.get(str(n)) if isinstance(areas, dict) else None
        if not isinstance(entry, dict) or not str(entry.get("allmant", "")).strip():
            problems.append(msg("[areas.{n}] med allmant saknas", n=n))
    if problems:
        raise FrameworkError(msg("{path}: {problems}.", path=path, problems=joined(problems)))
    return data


def clean_text(text: str) -> str:
    """Trim a multi-line TOML string: strip, and drop single line breaks inside paragraphs."""
    paragraphs = [p.strip() for p in text.strip().split("\n\n")]
    out = []
    for para in paragraphs:
        lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
        if lines and all(ln.startswith("- ") for ln in lines):
            out.append("\n".join(lines))
        else:
            out.append(" ".join(lines))
    return "\n\n".join(p for p in out if p)


def _validated_cache() -> Path:
    from .storage.backup import data_dir

    return data_dir() / "cache" / "validated.json"


def _already_validated(digest: str) -> bool:
    try:
        return digest in json.loads(_validated_cache().read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return False


def _remember_validated(digest: str) -> None:
    from .storage.outputs import writing

    path = _validated_cache()
    try:
        known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
        known = [d for d in known if isinstance(d, str)][-50:] + [digest]
        path.parent.mkdir(parents=True, exist_ok=True)
        with writing(path, replace=True) as tmp:  # a temporary of ours: two processes never clash
            tmp.write_text(json.dumps(known), encoding="utf-8")
    except (OSError, ValueError, KompassError):
        pass  # only a cache: validation simply runs again next time


def check_schema(path: Path, data: Any, schema_name: str) -> list[str]:
    """Schema problems of a bundled data file.

    Validating needs jsonschema, which is slow to import; a file whose exact content (and
    schema) was validated before on this machine is not validated again.
    """
    digest = hashlib.sha256(path.read_bytes() + load_schema_bytes(schema_name)).hexdigest()
    if _already_validated(digest):
        return []
    problems = schema_errors(data, schema_name)
    if not problems:
        _remember_validated(digest)
    return problems


def load_schema_bytes(name: str) -> bytes:
    try:
        return (schemas_dir() / name).read_bytes()
    except OSError:
        return b""


def load_framework_file(path: Path, texts_dir: Path | None = None) -> Framework:
    data = _read_json(path)
    problems = check_schema(path, data, "framework.schema.json")
    if problems:
        raise FrameworkError(
            msg("{path}: ramverksfilen följer inte schemat: {problems}", path=path, problems=joined(problems))
        )
    texts_dir = texts_dir or resources_dir() / "texts"
    numbers = [int(a["number"]) for a in data["areas"]]
    texts = load_texts(texts_dir / data["texts"], str(data["id"]), numbers)
    plain = dict(data)
    plain["show_percent"] = bool(data.get("report", {}).get("show_percent", False))
    plain["intro_title"] = texts["intro"].get("title", "Vad är Kommunkompassen?")
    plain["intro_text"] = clean_text(texts["intro"]["text"])
    plain["areas"] = [
        dict(a, intro=clean_text(texts["areas"][str(a["number"])]["allmant"])) for a in data["areas"]
    ]
    framework = Framework.from_dict(plain)
    problems = check_framework(framework)
    if problems:
        raise FrameworkError(msg("{path}: {problems}.", path=path, problems=joined(problems)))
    return framework


@cache
def frameworks() -> tuple[Framework, ...]:
    """All bundled framework versions, newest first."""
    folder = resources_dir() / "frameworks"
    found = []
    for path in sorted(folder.glob("*.json")):
        if path.name == "mapping.json":
            continue
        found.append(load_framework_file(path))
    if not found:
        raise FrameworkError(msg("Inga ramverksfiler hittades i {folder}.", folder=folder))
    ids = [f.id for f in found]
    if len(set(ids)) != len(ids):
        raise FrameworkError(
            msg("{folder}: två ramverksfiler har samma id ({ids}).", folder=folder, ids=", ".join(ids))
        )
    return tuple(sorted(found, key=lambda f: f.year, reverse=True))


def framework_names() -> dict[str, str]:
    """id -> display name, newest version first."""
    return {f.id: f.name for f in frameworks()}


@cache
def framework_labels() -> dict[str, str]:
    """id -> version label ("2.1", "2019/2020") without loading the texts (cheap, for lists)."""
    labels = {}
    for path in sorted((resources_dir() / "frameworks").glob("*.json")):
        if path.name == "mapping.json":
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            labels[str(data["id"])] = str(data.get("version_label") or data["id"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a broken file is reported when frameworks() loads it
    return labels


def framework(framework_id: str) -> Framework:
    wanted = framework_id.strip()
    for fw in frameworks():
        if wanted == fw.id or wanted in fw.aliases:
            return fw
    known = ", ".join(f.id for f in frameworks())
    raise KompassError(
        msg("Okänd version av Kommunkompassen: ”{id}”. Tillgängliga: {known}.", id=framework_id, known=known)
    )


@cache
def mappings() -> tuple[VersionMapping, ...]:
    path = resources_dir() / "frameworks" / "mapping.json"
    data = _read_json(path)
    problems = check_schema(path, data, "framework-mapping.schema.json")
    if problems:
        raise FrameworkError(
            msg("{path}: följer inte schemat: {problems}", path=path, problems=joined(problems))
        )
    return parse_mappings(data)


def load_national_averages(path: Path) -> Mapping[str, NationalAverage]:
    """A national-average file (the bundled example or one computed by ``kompass aggregate``)."""
    data = _read_json(path)
    problems = check_schema(path, data, "national-average.schema.json")
    if problems:
        raise KompassError(
            msg("{path}: inte en giltig medelvärdesfil: {problems}", path=path, problems=joined(problems))
        )
    try:
        return parse_national_averages(data)
    except NationalAverageError as err:
        raise KompassError(msg("{path}: inte en giltig medelvärdesfil: {err}", path=path, err=err)) from None


def default_national_average_path() -> Path:
    return resources_dir() / "reference" / "national-average.json"


@cache
def bundled_national_averages() -> Mapping[str, NationalAverage]:
    return load_national_averages(default_national_average_path())


def municipalities_path() -> Path:
    return resources_dir() / "reference" / "municipalities.json"


@cache
def municipalities() -> Register:
    """The register of Sweden's municipalities (resources/reference/municipalities.json)."""
    path = municipalities_path()
    data = _read_json(path)
    problems = check_schema(path, data, "municipalities.schema.json")
    if problems:
        raise KompassError(
            msg("{path}: följer inte schemat: {problems}", path=path, problems=joined(problems))
        )
    return parse_register(data)
