"""Import figures (CPython part): N CSV rows of short texts parsed and validated by the CLI path.

    python benchmarks/import.py [--rows 1000000] [--chunk-mb 1]

Writes a CSV of short texts to a temporary directory, then times
``labelcore.importers.cli.import_file`` (read in 1 MB chunks, parse, model and
config checks: what ``labelcore import`` does) and the JSON write, and prints
rows per second and the process's peak memory. No asserts on time. The browser
half (100,000 rows into IndexedDB) is measured by the browser tests.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from labelcore.config import parse_config
from labelcore.importers import cli

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices>
</View>"""
WORDS = "good bad phone battery screen delivery quick slow broken great price would buy again never".split()


def peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 1024 / 1024


def write_csv(path: Path, rows: int) -> None:
    rng = random.Random(4)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("text,source\n")
        for i in range(rows):
            text = " ".join(rng.choices(WORDS, k=6))
            fh.write(f'"{text}, #{i}",web\n' if i % 10 == 0 else f"{text} #{i},web\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--chunk-mb", type=float, default=1.0)
    ns = parser.parse_args()
    cli.CHUNK = int(ns.chunk_mb * (1 << 20))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "reviews.csv"
        write_csv(source, ns.rows)
        size_mb = source.stat().st_size / (1 << 20)
        base_mb = peak_mb()
        config = parse_config(CONFIG)
        start = time.perf_counter()
        report = cli.import_file(str(source), config)
        parsed = time.perf_counter() - start
        assert report.ok and len(report.tasks) == ns.rows, report.errors[:3]
        start = time.perf_counter()
        with open(Path(tmp) / "tasks.json", "w", encoding="utf-8") as out:
            cli.write_tasks(report.tasks, out)
        written = time.perf_counter() - start
    print(f"CSV: {ns.rows:,} rows, {size_mb:.1f} MB, read in {ns.chunk_mb:g} MB chunks")
    print(f"parse + validate (CLI path, CPython {sys.version.split()[0]}): {parsed:.2f} s "
          f"({ns.rows / parsed:,.0f} rows/s)")
    print(f"write tasks.json: {written:.2f} s")
    print(f"peak memory (max RSS): {peak_mb():.0f} MB (before the import: {base_mb:.0f} MB)")


if __name__ == "__main__":
    main()
