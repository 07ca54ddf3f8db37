"""The layout's rules, read from the source: who may import whom, no cycles, small modules.

web, cli  ->  intake  ->  facts  ->  news  ->  events  ->  db  ->  core
(news, facts and intake may use the engines: extraction, checkworthy, matching; access is
for web and cli; the engines and core import nothing of the service)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*(ROOT / "api").rglob("*.py"), *(ROOT / "schemas").rglob("*.py")])
ENGINES = {"extraction", "checkworthy", "matching"}

# The parts of api/ each part may import (besides itself).
ALLOWED = {
    "core": set(),
    "extraction": set(),
    "checkworthy": set(),
    "matching": set(),
    "config": set(),
    "db": {"core"},
    "events": {"db", "core"},
    "access": {"db", "core"},
    "news": {"events", "db", "core", *ENGINES},
    "facts": {"news", "events", "db", "core", *ENGINES},
    "intake": {"facts", "news", "events", "db", "core", *ENGINES},
    "web": {"intake", "facts", "news", "events", "access", "db", "core", *ENGINES},
    "cli": {"intake", "facts", "news", "events", "access", "db", "core", *ENGINES},
    "app": {"config", "db", "web", "cli"},
    "": {"app"},  # api/__init__.py: create_app, lazily
}
REQUEST_LIBRARIES = {"flask", "flask_cors", "werkzeug", "click", "markupsafe", "jinja2"}
MAY_HANDLE_REQUESTS = {"web", "cli", "app"}
STORAGE_LIBRARIES = {"peewee", "playhouse", "psycopg2"}
# Third-party imports of the parts that must stay light: the engines are pure
# (checkworthy stdlib only), core has no Flask and no peewee, schemas only marshmallow.
THIRD_PARTY_ALLOWED = {
    "extraction": {"regex"},
    "checkworthy": set(),
    "matching": {"regex", "numpy"},
    "core": {"regex"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in SOURCES}


def part_of(module: str) -> str:
    """'api.news.queries' -> 'news'; 'api.app' -> 'app'; 'api' -> ''; 'schemas.x' -> 'schemas'."""
    parts = module.split(".")
    return "schemas" if parts[0] == "schemas" else (parts[1] if len(parts) > 1 else "")


def imports(path: Path) -> list[tuple[str, ast.AST, bool]]:
    """(absolute module imported, node, at module level) for each import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            for alias in node.names:  # 'from . import queries' imports the module api.x.queries
                target = f"{base}.{alias.name}"
                found.append((target if target in MODULES else base, node, id(node) in top_level))
    return found


def internal_edges() -> dict[str, set[str]]:
    return {
        name: {target for target, _, _ in imports(path) if target.split(".")[0] in ("api", "schemas")}
        for name, path in MODULES.items()
    }


def test_each_part_imports_only_the_parts_below_it():
    wrong = []
    for name, targets in internal_edges().items():
        part = part_of(name)
        for target in targets:
            other = part_of(target)
            if part == "schemas":
                ok = other == "schemas" or target.startswith("api.core")
            elif other == "schemas":
                # marshmallow schemas load requests and dump responses; bulk import and export
                # read and write the same records as the API, through the same schemas
                ok = part in ("web", "cli")
            else:
                ok = other == part or other in ALLOWED[part]
            if not ok:
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_only_the_web_layer_and_the_commands_import_flask():
    wrong = [
        f"{name} imports {target}"
        for name, path in MODULES.items()
        for target, _, _ in imports(path)
        if target.split(".")[0] in REQUEST_LIBRARIES and part_of(name) not in MAY_HANDLE_REQUESTS
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("part", sorted(THIRD_PARTY_ALLOWED))
def test_engines_and_core_stay_light(part):
    allowed = THIRD_PARTY_ALLOWED[part] | {"__future__", "api"}
    wrong = [
        f"{name} imports {target}"
        for name, path in MODULES.items()
        if part_of(name) == part
        for target, _, _ in imports(path)
        if target.split(".")[0] not in allowed and not _is_stdlib(target)
    ]
    assert not wrong, "\n".join(wrong)


def test_schemas_import_only_marshmallow_and_core():
    wrong = [
        f"{name} imports {target}"
        for name, path in MODULES.items()
        if part_of(name) == "schemas"
        for target, _, _ in imports(path)
        if not (
            target.split(".")[0] in ("marshmallow", "schemas", "__future__") or target.startswith("api.core")
        )
        and not _is_stdlib(target)
    ]
    assert not wrong, "\n".join(wrong)


def _is_stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names


def test_no_import_cycles():
    graph = internal_edges()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target) :] + [target]))
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(cycles)


def test_no_imports_inside_functions():
    allowed = {("api", "app")}  # api/__init__.py imports create_app lazily: the engines import without Flask
    wrong = [
        f"{name}:{node.lineno} imports {target}"
        for name, path in MODULES.items()
        for target, node, top in imports(path)
        if not top and (name, target.rpartition(".")[2]) not in allowed
    ]
    assert not wrong, "\n".join(wrong)


def test_no_module_over_300_lines():
    checked = [*SOURCES, *(p for d in ("tests", "benchmarks", "scripts") for p in (ROOT / d).rglob("*.py"))]
    long = [
        f"{p.relative_to(ROOT)}: {n} lines"
        for p in checked
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    ]
    assert not long, "\n".join(long)


READS = {
    "api.news.queries",
    "api.facts.queries",
    "api.facts.search",
    "api.facts.claimreview",
    "api.facts.parse",
    "api.facts.summaries",
    "api.events.feed",
}
WRITES = {
    "api.news.articles",
    "api.news.speakers",
    "api.news.statements",
    "api.facts.claims",
    "api.facts.factchecks",
    "api.facts.matches",
    "api.events.log",
}


def test_reads_never_import_writes():
    graph = internal_edges()
    wrong = [
        f"{read} imports {target}"
        for read in READS
        for target in graph[read]
        if target in WRITES or part_of(target) == "intake"
    ]
    assert not wrong, "\n".join(wrong)
