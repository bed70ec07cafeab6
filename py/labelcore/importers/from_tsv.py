"""TSV: tab-separated cells with a header row."""

from __future__ import annotations

from labelcore.importers.delimited import DelimitedParser
from labelcore.importers.registry import register_importer


@register_importer("tsv", extensions=(".tsv",))
class TsvParser(DelimitedParser):
    """TSV with a header row."""

    delimiter = "\t"
