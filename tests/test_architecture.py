"""Issue 21: the package tree reads as the pipeline.

No module is longer than about 600 lines, each opens with a one-line
docstring that says its job, module-level imports never form a cycle, and
each stage imports only the stages before it: the template knows nothing of
reports, the model nothing of reading, readers nothing of rules or writers.
A function-level import that reaches upward (``Report._repr_html_`` asking
the writers for a view) is allowed: it runs when called, not when imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

import gxgk

SRC = Path(gxgk.__file__).parent
MAX_LINES = 600

#: The stages in the order data flows; a module may import its own stage and the ones before it.
STAGES = ("gxgk._lazy", "gxgk.template", "gxgk.model", "gxgk.read", "gxgk.formats", "gxgk.pipeline", "gxgk.batch",
          "gxgk.rules", "gxgk.write", "gxgk.cli", "gxgk.__init__", "gxgk.__main__")


def _name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1]) if parts[-1] == "__init__" and len(parts) > 2 else ".".join(parts)


MODULES = {_name(path): path for path in sorted(SRC.rglob("*.py"))}


def _stage(module: str) -> int:
    return max(i for i, stage in enumerate(STAGES) if module == stage or module.startswith(stage + "."))


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The gxgk modules one ``from … import …`` statement loads."""
    if node.level == 0:
        base = node.module or ""
    else:
        parts = module.split(".")
        keep = len(parts) - node.level + (1 if is_package else 0)
        base = ".".join(parts[:keep] + ([node.module] if node.module else []))
    found = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
    return found or ([base] if base in MODULES else [])


def _module_imports(module: str, path: Path) -> set[str]:
    """gxgk modules imported at module level (``if TYPE_CHECKING:`` blocks excluded: they never run)."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            found.update(_resolve(module, path.name == "__init__.py", node))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
    return found - {module}


GRAPH = {module: _module_imports(module, path) for module, path in MODULES.items()}


def test_the_tree_has_the_pipelines_stages() -> None:
    assert {module.split(".")[1] for module in MODULES if module.count(".") >= 2} == {
        "template", "formats", "read", "rules", "write"}
    assert len(MODULES) > 40  # the walk found the tree, not an empty folder


def test_no_module_is_longer_than_600_lines() -> None:
    lines = {module: len(path.read_text("utf-8").splitlines()) for module, path in MODULES.items()}
    assert not {module: n for module, n in lines.items() if n > MAX_LINES}


def test_every_module_opens_with_its_job_on_one_line() -> None:
    for module, path in MODULES.items():
        doc = ast.get_docstring(ast.parse(path.read_text("utf-8")), clean=False)
        assert doc, module
        first = doc.split("\n", 1)[0]
        assert first.strip() and len(first) <= 116 and first.rstrip().endswith((".", ")")), (module, first)


def test_module_level_imports_have_no_cycle() -> None:
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                raise AssertionError(" → ".join([*path[path.index(target):], target]))
            if target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in MODULES:
        if module not in state:
            visit(module, [module])


def test_each_stage_imports_only_the_stages_before_it() -> None:
    upward = sorted(f"{module} imports {target}" for module, targets in GRAPH.items() for target in targets
                    if _stage(target) > _stage(module))
    assert not upward


def test_the_graph_sees_known_edges() -> None:
    """The import walk itself works: edges that exist are found (else the tests above pass vacuously)."""
    assert "gxgk.template.spec" in GRAPH["gxgk.model"]
    assert "gxgk.read.report" in GRAPH["gxgk.pipeline"]
    assert "gxgk.rules.table" in GRAPH["gxgk.rules.catalog"]
