// The Data Manager's column index kept between sessions: one record per project in the
// "task_index" store, and the check that tells whether it still matches the tasks.
//
//   saveSnapshot(index, project, counts)   -> writes the index (numbers as typed arrays, text columns
//                                             packed into one string each: quick to read back)
//   loadSnapshot(project)                  -> the kept TaskIndex (text columns unpacked when first read) or null
//   changesSince(project, index)           -> {changed: [task ids] | null, counts, checkedAt, lastPrediction}
//        `changed` lists the tasks to read again (changed or added since the index was built, or
//        owning an annotation changed or a prediction added since); null when there are too many
//        to patch. Deletions show as counts that the patched index does not add up to: rebuild.
//   dropSnapshot(projectId)
//   storeCounts(projectId)                 -> {tasks, annotations, predictions} (what an index should add up to)
//   indexCounts(index)                     -> the same, from the index's own columns
//
// A snapshot is keyed by project and records the build's start time (ISO), the project settings
// it depends on (configKey: the overlap as status.js reads it, data keys), the row count and a
// format version. An index in memory carries the same `config`: one built under other settings
// is rebuilt, not patched (views.js).

import { read, write } from "./db.js";
import { overlapOf } from "./status.js";

const VERSION = 2;  // 2: status.js's columns (who, stream order, lowest score)
const MAX_CHANGED = 5000;
const STORE = "task_index";

/** What of the project the index depends on besides its tasks. */
export function configKey(project) {
  const objects = (project?.parsed_config?.objects ?? []).map((o) => `${o.data_key}:${o.tag}`);
  return JSON.stringify([overlapOf(project), project?.parsed_config?.data_keys ?? [], objects]);
}

// ---- text columns: one string plus lengths and kinds (0 empty, 1 string, 2 JSON, 3 undefined)

function pack(col) {
  const n = col.length;
  const lens = new Uint32Array(n), kinds = new Uint8Array(n), parts = [];
  for (let r = 0; r < n; r++) {
    const v = col[r];
    if (v === null) continue;
    if (v === undefined) { kinds[r] = 3; continue; }
    const s = typeof v === "string" ? v : JSON.stringify(v);
    kinds[r] = typeof v === "string" ? 1 : 2;
    lens[r] = s.length;
    parts.push(s);
  }
  return { packed: true, text: parts.join(""), lens, kinds };
}

function unpack({ text, lens, kinds }) {
  const n = lens.length, out = new Array(n);
  let at = 0;
  for (let r = 0; r < n; r++) {
    const k = kinds[r];
    if (k === 0) { out[r] = null; continue; }
    if (k === 3) { out[r] = undefined; continue; }
    const s = text.slice(at, at + lens[r]);
    at += lens[r];
    out[r] = k === 1 ? s : JSON.parse(s);
  }
  return out;
}

/** Columns whose packed text is unpacked the first time something reads them. */
function lazyColumns(stored) {
  const columns = {};
  for (const [key, col] of Object.entries(stored)) {
    if (!col?.packed) { columns[key] = col; continue; }
    Object.defineProperty(columns, key, {
      enumerable: true, configurable: true,
      get() {
        const value = unpack(col);
        Object.defineProperty(columns, key, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  return columns;
}

export function indexCounts(index) {
  const sum = (key) => { let s = 0; const c = index.columns[key]; for (let r = 0; r < index.size; r++) s += c[r]; return s; };
  return {
    tasks: index.size,
    annotations: sum("tasks:total_annotations") + sum("tasks:cancelled_annotations"),
    predictions: sum("tasks:total_predictions"),
  };
}

async function countsIn(tx, projectId) {
  const [tasks, annotations, predictions] = await Promise.all(["tasks", "annotations", "predictions"].map(
    (name) => tx.objectStore(name).index("project").count(projectId)));
  return { tasks, annotations, predictions };
}

export async function storeCounts(projectId) {
  return read(["tasks", "annotations", "predictions"], (tx) => countsIn(tx, projectId));
}

export async function saveSnapshot(index, project, startedAt = index.startedAt) {
  if (!index || index.partial) return;
  const columns = {};
  for (const [key, col] of Object.entries(index.columns)) columns[key] = col instanceof Float64Array ? col : pack(col);
  const record = {
    project: project.id, version: VERSION, config: configKey(project), startedAt, size: index.size,
    dataKeys: index.dataKeys, overlap: index.overlap, lastPrediction: index.lastPrediction ?? 0, columns,
  };
  await write([STORE], (tx) => tx.objectStore(STORE).put(record));
}

export async function dropSnapshot(projectId) {
  await write([STORE], (tx) => tx.objectStore(STORE).delete(projectId));
}

/** The newest prediction id of a project (new predictions are found by id: they carry no updated_at). */
export async function lastPredictionId(tx, projectId) {
  const cursor = await tx.objectStore("predictions").index("project").openKeyCursor(IDBKeyRange.only(projectId), "prev");
  return cursor ? cursor.primaryKey : 0;
}

/** The kept index of a project (as it was built), or null. */
export async function loadSnapshot(project) {
  const record = await read([STORE], (tx) => tx.objectStore(STORE).get(project.id));
  if (!record || record.version !== VERSION || record.config !== configKey(project)) return null;
  const index = {
    projectId: project.id, size: record.size, dataKeys: record.dataKeys, overlap: record.overlap, text: {},
    columns: lazyColumns(record.columns), builtAt: Date.now(), startedAt: record.startedAt,
    lastPrediction: record.lastPrediction, fromSnapshot: true, config: record.config,
  };
  index.ids = index.columns["tasks:id"];
  return index;
}

/** What changed in a project since `index` was built or last brought up to date (see the header). */
export async function changesSince(project, index) {
  const checkedAt = new Date().toISOString();
  return read(["tasks", "annotations", "predictions"], async (tx) => {
    const pid = project.id;
    const since = IDBKeyRange.bound([pid, index.startedAt], [pid, "\uffff"]);
    const [counts, taskIds, annotations, lastPrediction] = await Promise.all([
      countsIn(tx, pid),
      tx.objectStore("tasks").index("project_updated").getAllKeys(since, MAX_CHANGED + 1),
      tx.objectStore("annotations").index("project_updated").getAll(since, MAX_CHANGED + 1),
      lastPredictionId(tx, pid),
    ]);
    const predictions = lastPrediction > (index.lastPrediction ?? 0)
      ? await tx.objectStore("predictions").getAll(IDBKeyRange.lowerBound(index.lastPrediction ?? 0, true), MAX_CHANGED + 1)
      : [];
    const many = taskIds.length > MAX_CHANGED || annotations.length > MAX_CHANGED || predictions.length > MAX_CHANGED;
    const changed = many ? null : [...new Set([
      ...taskIds, ...annotations.map((a) => a.task), ...predictions.filter((p) => p.project === pid).map((p) => p.task)])];
    return { changed, counts, checkedAt, lastPrediction };
  });
}
