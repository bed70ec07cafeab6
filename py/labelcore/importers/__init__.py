"""Importers: every source Label Studio imports, parsed into checked task dicts.

One module per source registers its parser by name (:func:`register_importer`):
``json``, ``jsonl``, ``csv``, ``tsv``, ``txt``, ``html``, ``media``, ``urls``.
:class:`ImportSession` runs one import; ``ops`` is its bridge surface and
``cli`` the ``labelcore import`` command.
"""

# Imported for their side effect: each module registers its parser.
from labelcore.importers import (  # noqa: F401
    from_csv,
    from_html,
    from_json,
    from_jsonl,
    from_media,
    from_tsv,
    from_txt,
    from_urls,
)
from labelcore.importers.registry import IMPORTERS, Parser, get_importer, importer_for_name, register_importer
from labelcore.importers.session import ImportReport, ImportSession, undefined_key

__all__ = [
    "IMPORTERS",
    "Parser",
    "register_importer",
    "get_importer",
    "importer_for_name",
    "ImportSession",
    "ImportReport",
    "undefined_key",
]
