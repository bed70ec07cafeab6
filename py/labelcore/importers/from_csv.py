"""CSV: ``;`` is the separator when the header row has more semicolons than commas."""

from __future__ import annotations

from labelcore.importers.delimited import DelimitedParser
from labelcore.importers.registry import register_importer


@register_importer("csv", extensions=(".csv",))
class CsvParser(DelimitedParser):
    """CSV with a header row (`,` or `;`, quoted newlines, UTF-8 with or without BOM)."""

    def sniff(self, header_line: str) -> str:
        return ";" if header_line.count(";") > header_line.count(",") else ","
