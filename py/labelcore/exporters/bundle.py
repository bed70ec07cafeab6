"""One download from an export's files: the file itself when there is one, else a zip built in memory."""

from __future__ import annotations

import io
import posixpath
import zipfile

MIME = {
    ".json": "application/json",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".conll": "text/plain",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".png": "image/png",
    ".npy": "application/octet-stream",
    ".zip": "application/zip",
}
# Already-compressed media gain nothing from deflate.
STORED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp3", ".mp4", ".webm", ".ogg", ".m4a", ".flac", ".zip"}


def to_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            ext = posixpath.splitext(name)[1].lower()
            info.compress_type = zipfile.ZIP_STORED if ext in STORED else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def one_download(files: dict[str, bytes], format_name: str) -> tuple[str, str, bytes]:
    """``(filename, mime, bytes)``: a lone file as is, several files as ``<format>.zip``."""
    if len(files) == 1:
        name, data = next(iter(files.items()))
        base = posixpath.basename(name)
        return base, MIME.get(posixpath.splitext(base)[1].lower(), "application/octet-stream"), data
    return f"{format_name.lower()}.zip", MIME[".zip"], to_zip(files)
