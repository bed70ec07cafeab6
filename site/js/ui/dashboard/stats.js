// The numbers behind the Dashboard, computed from stored rows (pure functions, no IndexedDB).

const DAY = 86_400_000;
const dayOf = (iso) => (iso ? String(iso).slice(0, 10) : null);

/** Per day from the first annotation to the last: annotations made and tasks annotated so far. */
export function progressByDay(annotations) {
  const perDay = new Map();
  const firstDone = new Map(); // task -> the day of its first non-skipped annotation
  for (const a of annotations) {
    const day = dayOf(a.created_at);
    if (!day) continue;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    if (!a.was_cancelled && (!firstDone.has(a.task) || day < firstDone.get(a.task))) firstDone.set(a.task, day);
  }
  if (!perDay.size) return [];
  const newlyDone = new Map();
  for (const day of firstDone.values()) newlyDone.set(day, (newlyDone.get(day) ?? 0) + 1);
  const days = [...perDay.keys()].sort();
  const out = [];
  let total = 0;
  for (let t = Date.parse(days[0]); t <= Date.parse(days[days.length - 1]); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    total += newlyDone.get(day) ?? 0;
    out.push({ day, annotations: perDay.get(day) ?? 0, annotated: total });
  }
  return out;
}

/** [{label: name, value: submitted, skipped}] per annotator, most first. */
export function perAnnotator(annotations, nameOf) {
  const rows = new Map();
  for (const a of annotations) {
    const name = nameOf(a.completed_by);
    const row = rows.get(name) ?? { label: name, value: 0, skipped: 0 };
    if (a.was_cancelled) row.skipped += 1; else row.value += 1;
    rows.set(name, row);
  }
  return [...rows.values()].sort((x, y) => y.value - x.value || x.label.localeCompare(y.label));
}

// A result's label-like values: value[<type>] when it is a list (labels, choices,
// rectanglelabels, taxonomy paths, ...).
function labelsOf(result) {
  const list = result?.value?.[result.type];
  if (!Array.isArray(list)) return [];
  return list.map((v) => (Array.isArray(v) ? v.join(" / ") : String(v)));
}

/** [{label, value}] how often each label was given in non-skipped annotations, most first. */
export function labelDistribution(annotations) {
  const counts = new Map();
  const controls = new Set();
  for (const a of annotations) {
    if (a.was_cancelled) continue;
    for (const r of a.result ?? []) {
      for (const label of labelsOf(r)) {
        controls.add(r.from_name);
        const key = `${r.from_name}\u0000${label}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const prefix = controls.size > 1;
  return [...counts.entries()]
    .map(([key, value]) => { const [control, label] = key.split("\u0000"); return { label: prefix ? `${control}: ${label}` : label, value }; })
    .sort((x, y) => y.value - x.value || x.label.localeCompare(y.label));
}

/** Round numbers for an axis from 0 to at least `max`: {top, ticks}. */
export function niceTicks(max, count = 4) {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const top = Math.ceil(max / step) * step;
  const ticks = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  return { top, ticks };
}
