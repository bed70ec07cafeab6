"""The core runs unchanged in CPython and Pyodide: no browser, network or compiled-only imports."""

import ast
from pathlib import Path

import labelcore

CORE = Path(labelcore.__file__).parent
FORBIDDEN = {
    "js",
    "pyodide",
    "pyodide_js",
    "micropip",  # browser-only
    "socket",
    "ssl",
    "http",
    "urllib.request",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",  # network
    "lxml",
    "numpy",
    "PIL",  # no wasm wheel we ship
}


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def is_forbidden(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FORBIDDEN)


def test_the_scanner_sees_forbidden_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom urllib.request import urlopen\nimport js\nfrom http import client\n")
    found = [m for _, m in imported_modules(sample) if is_forbidden(m)]
    assert found == ["urllib.request", "js", "http"]


def test_core_imports_nothing_forbidden():
    files = sorted(CORE.rglob("*.py"))
    assert CORE / "bridge.py" in files
    offenders = [
        f"{f.relative_to(CORE)}:{line}: {mod}"
        for f in files
        for line, mod in imported_modules(f)
        if is_forbidden(mod)
    ]
    assert offenders == []
