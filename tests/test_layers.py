"""No import cycle between the project's modules (issue 13).

The floors and wings are import-linter contracts (``[tool.importlinter]`` in
pyproject.toml, run by ``make test``); a layers contract does not see a cycle
inside one floor, so this test walks the graph itself with grimp (import-linter's
graph library).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

grimp = pytest.importorskip("grimp")
ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ita_extract", "extract", "normalize")


def test_no_import_cycle():
    graph = grimp.build_graph(*PACKAGES)
    cycles = sorted((m, imp) for m in graph.modules for imp in graph.find_modules_directly_imported_by(m)
                    if graph.find_shortest_chain(importer=imp, imported=m))
    assert cycles == []


def test_nothing_imports_the_command_line():
    """pipeline.py is the top: no module of the packages imports it."""
    offenders = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                if any(n == "pipeline" or n.startswith("pipeline.") for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
