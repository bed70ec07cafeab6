"""The worker installs labelcore's wheels itself (site/js/worker/wheels.js): the files it unpacks
are the wheel's, byte for byte; a wheel it cannot install safely, or one that does not match the
lock, stops the core with a message that names it."""

import base64
import io
import re
import zipfile

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import BOOT_TIMEOUT

UNPACK = """async ([b64]) => {
    const { wheelFiles } = await import("./js/worker/wheels.js");
    const zip = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    try {
        const { files, distInfo } = await wheelFiles(zip, "demo.whl");
        return { distInfo, files: files.map((f) => [f.path, Array.from(f.data)]) };
    } catch (err) {
        return { error: err.message };
    }
}"""


def wheel(entries: dict[str, bytes], *, dist_info: str | None = "demo-1.0.dist-info") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        if dist_info:
            zf.writestr(f"{dist_info}/METADATA", "Name: demo\nVersion: 1.0\n", zipfile.ZIP_DEFLATED)
        for name, data in entries.items():
            kind = zipfile.ZIP_STORED if name.endswith(".txt") else zipfile.ZIP_DEFLATED
            zf.writestr(name, data, kind)
    return out.getvalue()


def unpack(page, data: bytes):
    return page.evaluate(UNPACK, [base64.b64encode(data).decode("ascii")])


@pytest.fixture
def site_page(page, site_url):
    page.goto(site_url)
    return page


def test_the_files_are_the_wheels_byte_for_byte(site_page):
    entries = {
        "demo/__init__.py": b"VALUE = 1\n" * 500,  # deflated
        "demo/data/notes.txt": "ünïcode names and text\n".encode(),  # stored
        "demo/empty.py": b"",
        "demo/_native.cpython-314-wasm32-emscripten.so": bytes(range(256)) * 40,
    }
    data = wheel(entries)
    got = unpack(site_page, data)
    assert got["distInfo"] == "demo-1.0.dist-info"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        expected = {info.filename: zf.read(info) for info in zf.infolist()}
    assert {path: bytes(content) for path, content in got["files"]} == expected


@pytest.mark.parametrize(
    ("entries", "dist_info", "message"),
    [
        ({"../evil.py": b"x"}, "demo-1.0.dist-info", 'refusing the path "../evil.py"'),
        ({"/etc/evil.py": b"x"}, "demo-1.0.dist-info", 'refusing the path "/etc/evil.py"'),
        (
            {"demo-1.0.data/scripts/tool": b"x"},
            "demo-1.0.dist-info",
            "demo-1.0.data/ (wheel data files) is not supported",
        ),
        ({"demo/__init__.py": b"x"}, None, "expected one .dist-info directory, found 0"),
        (
            {"other-2.0.dist-info/METADATA": b"x"},
            "demo-1.0.dist-info",
            "expected one .dist-info directory, found 2",
        ),
    ],
)
def test_a_wheel_that_cannot_be_installed_safely_is_refused(site_page, entries, dist_info, message):
    got = unpack(site_page, wheel(entries, dist_info=dist_info))
    assert got == {"error": f"demo.whl: {message}"}


def test_a_damaged_archive_is_refused(site_page):
    assert (
        unpack(site_page, b"not a zip at all")["error"]
        == "demo.whl: not a zip archive (no end of central directory)"
    )
    data = bytearray(wheel({"demo/__init__.py": b"VALUE = 1\n" * 500}))
    start = data.index(b"demo/__init__.py") + len("demo/__init__.py")  # its deflated data follows
    data[start : start + 8] = b"\xff" * 8
    error = unpack(site_page, bytes(data))["error"]
    assert error.startswith("demo.whl: demo/__init__.py does not inflate: ")


def test_a_wheel_that_does_not_match_the_lock_stops_the_core(context, site_url, dist):
    other = next((dist / "pyodide").glob("annotated_types-*.whl")).read_bytes()
    page = context.new_page()
    # Same name, other bytes (a tampered or stale copy): the lock's sha256 refuses it.
    page.route(
        re.compile(r".*/pyodide/pydantic-[^/]*\.whl$"),
        lambda route: route.fulfill(status=200, body=other, content_type="application/zip"),
    )
    page.goto(site_url)
    status = page.get_by_role("status")
    expect(status).to_have_attribute("data-state", "failed", timeout=BOOT_TIMEOUT)
    expect(status).to_contain_text("Python core failed")
    expect(status).to_contain_text("pydantic (pydantic-")
    expect(status).to_contain_text("does not match the lock's sha256")
