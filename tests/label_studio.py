"""Label Studio's own template gallery, read straight out of its pinned wheel (zipfile: nothing is
installed, nothing is copied into the repo).

`python3 build.py test` downloads the wheel once into .cache/wheels/ (build.py LABEL_STUDIO_WHEEL,
sha256-pinned) and names it in LABELCORE_LS_WHEEL, so the gallery tests always run there. A plain
pytest finds the same cached wheel after one such run; with none at hand the gallery tests skip.
"""

from __future__ import annotations

import importlib.util
import os
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "label_studio/annotation_templates/"


def _cached() -> Path:
    spec = importlib.util.spec_from_file_location("labelcore_build_ls", ROOT / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build.WHEEL_CACHE / build.wheel_filename(*build.LABEL_STUDIO_WHEEL[:3])


def wheel() -> Path | None:
    """The Label Studio wheel: LABELCORE_LS_WHEEL (which must exist), else build.py's cached copy."""
    given = os.environ.get("LABELCORE_LS_WHEEL")
    if given:
        if not Path(given).is_file():
            raise FileNotFoundError(f"LABELCORE_LS_WHEEL={given} is not a file")
        return Path(given)
    cached = _cached()
    return cached if cached.is_file() else None


def gallery() -> dict[str, bytes]:
    """Path under annotation_templates/ -> bytes, for every config.yml and config.xml ({} without a wheel)."""
    found = wheel()
    if found is None:
        return {}
    with zipfile.ZipFile(found) as zf:
        return {
            name[len(PREFIX) :]: zf.read(name)
            for name in sorted(zf.namelist())
            if name.startswith(PREFIX) and name.endswith(("/config.yml", "/config.xml"))
        }


SKIP_REASON = (
    "no Label Studio wheel at hand: `python3 build.py test` downloads it into .cache/ and runs these"
)
