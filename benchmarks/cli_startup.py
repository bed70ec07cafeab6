"""Start-up of the ``labelcore`` command: ``--version`` and ``validate`` of a small config.

Run: ``python benchmarks/cli_startup.py [--runs N]``. Each round runs, one after the other,
``python -c pass`` (the interpreter's own start-up: the baseline), ``from pydantic import
BaseModel`` (the floor of any command that parses a config), ``python -m labelcore --version``,
``validate small.xml`` and the import of a two-row CSV; the medians over the rounds are printed
with the load average, so figures from a busy machine can be read against its baseline. Targets
(issue 20): ``--version`` < 0.15 s, ``validate`` < 0.3 s. Prints figures, asserts nothing about
time. ``python -X importtime -m labelcore --version`` shows where the rest goes.

Byte code is written and used (``PYTHONDONTWRITEBYTECODE`` is dropped for the runs), as an
installed package has it: compiling the core's sources on every start would cost ~0.1 s more.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "py"

SMALL_CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text" choice="single">
    <Choice value="Positive"/>
    <Choice value="Negative"/>
  </Choices>
</View>
"""

TARGETS = {"--version": 0.15, "validate": 0.3}


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="rounds (default 10)")
    runs = parser.parse_args().runs
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CORE), os.environ.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory() as tmp:
        config, rows = Path(tmp, "small.xml"), Path(tmp, "small.csv")
        config.write_text(SMALL_CONFIG, encoding="utf-8")
        rows.write_text("text\nGreat!\nAwful.\n", encoding="utf-8")
        labelcore = [sys.executable, "-m", "labelcore"]
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            # The floor of every command that parses a config (the config model is pydantic).
            "import pydantic": [sys.executable, "-c", "from pydantic import BaseModel"],
            "--version": [*labelcore, "--version"],
            "validate": [*labelcore, "validate", str(config)],
            "import (2 rows)": [*labelcore, "import", str(rows), "--config", str(config)],
        }
        for argv in cases.values():  # warm the disk cache and write the byte code
            timed(argv, env)
        load_before = os.getloadavg()
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(runs):  # interleaved, so a change in load hits every case alike
            for name, argv in cases.items():
                times[name].append(timed(argv, env))
        load_after = os.getloadavg()
    base = statistics.median(wall for wall, _cpu in times["python -c pass"])
    print(f"labelcore CLI start-up, median of {runs} runs: wall time (CPU time)")
    for name, values in times.items():
        wall = statistics.median(w for w, _c in values)
        cpu = statistics.median(c for _w, c in values)
        note = "baseline" if name == "python -c pass" else f"+{wall - base:.3f} s over the baseline"
        target = f", target < {TARGETS[name]:.2f} s" if name in TARGETS else ""
        print(f"  {name:<16} {wall:.3f} s ({cpu:.3f} s)  {note}{target}")
    print(
        "load average: " + " -> ".join(" ".join(f"{x:.2f}" for x in la) for la in (load_before, load_after))
    )


if __name__ == "__main__":
    main()
