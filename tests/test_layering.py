"""The package's layering (issue 19 item 3): data flows one way and nothing imports upward.

datasets -> data -> metrics -> analysis -> widgets -> progress -> exercises -> reports, with the
presentation primitives (``plots``, ``tables``: Matplotlib and HTML helpers that know no domain) and the
plumbing (paths, files, schema, course map) below everything. Every ``import`` of a ``helpers`` module is
read from the source with :mod:`ast` - including imports inside functions, which is where an upward
import likes to hide - and checked against the layer of the importing module.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "helpers"

#: Layers from the bottom; a module may import its own layer or lower ones. First match wins (prefixes).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "plumbing",
        (
            "helpers.paths",
            "helpers.safe_files",
            "helpers.schema",
            "helpers.environment",
            "helpers.colour",
            "helpers.course",
            "helpers.text",
        ),
    ),
    ("presentation primitives", ("helpers.plots", "helpers.tables")),
    ("data", ("helpers.exports", "helpers.data", "helpers.generate")),
    ("metrics", ("helpers.metrics",)),
    ("analysis", ("helpers.analysis",)),
    ("widgets", ("helpers.widgets", "helpers.app_links")),
    ("progress", ("helpers.progress",)),
    ("exercises", ("helpers.exercises",)),
    ("reports", ("helpers.class_report", "helpers.pacing", "helpers.hub_link", "helpers")),
]

#: Upward imports allowed for now: importer -> imported. Empty since the budget and scorecard maths moved
#: into helpers.analysis.budget / .scoring (issue 19 item 3); a new upward import fails.
KNOWN_UPWARD: set[tuple[str, str]] = set()


def layer_of(module: str) -> int:
    """Index in :data:`LAYERS` of ``module`` (its longest matching prefix)."""
    best, best_len = None, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    if best is None:
        raise KeyError(f"{module} has no layer: add it to LAYERS in tests/test_layering.py")
    return best


def module_name(path: Path, src: Path = SRC) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_module(name: str, src: Path = SRC) -> bool:
    base = src / name.replace(".", "/")
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def imports_of(path: Path, src: Path = SRC) -> set[str]:
    """Every ``helpers`` module ``path`` imports, anywhere in the file (functions included)."""
    name = module_name(path, src)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "helpers"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "helpers":
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _is_module(candidate, src) else target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    return {module_name(path): imports_of(path) for path in sorted(PACKAGE.rglob("*.py"))}


def upward_imports(edges: dict[str, set[str]]) -> set[tuple[str, str]]:
    return {(src, dst) for src, targets in edges.items() for dst in targets if layer_of(dst) > layer_of(src)}


def test_every_module_has_a_layer():
    for module in graph():
        layer_of(module)


def test_nothing_imports_upward_beyond_the_shrinking_known_list():
    found = upward_imports(graph())
    new = sorted(found - KNOWN_UPWARD)
    assert not new, "upward imports (move the logic down, or the caller up):\n" + "\n".join(
        f"  {src} ({LAYERS[layer_of(src)][0]}) imports {dst} ({LAYERS[layer_of(dst)][0]})" for src, dst in new
    )
    gone = sorted(KNOWN_UPWARD - found)
    assert not gone, f"fixed - remove from KNOWN_UPWARD: {gone}"


def test_progress_does_not_know_exercises():
    """helpers.progress sits below helpers.exercises: exercises registers itself with progress."""
    assert not {m for m in imports_of(PACKAGE / "progress.py") if m.startswith("helpers.exercises")}


def test_the_check_sees_an_upward_import_inside_a_function(tmp_path):
    fake = tmp_path / "helpers"
    (fake / "analysis").mkdir(parents=True)
    (fake / "widgets").mkdir()
    for init in (fake / "__init__.py", fake / "analysis" / "__init__.py", fake / "widgets" / "__init__.py"):
        init.write_text("")
    (fake / "widgets" / "lab.py").write_text("def update():\n    return 1\n")
    (fake / "analysis" / "plan.py").write_text(
        "def plan():\n    from ..widgets.lab import update\n    return update()\n"
    )
    edges = {module_name(p, tmp_path): imports_of(p, tmp_path) for p in sorted(fake.rglob("*.py"))}
    assert ("helpers.analysis.plan", "helpers.widgets.lab") in upward_imports(edges)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in edges:
        if node not in index:
            visit(node)
    return found


#: Import cycles allowed: none since the exercises package was split into parts that its quiz and slips
#: modules import directly (issue 19 item 3); a new cycle fails.
KNOWN_CYCLES: list[list[str]] = []


def test_no_import_cycles_beyond_the_known_list():
    edges = graph()
    # the capstone's upward imports close a loop through widgets; they are counted above, not twice
    for src, dst in KNOWN_UPWARD:
        edges[src] = edges[src] - {dst}
    cycles = _cycles(edges)
    assert sorted(cycles) == sorted(KNOWN_CYCLES), f"import cycles: {cycles}"


def test_progress_alone_explains_it_needs_a_lesson_setup_and_exercises_register_themselves():
    """In a fresh interpreter: importing progress pulls in no exercises; asking for totals says what to
    run; after importing helpers.exercises the totals are every check of the course."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from helpers import progress\n"
        "assert not any(m.startswith('helpers.exercises') for m in sys.modules), 'imported'\n"
        "try:\n"
        "    progress.totals()\n"
        "except RuntimeError as exc:\n"
        "    print('MESSAGE', exc)\n"
        "import helpers.exercises as ex\n"
        "ids = [i for v in progress.totals().values() for i in v]\n"
        "assert sorted(ids) == sorted(ex.checkable_ids()) and len(ids) > 100, len(ids)\n"
        "print('OK')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "run the setup cell of a lesson" in done.stdout and done.stdout.strip().endswith("OK")
