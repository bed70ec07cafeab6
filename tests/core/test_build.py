"""build.py's server: the site at a prefix, with the MIME types Pyodide needs, and the URL it prints."""

import importlib.util
import threading
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("labelcore_build_under_test", ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def served(build, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>")
    (tmp_path / "core.wasm").write_bytes(b"\x00asm")
    (tmp_path / "main.mjs").write_text("export {}")
    server = build.make_server(tmp_path, port=0, prefix="labelcore", quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def fetch(url):
    with urllib.request.urlopen(url) as reply:
        return reply.status, reply.headers.get_content_type(), reply.headers.get("Cache-Control")


def test_the_url_it_prints_serves_the_site(served):
    assert served.url == f"http://127.0.0.1:{served.server_address[1]}/labelcore/"
    assert fetch(served.url) == (200, "text/html", "no-cache")


def test_mime_types_for_pyodide_and_modules(served):
    assert fetch(served.url + "core.wasm")[1] == "application/wasm"
    assert fetch(served.url + "main.mjs")[1] == "text/javascript"


def test_nothing_outside_the_prefix(served):
    with pytest.raises(urllib.error.HTTPError) as err:
        fetch(served.url.replace("/labelcore/", "/index.html"))
    assert err.value.code == 404


def test_serve_prints_the_url(build, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(build, "DIST", tmp_path)
    monkeypatch.setattr(build.http.server.ThreadingHTTPServer, "serve_forever", lambda self: None)
    build.serve(0, "/x/")
    assert "Labelcore is served at http://127.0.0.1:" in capsys.readouterr().out
