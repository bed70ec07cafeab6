// Would a new config orphan existing annotations? Label Studio refuses a config change that
// drops a control or object that annotations refer to (from_name / to_name), or a label they
// use; so do we. Reads the annotations store, writes nothing.
import { read } from "../../store/db.js";

/** Every result item of the project's annotations: [{annotation, item}]. */
async function projectResults(projectId) {
  const annotations = await read(["annotations"], (tx) => tx.objectStore("annotations").index("project").getAll(projectId));
  return annotations.flatMap((a) => (Array.isArray(a.result) ? a.result : []).map((item) => ({ annotation: a.id, item })));
}

function labelsUsed(item, control) {
  const values = item?.value?.[control.type];
  if (control.tag === "Taxonomy" || !Array.isArray(values)) return [];
  return values.filter((v) => typeof v === "string");
}

/**
 * What the config `parsed` would orphan in `results` ([{annotation, item}]):
 * {count, fromNames, toNames, labels: [{control, label}]} (each list of distinct names).
 */
export function orphansIn(results, parsed) {
  const controls = new Map((parsed?.controls ?? []).map((c) => [c.name, c]));
  const objects = new Set((parsed?.objects ?? []).map((o) => o.name));
  const fromNames = new Set();
  const toNames = new Set();
  const labels = new Map();
  const hit = new Set();
  for (const { annotation, item } of results) {
    if (!item || typeof item.from_name !== "string") continue; // relations link regions, not controls
    const control = controls.get(item.from_name);
    if (!control) { fromNames.add(item.from_name); hit.add(annotation); continue; }
    if (typeof item.to_name === "string" && !objects.has(item.to_name)) { toNames.add(item.to_name); hit.add(annotation); }
    if (!control.labels?.length || item.type !== control.type) continue;
    const known = new Set(control.labels.map((l) => l.value));
    for (const label of labelsUsed(item, control)) {
      if (known.has(label)) continue;
      labels.set(`${control.name}\u0000${label}`, { control: control.name, label });
      hit.add(annotation);
    }
  }
  return { count: hit.size, fromNames: [...fromNames], toNames: [...toNames], labels: [...labels.values()] };
}

/** The orphans of the project's annotations under `parsed` (see orphansIn). */
export async function findOrphans(projectId, parsed) {
  if (projectId === undefined || projectId === null) return { count: 0, fromNames: [], toNames: [], labels: [] };
  return orphansIn(await projectResults(projectId), parsed);
}

const quoted = (names) => names.map((n) => `“${n}”`).join(", ");

/** One sentence a person can act on, or null when nothing is orphaned. */
export function describeOrphans(o) {
  if (!o.count) return null;
  const parts = [];
  if (o.fromNames.length) parts.push(`from_name ${quoted(o.fromNames)} (no control has that name any more)`);
  if (o.toNames.length) parts.push(`to_name ${quoted(o.toNames)} (no object tag has that name any more)`);
  if (o.labels.length) parts.push(`labels ${o.labels.map((l) => `“${l.label}” of ${l.control}`).join(", ")}`);
  const n = o.count === 1 ? "1 annotation uses" : `${o.count} annotations use`;
  return `Not saved: ${n} ${parts.join("; ")}. Keep those names and labels in the config, or delete those annotations first.`;
}
