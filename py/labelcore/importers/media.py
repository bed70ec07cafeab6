"""Media kinds by file extension: the files Label Studio imports as one task each."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

# kind -> extensions Label Studio imports as one task per file
MEDIA_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "image": (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".svg", ".webp"),
    "audio": (".wav", ".mp3", ".flac", ".m4a", ".ogg"),
    "video": (".mp4", ".webm"),
    "pdf": (".pdf",),
}
_BY_EXTENSION = {ext: kind for kind, exts in MEDIA_EXTENSIONS.items() for ext in exts}


def media_kind(name: str) -> str | None:
    """``"image"`` for ``cat.JPG`` or ``https://x/cat.jpg?sig=1``; None when the extension is not a
    media one."""
    path = urlsplit(name).path if "://" in name else name
    return _BY_EXTENSION.get(posixpath.splitext(path)[1].lower())
