// What an export reads: a project's tasks with their annotations (and predictions) as Label
// Studio's JSON export writes them, and the media bytes the "with images" formats add.
// Read-only: every read goes through db.js's read(); nothing here writes.
//
// Memory: the records IndexedDB returns are reshaped in place of being copied (the task and
// annotation dicts share the stored `data` and `result` objects), so the page holds one copy
// of the project while the worker receives its own.

import { read } from "./db.js";

// A stored file is referenced from task data as "media://<id>/<name>" (store/media.js) or
// "media://<id>"; <id> is the media record's key.
const MEDIA_REF = /^media:\/\/([^/?#]+)/;

// Keys Label Studio writes on every exported annotation / prediction / task, with the value it
// writes when Labelcore has nothing to say. Stored keys win; unknown stored keys are kept.
const ANNOTATION_DEFAULTS = {
  id: null, completed_by: null, result: [], was_cancelled: false, ground_truth: false,
  created_at: null, updated_at: null, draft_created_at: null, lead_time: null, prediction: {},
  result_count: 0, import_id: null, last_action: null, bulk_created: false, task: null, project: null,
  updated_by: null, parent_prediction: null, parent_annotation: null, last_created_by: null,
};
const PREDICTION_DEFAULTS = {
  id: null, result: [], model_version: "", score: null, cluster: null, neighbors: null,
  mislabeling: 0, created_at: null, updated_at: null, model: null, model_run: null, task: null, project: null,
};
const TASK_KEYS_FIRST = ["id", "annotations", "drafts", "predictions", "data", "meta", "created_at", "updated_at",
  "inner_id", "total_annotations", "cancelled_annotations", "total_predictions", "comment_count",
  "unresolved_comment_count", "last_comment_updated_at", "project", "updated_by", "comment_authors"];

/** An annotation record as Label Studio exports it. */
export function lsAnnotation(record) {
  const out = { ...ANNOTATION_DEFAULTS, ...record };
  out.result = Array.isArray(record.result) ? record.result : [];
  out.was_cancelled = Boolean(record.was_cancelled);
  out.ground_truth = Boolean(record.ground_truth);
  if (record.result_count === undefined) out.result_count = out.result.length;
  return out;
}

/** A prediction record as Label Studio exports it. */
export function lsPrediction(record) {
  const out = { ...PREDICTION_DEFAULTS, ...record };
  out.result = Array.isArray(record.result) ? record.result : [];
  return out;
}

/** A task record with its annotations (and predictions, when given) as Label Studio exports it. */
export function lsTask(record, annotations, predictions, totalPredictions) {
  const cancelled = annotations.reduce((n, a) => n + (a.was_cancelled ? 1 : 0), 0);
  const values = {
    ...record,
    annotations, drafts: [], meta: record.meta ?? {},
    inner_id: record.inner_id ?? record.id,
    total_annotations: annotations.length - cancelled, cancelled_annotations: cancelled,
    total_predictions: totalPredictions,
    comment_count: 0, unresolved_comment_count: 0, last_comment_updated_at: null,
    updated_by: record.updated_by ?? null, comment_authors: [],
  };
  if (predictions) values.predictions = predictions;
  const out = {};
  for (const key of TASK_KEYS_FIRST) if (key in values) out[key] = values[key];
  for (const key of Object.keys(values)) if (!(key in out)) out[key] = values[key];
  return out;
}

function groupByTask(records, wanted, shape) {
  const out = new Map();
  for (const record of records) {
    if (wanted && !wanted.has(record.task)) continue;
    const list = out.get(record.task);
    const item = shape(record);
    if (list) list.push(item); else out.set(record.task, [item]);
  }
  return out;
}

/** task id -> number of predictions, from keys only (no prediction is read). */
async function predictionCounts(tx, projectId, tasks) {
  const counts = new Map();
  const store = tx.objectStore("predictions");
  if (!tasks.length || !(await store.index("project").count(projectId))) return counts;
  // The project index gives primary keys; the task index gives task ids: walk the task index
  // over this project's range of task ids.
  let low = Infinity, high = -Infinity;
  for (const t of tasks) { if (t.id < low) low = t.id; if (t.id > high) high = t.id; }
  const range = IDBKeyRange.bound(low, high);
  for (let cursor = await store.index("task").openKeyCursor(range); cursor; cursor = await cursor.continue()) {
    counts.set(cursor.key, (counts.get(cursor.key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The tasks of a project as Label Studio JSON, in id order (or in the order of `taskIds`).
 *   scope        "annotated" (tasks with at least one annotation, skipped ones count) | "all"
 *   taskIds      only these tasks (a Data Manager view or selection), in this order
 *   includePredictions  add each task's predictions
 *   onProgress({done, total, phase})
 */
export async function exportTasks(projectId, { scope = "annotated", taskIds = null, includePredictions = false, onProgress } = {}) {
  const report = (done, total, phase) => onProgress?.({ done, total, phase });
  const stores = ["tasks", "annotations", "predictions"];
  return read(stores, async (tx) => {
    report(0, 3, "tasks");
    let tasks;
    if (taskIds) {
      const store = tx.objectStore("tasks");
      tasks = (await Promise.all(taskIds.map((id) => store.get(id)))).filter((t) => t && t.project === projectId);
    } else {
      tasks = await tx.objectStore("tasks").index("project").getAll(projectId);
    }
    report(1, 3, "annotations");
    const wanted = taskIds ? new Set(tasks.map((t) => t.id)) : null;
    const annotations = groupByTask(await tx.objectStore("annotations").index("project").getAll(projectId), wanted, lsAnnotation);
    report(2, 3, "predictions");
    let predictions = null;
    let counts;
    if (includePredictions) {
      predictions = groupByTask(await tx.objectStore("predictions").index("project").getAll(projectId), wanted, lsPrediction);
      counts = new Map([...predictions].map(([task, list]) => [task, list.length]));
    } else {
      counts = await predictionCounts(tx, projectId, tasks);
    }
    const out = [];
    for (const task of tasks) {
      const own = annotations.get(task.id) ?? [];
      if (scope === "annotated" && !own.length) continue;
      out.push(lsTask(task, own, predictions ? predictions.get(task.id) ?? [] : null, counts.get(task.id) ?? 0));
    }
    report(3, 3, "done");
    return out;
  });
}

function* stringsIn(value) {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === "object") for (const item of Object.values(value)) yield* stringsIn(item);
}

/** The stored-media references (`media://<id>/<name>`) the tasks' data hold. */
export function mediaRefs(tasks) {
  const refs = new Set();
  for (const task of tasks) for (const s of stringsIn(task.data)) if (MEDIA_REF.test(s)) refs.add(s);
  return refs;
}

async function mediaRecords(projectId, refs) {
  return read(["media"], async (tx) => {
    const store = tx.objectStore("media");
    const found = await Promise.all([...refs].map(async (ref) => {
      const id = MEDIA_REF.exec(ref)[1];
      const record = (await store.get(id)) ?? (/^\d+$/.test(id) ? await store.get(Number(id)) : undefined);
      return record && record.project === projectId && record.blob ? [ref, record] : null;
    }));
    return found.filter(Boolean);
  });
}

/**
 * The stored media the tasks name: {media: {ref: Uint8Array}, media_names: {ref: file name}, bytes}.
 * Names always (label files are named after their image); bytes only `withBytes` (the
 * "with images/media" formats).
 */
export async function exportMedia(projectId, tasks, { withBytes = false, onProgress } = {}) {
  const refs = mediaRefs(tasks);
  const records = refs.size ? await mediaRecords(projectId, refs) : [];
  const media = {};
  const media_names = {};
  let bytes = 0;
  for (const [i, [ref, record]] of records.entries()) {
    if (record.name) media_names[ref] = record.name;
    if (!withBytes) continue;
    onProgress?.({ done: i, total: records.length, phase: "media" });
    media[ref] = new Uint8Array(await record.blob.arrayBuffer()); // goes to the core as bytes
    bytes += record.blob.size;
  }
  onProgress?.({ done: records.length, total: records.length, phase: "media" });
  return { media, media_names, bytes };
}

function lacksSizes(task) {
  return (task.annotations ?? []).some((a) => (a.result ?? []).some(
    (r) => r && r.original_width == null && r.value && ("x" in r.value || "points" in r.value)));
}

/**
 * {ref: [width, height]} of the stored images named by tasks whose results lack
 * original_width/height (COCO, VOC and YOLO need pixels); decoded only for those tasks.
 */
export async function imageSizes(projectId, tasks) {
  const refs = mediaRefs(tasks.filter(lacksSizes));
  if (!refs.size) return {};
  const records = await mediaRecords(projectId, refs);
  const sizes = {};
  for (const [ref, record] of records) {
    if (!String(record.type ?? "").startsWith("image/") && record.type) continue;
    try {
      const bitmap = await createImageBitmap(record.blob);
      sizes[ref] = [bitmap.width, bitmap.height];
      bitmap.close();
    } catch { /* not an image the browser decodes: the core reads the header if it has the bytes */ }
  }
  return sizes;
}
