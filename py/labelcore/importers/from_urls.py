"""A pasted list of URLs: a task per line (under the config's data key)."""

from __future__ import annotations

from urllib.parse import urlsplit

from labelcore.importers.lines import LineParser
from labelcore.importers.registry import Item, register_importer


@register_importer("urls", extensions=(".urls",))
class UrlsParser(LineParser):
    """URLs, one per line (http, https, s3, gs, data, or a path starting with /)."""

    def line(self, number: int, text: str) -> Item:
        url = text.strip()
        where = {"line": number}
        parts = urlsplit(url)
        if " " in url or not (
            (parts.scheme and (parts.netloc or parts.scheme == "data")) or url.startswith("/")
        ):
            return where, None, f"{url[:80]!r} is not a URL (like https://host/image.jpg)"
        return where, {"data": {self.ctx.key_for(): url}}, None
