"""Check real responses against openapi.yaml: status documented, content type and body schema."""

from __future__ import annotations

import json
import os

import regex
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "openapi.yaml")
with open(SPEC_PATH, encoding="utf-8") as fh:
    SPEC = yaml.safe_load(fh)
_REGISTRY = Registry().with_resource(
    "urn:spec", Resource.from_contents(SPEC, default_specification=DRAFT202012)
)
_CONVERTER = regex.compile(r"<(?:\w+:)?(\w+)>")
METHODS = {"get", "post", "put", "patch", "delete"}


def spec_path(rule: str) -> str:
    """Flask's '/articles/<int:article_id>' -> OpenAPI's '/articles/{article_id}'."""
    return _CONVERTER.sub(r"{\1}", rule)


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def _resolve(obj: dict) -> tuple[dict, str]:
    """Follow a response-level $ref; return the object and its JSON pointer."""
    ref = obj.get("$ref")
    if not ref:
        return obj, ""
    parts = ref.lstrip("#/").split("/")
    node = SPEC
    for p in parts:
        node = node[p]
    return node, "/" + "/".join(parts)


def check_response(path: str, method: str, response) -> None:
    """Assert that ``response`` is one the contract documents for ``method path``."""
    operation = SPEC["paths"][path][method.lower()]
    status = str(response.status_code)
    key = status if status in operation["responses"] else "default"
    assert key in operation["responses"], f"{method} {path}: {status} is not documented"
    documented, pointer = _resolve(operation["responses"][key])
    if not pointer:
        pointer = "/" + _pointer("paths", path, method.lower(), "responses", key)
    content = documented.get("content")
    if not content:
        assert not response.data, f"{method} {path} {status}: documented without a body"
        return
    mimetype = response.mimetype
    assert mimetype in content, f"{method} {path} {status}: {mimetype} is not documented"
    if not mimetype.endswith("json"):
        return
    schema = {"$ref": f"urn:spec#{pointer}/content/{_pointer(mimetype)}/schema"}
    validator = Draft202012Validator(schema, registry=_REGISTRY, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(json.loads(response.data)), key=lambda e: e.path)
    assert not errors, f"{method} {path} {status}: " + "; ".join(
        f"{list(e.path)}: {e.message}" for e in errors[:5]
    )
