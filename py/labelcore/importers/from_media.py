"""Media files: one task per image, audio, video or PDF file.

The browser keeps the bytes (Blobs in IndexedDB) and hands over only
``{name, size, mime, ref}`` per file; the task's data holds ``ref`` (e.g.
``media://<id>``) under the config's data key. Fed bytes instead (the CLI),
the file is the session's file name and its reference is that name.
"""

from __future__ import annotations

from collections.abc import Iterable

from labelcore.importers.media import MEDIA_EXTENSIONS, media_kind
from labelcore.importers.registry import Item, ParseContext, Parser, register_importer

_ALL = tuple(ext for exts in MEDIA_EXTENSIONS.values() for ext in exts)


@register_importer("media", extensions=_ALL)
class MediaParser(Parser):
    """Images, audio, video, PDF: a task per file, the file stored by reference."""

    def __init__(self, ctx: ParseContext):
        super().__init__(ctx)
        self._size = 0

    def feed(self, chunk: bytes) -> Iterable[Item]:
        self._size += len(chunk)
        return ()

    def close(self) -> Iterable[Item]:
        name = self.ctx.filename
        if not name:
            return ()
        return [self.file_task(0, name, self._size, self.ctx.options.get("ref") or name)]

    def add_file(self, index: int, name: str, size: int, ref: str, mime: str | None = None) -> Iterable[Item]:
        return [self.file_task(index, name, size, ref, mime)]

    def file_task(self, index: int, name: str, size: int, ref: str, mime: str | None = None) -> Item:
        where = {"file": name, "index": index}
        kind = media_kind(name) or (mime.split("/")[0] if mime else None)
        if kind not in MEDIA_EXTENSIONS:
            return (
                where,
                None,
                (
                    f"{name!r} is not a media file Label Studio imports "
                    f"(extensions: {' '.join(e[1:] for e in _ALL)})"
                ),
            )
        if size <= 0:
            return where, None, f"{name!r} is empty (0 bytes); the file may not have been copied completely"
        return where, {"data": {self.ctx.key_for(): ref}}, None
