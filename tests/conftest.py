"""Shared fixtures: the built site served at a sub-path, and headless Chromium that records
every request so each browser test can prove nothing left 127.0.0.1."""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "/labelcore/"
CHROMIUM_ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-gpu",
]


def _load_build_module():
    spec = importlib.util.spec_from_file_location("labelcore_build", ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_module()


@pytest.fixture(scope="session")
def dist() -> Path:
    path = Path(os.environ.get("LABELCORE_DIST", ROOT / "dist"))
    if not (path / "index.html").exists():
        pytest.skip(f"no built site at {path}: `python3 build.py test` builds it and runs these tests")
    return path


@pytest.fixture(scope="session")
def site_url(dist: Path):
    """The built site served on 127.0.0.1 at a sub-path, as GitHub Pages serves a project site."""
    server = build.make_server(dist, port=0, prefix=SUBPATH, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("LABELCORE_CHROMIUM") or build.find_chromium()
    if not path:
        pytest.skip("no Chromium: `python3 build.py test` installs one and runs these tests")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class RequestLog:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def outside(self) -> list[str]:
        """Every request that went anywhere but 127.0.0.1 (data: and blob: URLs never leave)."""
        bad = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                continue
            if parts.hostname != "127.0.0.1":
                bad.append(url)
        return bad


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty IndexedDB and cache) whose requests are all recorded."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    log = RequestLog()
    ctx.on("request", log.record)
    ctx.request_log = log
    yield ctx
    ctx.close()
    assert log.urls, "the browser made no request at all: the recorder is broken"
    assert not log.outside(), f"requests left 127.0.0.1: {log.outside()}"


@pytest.fixture
def page(context):
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.page_errors = errors
    yield pg
    assert not errors, f"uncaught errors in the page: {errors}"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected files of golden tests (review the diff before committing)",
    )


def pytest_configure(config):
    if config.getoption("--update-golden"):
        os.environ["LABELCORE_UPDATE_GOLDEN"] = "1"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
