"""Check JSON-LD against the schema.org vocabulary kept in fixtures/schemaorg-claimreview.json."""

from __future__ import annotations

import json
import os
from datetime import date, datetime

with open(
    os.path.join(os.path.dirname(__file__), "fixtures", "schemaorg-claimreview.json"), encoding="utf-8"
) as fh:
    VOCAB = json.load(fh)
TYPES, SUBTYPES = VOCAB["types"], VOCAB["subtypes"]


def properties_of(type_name: str) -> dict:
    props, current = {}, type_name
    while current:
        props.update(TYPES[current]["properties"])
        current = TYPES[current]["parent"]
    return props


def _fits(value, ranges: list[str]) -> bool:
    if isinstance(value, dict):
        return any(value.get("@type") == r or value.get("@type") in SUBTYPES.get(r, []) for r in ranges)
    checks = {
        "Text": lambda v: isinstance(v, str),
        "URL": lambda v: isinstance(v, str) and v.startswith(("http://", "https://")),
        "Number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "Date": lambda v: isinstance(v, str) and bool(date.fromisoformat(v)),
        "DateTime": lambda v: isinstance(v, str) and bool(datetime.fromisoformat(v)),
    }
    return any(r in checks and checks[r](value) for r in ranges)


def problems(node: dict, where: str = "$") -> list[str]:
    """Every type, property and value in ``node`` that the vocabulary does not allow."""
    found = []
    type_name = node.get("@type")
    if type_name not in TYPES:
        return [f"{where}: unknown @type {type_name!r}"]
    allowed = properties_of(type_name)
    for key, value in node.items():
        if key in ("@type", "@context"):
            continue
        if key not in allowed:
            found.append(f"{where}: {type_name} has no property {key!r}")
            continue
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            here = f"{where}.{key}[{i}]"
            if not _fits(item, allowed[key]):
                found.append(f"{here}: {item!r} is not one of {allowed[key]}")
            elif isinstance(item, dict):
                found += problems(item, here)
    return found
