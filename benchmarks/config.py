"""Parse + validate a labeling config with 300 labels and 20 controls; print the median time.

Run: ``python benchmarks/config.py [--runs N]``. CPython only here; the browser worker's figure is
measured by the site's own benchmark page through the ``config.parse`` op on the same config
(``build_config()`` is what both use). Prints figures, asserts nothing about time.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "py"))

from labelcore.config import parse_config, validate_config  # noqa: E402

CONTROL_TAGS = ("RectangleLabels", "PolygonLabels", "KeyPointLabels", "BrushLabels", "EllipseLabels")


def build_config(labels: int = 300, controls: int = 20) -> str:
    """An image config: ``controls`` label controls sharing ``labels`` labels, plus classifications."""
    label_controls = controls // 2
    per_control = labels // label_controls
    parts = ['<View>', '  <Image name="image" value="$image" zoom="true"/>']
    for c in range(label_controls):
        tag = CONTROL_TAGS[c % len(CONTROL_TAGS)]
        parts.append(f'  <{tag} name="regions_{c}" toName="image" strokeWidth="2">')
        parts += [f'    <Label value="class {c}-{i}" category="{c * per_control + i}"/>' for i in range(per_control)]
        parts.append(f'  </{tag}>')
    for c in range(controls - label_controls):
        parts.append(f'  <Choices name="choice_{c}" toName="image" perRegion="true" whenTagName="regions_{c}">')
        parts += ['    <Choice value="yes"/>', '    <Choice value="no"/>']
        parts.append('  </Choices>')
    parts.append('</View>')
    return "\n".join(parts)


def _median_ms(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    xml = build_config()
    cfg = parse_config(xml)
    n_labels = sum(len(c.labels) for c in cfg.controls.values() if c.tag != "Choices")
    assert not validate_config(xml)
    print(f"config: {len(xml):,} bytes, {len(cfg.controls)} controls, {n_labels} labels "
          f"({platform.python_implementation()} {platform.python_version()}, {runs} runs)")
    print(f"parse_config (parse + validate): median {_median_ms(lambda: parse_config(xml), runs):.2f} ms")
    print(f"validate_config (all errors):    median {_median_ms(lambda: validate_config(xml), runs):.2f} ms")
    print(f"to_json:                         median {_median_ms(cfg.to_json, runs):.2f} ms")


if __name__ == "__main__":
    main()
