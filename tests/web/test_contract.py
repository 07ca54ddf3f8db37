"""openapi.yaml is valid and matches the registered routes, both ways."""

from openapi_spec_validator import validate

from ..contract import METHODS, SPEC, spec_path


def test_spec_is_valid_openapi_3_1():
    assert SPEC["openapi"].startswith("3.1")
    validate(SPEC)


def registered_operations(app):
    ops = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.rpartition(".")[2] == "static":  # the explorer's files
            continue
        for method in rule.methods & {m.upper() for m in METHODS}:
            ops.add((spec_path(rule.rule), method.lower()))
    return ops


def documented_operations():
    return {(path, method) for path, item in SPEC["paths"].items() for method in item if method in METHODS}


def test_every_route_is_documented_and_every_documented_route_exists(app):
    assert registered_operations(app) == documented_operations()


def test_operation_ids_are_unique():
    ids = [op["operationId"] for item in SPEC["paths"].values() for m, op in item.items() if m in METHODS]
    assert len(ids) == len(set(ids))
