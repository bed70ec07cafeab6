#!/usr/bin/env python3
"""Labelcore's one entry point: set up, fetch, build, serve, test.

    python3 build.py            build the deployable site into dist/
    python3 build.py serve      set up, build, serve dist/ at http://127.0.0.1:8080/
    python3 build.py test       lint, set up (and a browser), build, run every test
    python3 build.py bench NAME run benchmarks/NAME.py against a fresh build
    python3 build.py lint       ruff (lint + format check) and ESLint, as `test` runs them first
    python3 build.py fmt        ruff check --fix, ruff format, eslint --fix, then lint

Needs only Python 3.11+ and Node 20.19+ (npm) on the machine. Everything else comes
from PyPI and the npm registry, pinned here and in package-lock.json, cached in
.cache/ so that a second build needs no network.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from functools import partial
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: builds are not run in parallel there
    fcntl = None

ROOT = Path(__file__).resolve().parent
SITE = ROOT / "site"
# LABELCORE_DIST builds (and tests) somewhere else than dist/, so parallel work does not collide.
DIST = Path(os.environ.get("LABELCORE_DIST") or ROOT / "dist").resolve()
CACHE = ROOT / ".cache"
WHEEL_CACHE = CACHE / "wheels"
VENV = ROOT / ".venv"
NODE_MODULES = ROOT / "node_modules"
PY_SRC = ROOT / "py"

PYODIDE_VERSION = "314.0.7"
PYODIDE_PLATFORM = "pyemscripten_2026_0_wasm32"
PYODIDE_PYTHON = "3.14"
# Files of the npm package `pyodide` that the site serves (no wheels: the package holds none).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")

# The browser's wheels: (distribution, version, how it is fetched, sha256 of the download).
# The worker loads labelcore and what it depends on; jinja2 (+ MarkupSafe) is built and listed in
# the lock too, for code that wants templates, but the core does not import it, so it is not
# loaded at start-up.
#   pure  - a py3-none-any wheel from PyPI
#   wasm  - a wheel built for Pyodide's platform tag
#   sdist - no wasm wheel exists: build the sdist with no C compiler, which gives a pure wheel
BROWSER_WHEELS = (
    ("pydantic", "2.14.3", "pure", "3f7b347782ab7e4cf4c798496ae3a82787d9f21ec12676a9c564355eeef8daa8"),
    ("pydantic_core", "2.50.4", "wasm", "e6da138a1ecc1341c8b788a5ee822670b03788e1f5decf7af9d461de6e508b8e"),
    (
        "typing_extensions",
        "4.16.0",
        "pure",
        "481caa481374e813c1b176ada14e97f1f67a4539ce9cfeb3f350d78d6370c2e8",
    ),
    ("annotated_types", "0.8.0", "pure", "f072f4d804ea359e4eaf198b1af7a8b0943881a87f31bb764f8bf219bb9419e0"),
    (
        "typing_inspection",
        "0.4.5",
        "pure",
        "bc210535442b39e1bf2805e0c7a17dfd6a4ace760c84c7f7d16245d23a6b1c39",
    ),
    ("jinja2", "3.1.6", "pure", "85ece4451f492d0c13c5dd7c13a64681a86afae63a5f347908daf103ce6d2f67"),
    ("markupsafe", "3.0.4", "sdist", "2e9ad7dd851bf45fab9f75cbff4cb493fee9979e8d8c7c9c3ee119022518edd6"),
)

# Label Studio's own wheel (no dependencies), fetched like a browser wheel for `test` only: the
# gallery tests read its annotation_templates/ out of it (tests/label_studio.py); never installed.
LABEL_STUDIO_WHEEL = (
    "label_studio",
    "1.23.2",
    "pure",
    "c575b2552d0b271554224c5e56ab2ce9449c6e62a0b4851bc8c706d8fe651137",
)

# npm files copied into dist/vendor/: (source under node_modules, target name, import rewrites).
VENDOR_FILES = (
    ("idb/build/index.js", "idb.js", {}),
    ("preact/dist/preact.mjs", "preact.mjs", {}),
    ("preact/hooks/dist/hooks.mjs", "preact-hooks.mjs", {'from"preact"': 'from"./preact.mjs"'}),
    ("htm/dist/htm.mjs", "htm.mjs", {}),
    ("dompurify/dist/purify.es.mjs", "purify.mjs", {}),
    # Audio (wavesurfer.js 8 and the plugins the Audio object uses; each file is self-contained).
    ("wavesurfer.js/dist/wavesurfer.esm.js", "wavesurfer/wavesurfer.esm.js", {}),
    *(
        (f"wavesurfer.js/dist/plugins/{p}.esm.js", f"wavesurfer/plugins/{p}.esm.js", {})
        for p in ("regions", "timeline", "zoom", "minimap", "spectrogram", "hover")
    ),
    # Time series charts.
    ("uplot/dist/uPlot.esm.js", "uplot/uPlot.esm.js", {}),
    ("uplot/dist/uPlot.min.css", "uplot/uPlot.min.css", {}),
    # PDF documents: pdf.js and its worker (its fonts, cMaps and wasm decoders are VENDOR_TREES).
    ("pdfjs-dist/build/pdf.min.mjs", "pdfjs/pdf.min.mjs", {}),
    ("pdfjs-dist/build/pdf.worker.min.mjs", "pdfjs/pdf.worker.min.mjs", {}),
)

# npm folders copied whole into dist/vendor/ (binary files: fonts, cMaps, wasm): (source, target).
VENDOR_TREES = (
    ("pdfjs-dist/cmaps", "pdfjs/cmaps"),
    ("pdfjs-dist/standard_fonts", "pdfjs/standard_fonts"),
    ("pdfjs-dist/wasm", "pdfjs/wasm"),
)

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def run(cmd: list[str], **kw) -> None:
    log("$ " + " ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def stamp_ok(stamp: Path, key: str) -> bool:
    return stamp.exists() and stamp.read_text() == key


# ---------------------------------------------------------------- set-up


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    """A local .venv with labelcore (editable) and its dev dependencies, redone when pyproject changes."""
    stamp = VENV / ".labelcore-stamp"
    key = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not venv_python().exists():
        run([sys.executable, "-m", "venv", VENV])
    if not stamp_ok(stamp, key):
        run([venv_python(), "-m", "pip", "install", "-q", "--upgrade", "pip"])
        run([venv_python(), "-m", "pip", "install", "-q", "-e", f"{ROOT}[dev]"])
        stamp.write_text(key)
    return venv_python()


def ensure_node_modules() -> None:
    """`npm ci` from package-lock.json, redone when the lock changes."""
    stamp = NODE_MODULES / ".labelcore-stamp"
    key = hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()
    if stamp_ok(stamp, key):
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit(
            "build.py: npm is not installed. Install Node.js 20.19+ (it brings npm), then run this again."
        )
    run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT)
    stamp.write_text(key)


def find_chromium() -> str | None:
    env = os.environ.get("LABELCORE_CHROMIUM")
    if env and Path(env).exists():
        return env
    return next((c for c in CHROMIUM_CANDIDATES if Path(c).exists()), None)


# Debian packages the tests use, each with how to tell it is there: Chromium for the browser
# tests, ffmpeg to make the audio and video files the media tests label.
TEST_PACKAGES = {
    "chromium": find_chromium,
    "ffmpeg": lambda: shutil.which("ffmpeg"),
}


def ensure_test_packages() -> str:
    """The machine's Chromium and ffmpeg, installed from Debian when missing and we are root."""
    missing = [name for name, found in TEST_PACKAGES.items() if not found()]
    if missing and os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        log(f"installing Debian's {', '.join(missing)} for the tests")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-q"], env=env)
        run(["apt-get", "install", "-y", "-q", *missing], env=env)
    still = [name for name, found in TEST_PACKAGES.items() if not found()]
    if still:
        sys.exit(
            f"build.py: the tests need {', '.join(still)}. Install them (Debian/Ubuntu: "
            f"`sudo apt-get install {' '.join(still)}`); LABELCORE_CHROMIUM may name a Chromium binary."
        )
    return find_chromium()


