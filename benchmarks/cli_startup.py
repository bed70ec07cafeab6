"""Start-up of the ``labelcore`` command: ``--version`` and ``validate`` of a small config.

Run: ``python benchmarks/cli_startup.py [--runs N]``. Each round runs, one after the other,
``python -c pass`` (the interpreter's own start-up: the baseline), ``python -m labelcore --version``
and ``python -m labelcore validate small.xml``; the medians over the rounds are printed with the
load average, so figures from a busy machine can be read against its baseline. Targets (issue 20):
``--version`` < 0.15 s, ``validate`` < 0.3 s. Prints figures, asserts nothing about time.
``python -X importtime -m labelcore --version`` shows where the rest goes.
"""

from __future__ import annotations

import argparse
import os
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


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="rounds (default 10)")
    runs = parser.parse_args().runs
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(CORE), os.environ.get("PYTHONPATH")])),
    }
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp, "small.xml")
        config.write_text(SMALL_CONFIG, encoding="utf-8")
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "--version": [sys.executable, "-m", "labelcore", "--version"],
            "validate": [sys.executable, "-m", "labelcore", "validate", str(config)],
        }
        for argv in cases.values():  # warm the disk cache and the .pyc files
            timed(argv, env)
        load_before = os.getloadavg()
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):  # interleaved, so a change in load hits every case alike
            for name, argv in cases.items():
                times[name].append(timed(argv, env))
        load_after = os.getloadavg()
    base = statistics.median(times["python -c pass"])
    print(f"labelcore CLI start-up, median of {runs} runs")
    for name, values in times.items():
        median = statistics.median(values)
        target = f"  target < {TARGETS[name]:.2f} s" if name in TARGETS else ""
        extra = f"  (+{median - base:.3f} s over the baseline){target}" if name in TARGETS else "  (baseline)"
        print(f"  {name:<15} {median:.3f} s{extra}")
    print(
        "load average: " + " -> ".join(" ".join(f"{x:.2f}" for x in la) for la in (load_before, load_after))
    )


if __name__ == "__main__":
    main()
