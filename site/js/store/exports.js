// What an export reads: a project's stored records, handed to the core as they are stored, and
// the media bytes the "with images" formats add. Read-only: every read goes through db.js's
// read(); nothing here writes.
//
// The Label Studio export shape (key order, counts, defaults) and which tasks an export takes
// (annotated only, all, a view, a selection) are the core's: exporters/ls_shape.py and
// records.select_tasks. Here each task record gets its own annotation records as `annotations`
// and, when asked for, its prediction records as `predictions`; else `total_predictions`, the
// number stored (counted from keys: no prediction is read).
//
// Memory: the records IndexedDB returns are nested, not copied, so the page holds one copy of
// the project while the worker receives its own.

import { read } from "./db.js";

// A stored file is referenced from task data as "media://<id>/<name>" (store/media.js) or
// "media://<id>"; <id> is the media record's key.
const MEDIA_REF = /^media:\/\/([^/?#]+)/;

function groupByTask(records, wanted) {
  const out = new Map();
  for (const record of records) {
    if (wanted && !wanted.has(record.task)) continue;
    const list = out.get(record.task);
    if (list) list.push(record); else out.set(record.task, [record]);
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
 * The stored tasks of a project with their annotations (see the header), in id order, or only
 * the tasks `taskIds` names, in that order (the core is told the same ids and keeps their order).
 *   includePredictions  nest each task's prediction records (else their count)
 *   onProgress({done, total, phase})
 */
export async function exportTasks(projectId, { taskIds = null, includePredictions = false, onProgress } = {}) {
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
    const annotations = groupByTask(await tx.objectStore("annotations").index("project").getAll(projectId), wanted);
    report(2, 3, "predictions");
    const predictions = includePredictions
      ? groupByTask(await tx.objectStore("predictions").index("project").getAll(projectId), wanted) : null;
    const counts = includePredictions ? null : await predictionCounts(tx, projectId, tasks);
    for (const task of tasks) {
      task.annotations = annotations.get(task.id) ?? [];
      if (predictions) task.predictions = predictions.get(task.id) ?? [];
      else task.total_predictions = counts.get(task.id) ?? 0;
    }
    report(3, 3, "done");
    return tasks;
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