# ---------------------------------------------------------------- fetch


def wheel_filename(dist: str, version: str, kind: str) -> str:
    tag = f"cp314-cp314-{PYODIDE_PLATFORM}" if kind == "wasm" else "py3-none-any"
    return f"{dist}-{version}-{tag}.whl"


def _pip_download(spec: str, dest: Path, extra: list[str]) -> None:
    run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", dest, *extra, spec])


def fetch_wheel(dist: str, version: str, kind: str, sha256: str) -> Path:
    """One browser wheel in .cache/wheels/, downloaded (and for sdists, built) once, hash-checked."""
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    target = WHEEL_CACHE / wheel_filename(dist, version, kind)
    if target.exists():
        return target
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if kind == "wasm":
            _pip_download(
                f"{dist}=={version}",
                tmpdir,
                [
                    "--only-binary=:all:",
                    "--platform",
                    PYODIDE_PLATFORM,
                    "--python-version",
                    PYODIDE_PYTHON,
                    "--implementation",
                    "cp",
                    "--abi",
                    "cp314",
                ],
            )
        elif kind == "pure":
            _pip_download(f"{dist}=={version}", tmpdir, ["--only-binary=:all:"])
        else:
            _pip_download(f"{dist}=={version}", tmpdir, ["--no-binary=:all:"])
        downloads = [p for p in tmpdir.iterdir() if p.is_file()]
        if len(downloads) != 1:
            sys.exit(f"build.py: expected one download for {dist}=={version}, got {downloads}")
        got = sha256_of(downloads[0])
        if got != sha256:
            sys.exit(f"build.py: {downloads[0].name} has sha256 {got}, pinned {sha256}: refusing it")
        if kind == "sdist":
            # With no C compiler the optional speedups fail to build and setuptools falls
            # back to the pure-Python package, which is what Pyodide can load.
            out = tmpdir / "built"
            run(
                [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, downloads[0]],
                env=dict(os.environ, CC="/bin/false", CXX="/bin/false"),
            )
            built = list(out.glob("*.whl"))
            if len(built) != 1 or not built[0].name.endswith("-py3-none-any.whl"):
                sys.exit(f"build.py: building {dist} gave {built}, not one pure wheel")
            downloads = built
        shutil.copy2(downloads[0], target.with_suffix(".part"))
        target.with_suffix(".part").rename(target)
    return target


# ---------------------------------------------------------------- build


def build_labelcore_wheel(out_dir: Path) -> Path:
    """The labelcore wheel, built from py/ with the project's own setuptools (no network)."""
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools' stale build/lib would leak deleted files
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    python = venv_python() if venv_python().exists() else Path(sys.executable)
    run([python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", out_dir, ROOT])
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    for egg in PY_SRC.glob("*.egg-info"):
        shutil.rmtree(egg, ignore_errors=True)
    wheels = list(out_dir.glob("labelcore-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"build.py: expected one labelcore wheel, got {wheels}")
    return wheels[0]


_REQ_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_facts(path: Path) -> tuple[str, str, list[str], list[str]]:
    """(name, version, requirements without extras, top-level import names) read from the wheel."""
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        meta_path = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = zf.read(meta_path).decode("utf-8")
    fields: dict[str, list[str]] = {}
    for line in meta.split("\n\n", 1)[0].splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            fields.setdefault(key, []).append(value)
    requires = []
    for req in fields.get("Requires-Dist", []):
        spec, _, marker = req.partition(";")
        if "extra" in marker:
            continue
        requires.append(_REQ_NAME.match(spec).group(1))
    imports = sorted(
        {
            n.split("/")[0].removesuffix(".py")
            for n in names
            if not n.split("/")[0].endswith((".dist-info", ".data"))
            and (n.endswith("/__init__.py") and n.count("/") == 1 or "/" not in n and n.endswith(".py"))
        }
    )
    return fields["Name"][0], fields["Version"][0], requires, imports


def write_lock(pyodide_dir: Path, wheels: dict[str, str]) -> dict:
    """pyodide-lock.json listing exactly our wheels (name -> path relative to pyodide_dir)."""
    npm_lock = json.loads((NODE_MODULES / "pyodide" / "pyodide-lock.json").read_text())
    facts = {}
    for rel in wheels.values():
        name, version, requires, imports = wheel_facts(pyodide_dir / rel)
        facts[normalize(name)] = (name, version, requires, imports, rel)
    packages = {}
    for key, (name, version, requires, imports, rel) in sorted(facts.items()):
        depends = []
        for req in requires:
            if normalize(req) not in facts:
                sys.exit(f"build.py: {name} needs {req}, which is not among the browser wheels")
            depends.append(normalize(req))
        packages[key] = {
            "name": key,
            "version": version,
            "file_name": rel,
            "install_dir": "site",
            "sha256": sha256_of(pyodide_dir / rel),
            "package_type": "package",
            "imports": imports,
            "depends": sorted(depends),
            "unvendored_tests": False,
        }
    lock = {"info": npm_lock["info"], "packages": packages}
    (pyodide_dir / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    return lock


def vendor_npm(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for src, name, rewrites in VENDOR_FILES:
        text = (NODE_MODULES / src).read_text(encoding="utf-8")
        for old, new in rewrites.items():
            if old not in text:
                sys.exit(f"build.py: vendoring {src}: expected import {old!r} is gone; update VENDOR_FILES")
            text = text.replace(old, new)
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_text(text, encoding="utf-8")
    for src, name in VENDOR_TREES:
        shutil.copytree(NODE_MODULES / src, target / name)


@contextlib.contextmanager
def build_lock():
    """One build at a time in this checkout (they share .cache/ and setuptools' build/)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / "build.lock", "w") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def build() -> Path:
    """Assemble dist/: the app, vendored JS, Pyodide's core, the wheels and their lock."""
    with build_lock():
        return _build()


def _build() -> Path:
    ensure_node_modules()
    browser_wheels = [fetch_wheel(*w) for w in BROWSER_WHEELS]
    staging = DIST.parent / f".{DIST.name}-staging"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(SITE, staging)
    vendor_npm(staging / "vendor")
    pyodide_dir = staging / "pyodide"
    pyodide_dir.mkdir()
    for name in PYODIDE_FILES:
        shutil.copy2(NODE_MODULES / "pyodide" / name, pyodide_dir / name)
    rels = {}
    for wheel in browser_wheels:
        shutil.copy2(wheel, pyodide_dir / wheel.name)
        rels[wheel.name] = wheel.name
    own = build_labelcore_wheel(CACHE / "labelcore-wheel")
    # The labelcore wheel changes with every build under the same file name: give it a
    # content-addressed folder so no HTTP cache serves a stale copy against a new lock.
    digest = sha256_of(own)[:12]
    (pyodide_dir / f"labelcore-{digest}").mkdir()
    shutil.move(str(own), pyodide_dir / f"labelcore-{digest}" / own.name)
    rels[own.name] = f"labelcore-{digest}/{own.name}"
    lock = write_lock(pyodide_dir, rels)
    (staging / "build-info.json").write_text(
        json.dumps(
            {
                "labelcore": lock["packages"]["labelcore"]["version"],
                "labelcore_sha256": lock["packages"]["labelcore"]["sha256"],
                "pyodide": PYODIDE_VERSION,
                "wheels": {k: v["version"] for k, v in lock["packages"].items()},
            },
            indent=1,
            sort_keys=True,
        )
        + "\n"
    )
    shutil.rmtree(DIST, ignore_errors=True)
    staging.rename(DIST)
    log(f"built {DIST} ({len(lock['packages'])} wheels, pyodide {PYODIDE_VERSION})")
    return DIST


# ---------------------------------------------------------------- serve


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder at a URL prefix ("/" or "/labelcore/"), with the MIME types the site needs."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    prefix = "/"
    quiet = False

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def do_GET(self) -> None:
        if self.path == self.prefix.rstrip("/") and self.prefix != "/":
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return
        super().do_GET()

    def end_headers(self) -> None:
        # Revalidate every time: a rebuilt site is picked up at once, and unchanged files
        # still come from the cache with a 304.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt: str, *args) -> None:
        if not self.quiet:
            super().log_message(fmt, *args)


def make_server(
    directory: Path, host: str = "127.0.0.1", port: int = 8080, prefix: str = "/", quiet: bool = False
) -> http.server.ThreadingHTTPServer:
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "quiet": quiet})
    server = http.server.ThreadingHTTPServer((host, port), partial(handler, directory=str(directory)))
    server.daemon_threads = True
    server.url = f"http://{host}:{server.server_address[1]}{prefix}"
    return server


def serve(port: int, prefix: str) -> None:
    server = make_server(DIST, port=port, prefix=prefix)
    print(f"\nLabelcore is served at {server.url}  (Ctrl+C stops it)\n", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


# ---------------------------------------------------------------- lint

# ruff is configured in pyproject.toml, ESLint in eslint.config.js; both are pinned (pyproject's
# dev extra, package-lock.json). Each step: (name, runner, arguments).
_ESLINT = (
    NODE_MODULES / "eslint" / "bin" / "eslint.js",
    "--cache",
    "--cache-location",
    CACHE / "eslint-cache",
)
# What `build.py test` and `lint` check.
LINT_CHECKS = (
    ("ruff check", "python", ("-m", "ruff", "check", ".")),
    ("ruff format", "python", ("-m", "ruff", "format", "--check", ".")),
    ("eslint", "node", (*_ESLINT, ".")),
)
# What `build.py fmt` runs before the checks, which then report what is left to fix by hand.
# ruff's fixes come before the formatter (a fix can leave a line unformatted), quietly: its
# report would predate the formatting.
LINT_FIXES = (
    ("ruff check --fix", "python", ("-m", "ruff", "check", "--fix", "--exit-zero", "--quiet", ".")),
    ("ruff format", "python", ("-m", "ruff", "format", ".")),
    ("eslint --fix", "node", (*_ESLINT, "--fix", "--quiet", ".")),
)


def lint(python: Path, fix: bool = False) -> int:
    """Run the checks (after the fixes, with fix); 1 when one of them found something."""
    ensure_node_modules()
    runners = {"python": python, "node": shutil.which("node") or "node"}

    def call(runner: str, args: tuple) -> int:
        cmd = [str(c) for c in (runners[runner], *args)]
        log("$ " + " ".join(cmd))
        return subprocess.call(cmd, cwd=ROOT)

    for _name, runner, args in LINT_FIXES if fix else ():
        call(runner, args)
    failed = [name for name, runner, args in LINT_CHECKS if call(runner, args) != 0]
    if failed:
        log(f"{', '.join(failed)} found problems" + ("" if fix else ": `python3 build.py fmt` fixes most"))
    return 1 if failed else 0


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd")
    p_serve = sub.add_parser("serve", help="set up, build and serve the site")
    p_serve.add_argument("--port", type=int, default=8080)
    p_serve.add_argument("--prefix", default="/", help="URL path to serve at, e.g. /labelcore/")
    p_test = sub.add_parser(
        "test",
        help="lint, set up, build and run every test (browser tests included); "
        "further arguments go to pytest",
    )
    p_test.add_argument(
        "--no-lint", action="store_true", help="skip the linters (a quick rerun while editing)"
    )
    sub.add_parser("lint", help="ruff check, ruff format --check and ESLint")
    sub.add_parser("fmt", help="ruff check --fix, ruff format and eslint --fix, then the checks")
    p_bench = sub.add_parser(
        "bench", help="build, then run a script from benchmarks/; further arguments go to it"
    )
    p_bench.add_argument("name")
    ns, extra = parser.parse_known_args(argv)
    if extra and ns.cmd not in ("test", "bench"):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")

    python = ensure_venv()
    if ns.cmd in ("lint", "fmt"):
        return lint(python, fix=ns.cmd == "fmt")
    if ns.cmd == "test" and not ns.no_lint and lint(python):
        return 1
    if ns.cmd is None:
        build()
        return 0
    if ns.cmd == "serve":
        build()
        serve(ns.port, ns.prefix)
        return 0
    env = dict(os.environ, LABELCORE_DIST=str(DIST), LABELCORE_CHROMIUM=ensure_test_packages())
    build()
    if ns.cmd == "test":
        with build_lock():
            env["LABELCORE_LS_WHEEL"] = str(fetch_wheel(*LABEL_STUDIO_WHEEL))
        return subprocess.call([python, "-m", "pytest", *extra], cwd=ROOT, env=env)
    script = ROOT / "benchmarks" / f"{ns.name}.py"
    if not script.exists():
        sys.exit(f"build.py: no benchmark {script.relative_to(ROOT)}")
    return subprocess.call([python, script, *extra], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
