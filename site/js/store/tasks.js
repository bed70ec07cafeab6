// Tasks: reads, counts and the Data Manager's bulk actions. Reads and writes only through db.js.
//
// Stable API (other screens import these):
//   getTask(id)                      -> the task record, or undefined
//   getTaskWithRelations(id)         -> {...task, annotations, predictions} (Label Studio's task shape)
//   listTasks(projectId)             -> every task of the project, by id
//   countTasks(projectId)            -> number
// Bulk actions (Data Manager), each one transaction, all or nothing, resolving to how many records went;
// each takes {onProgress(done, total, phase)} last, called as records go (at most every 100 ms):
//   deleteTasks(projectId, taskIds)              tasks + their annotations, predictions, drafts, media
//   deleteAnnotations(projectId, taskIds)        the tasks' annotations (and their drafts)
//   deletePredictions(projectId, taskIds)        the tasks' predictions
//   annotationsFromPredictions(projectId, taskIds, completedBy, {onProgress})
//        Label Studio's "Create Annotations From Predictions": for each task, the newest prediction
//        that no annotation came from yet is copied as an annotation by `completedBy`
//        (parent_prediction = its id, result items origin "prediction").
// Media are referenced from task data as "media://<id>/<name>" (see store/media.js).

import { db, read, write, now } from "./db.js";
import { mediaId } from "./media.js";
import { annotationRecord } from "./records.js";

export async function getTask(id) {
  return (await db()).get("tasks", Number(id));
}

export async function getTaskWithRelations(id) {
  return read(["tasks", "annotations", "predictions"], async (tx) => {
    const task = await tx.objectStore("tasks").get(Number(id));
    if (!task) return undefined;
    const [annotations, predictions] = await Promise.all(["annotations", "predictions"].map(
      (name) => tx.objectStore(name).index("task").getAll(task.id)));
    return { ...task, annotations, predictions };
  });
}

export async function listTasks(projectId) {
  const tasks = await (await db()).getAllFromIndex("tasks", "project", projectId);
  return tasks.sort((a, b) => a.id - b.id);
}

export async function countTasks(projectId) {
  return (await db()).countFromIndex("tasks", "project", projectId);
}

/** Every media id a task's data refers to ("media://<id>/<name>" anywhere in its values, nested too). */
export function mediaIdsOf(data, out = []) {
  if (typeof data === "string") {
    const id = mediaId(data);
    if (id !== null) out.push(id);
  } else if (data && typeof data === "object") {
    for (const value of Object.values(data)) mediaIdsOf(value, out);
  }
  return out;
}

/** The project's records in `store` that belong to one of `taskIds` (a Set). */
async function recordsOfTasks(tx, store, projectId, taskIds) {
  const all = await tx.objectStore(store).index("project").getAll(projectId);
  return all.filter((r) => taskIds.has(r.task));
}

/** A counter that tells `onProgress(done, total, phase)` how far a bulk action got, at most every 100 ms. */
function progress(onProgress, total, phase) {
  let done = 0, last = 0;
  const tick = (k = 1) => {
    done += k;
    const t = Date.now();
    if (onProgress && (t - last > 100 || done === total)) { last = t; onProgress(done, total, phase); }
  };
  tick(0);
  return tick;
}

function deleteKeys(tx, store, keys, tick = null) {
  const os = tx.objectStore(store);
  return Promise.all(keys.map((k) => (tick ? os.delete(k).then(() => tick()) : os.delete(k))));
}

export async function deleteTasks(projectId, taskIds, { onProgress } = {}) {
  const ids = new Set(taskIds);
  if (!ids.size) return 0;
  const stores = ["tasks", "annotations", "predictions", "drafts", "media"];
  return write(stores, async (tx) => {
    const tasks = tx.objectStore("tasks");
    const found = (await Promise.all([...ids].map((id) => tasks.get(id)))).filter((t) => t && t.project === projectId);
    const media = new Set(found.flatMap((t) => mediaIdsOf(t.data)));
    const owned = {};
    for (const store of ["annotations", "predictions", "drafts"]) owned[store] = await recordsOfTasks(tx, store, projectId, ids);
    const mediaRows = (await Promise.all([...media].map((id) => tx.objectStore("media").get(id))))
      .filter((m) => m && m.project === projectId);
    const total = found.length + mediaRows.length + Object.values(owned).reduce((s, rows) => s + rows.length, 0);
    const tick = progress(onProgress, total, "records deleted");
    for (const [store, rows] of Object.entries(owned)) await deleteKeys(tx, store, rows.map((r) => r.id), tick);
    await deleteKeys(tx, "media", mediaRows.map((m) => m.id), tick);
    await deleteKeys(tx, "tasks", found.map((t) => t.id), tick);
    return found.length;
  });
}

export async function deleteAnnotations(projectId, taskIds, { onProgress } = {}) {
  const ids = new Set(taskIds);
  return write(["annotations", "drafts"], async (tx) => {
    const rows = await recordsOfTasks(tx, "annotations", projectId, ids);
    const drafts = await recordsOfTasks(tx, "drafts", projectId, ids);
    const tick = progress(onProgress, rows.length + drafts.length, "records deleted");
    await deleteKeys(tx, "annotations", rows.map((r) => r.id), tick);
    await deleteKeys(tx, "drafts", drafts.map((r) => r.id), tick);
    return rows.length;
  });
}

export async function deletePredictions(projectId, taskIds, { onProgress } = {}) {
  const ids = new Set(taskIds);
  return write(["predictions"], async (tx) => {
    const rows = await recordsOfTasks(tx, "predictions", projectId, ids);
    await deleteKeys(tx, "predictions", rows.map((r) => r.id), progress(onProgress, rows.length, "predictions deleted"));
    return rows.length;
  });
}

const newer = (a, b) => (a.created_at || "").localeCompare(b.created_at || "") || a.id - b.id;

export async function annotationsFromPredictions(projectId, taskIds, completedBy = null, { onProgress } = {}) {
  const ids = new Set(taskIds);
  return write(["predictions", "annotations", "tasks"], async (tx) => {
    const predictions = await recordsOfTasks(tx, "predictions", projectId, ids);
    const annotations = await recordsOfTasks(tx, "annotations", projectId, ids);
    const used = new Set(annotations.map((a) => a.parent_prediction).filter((p) => p != null));
    const newest = new Map();
    for (const p of predictions) {
      if (used.has(p.id)) continue;
      const best = newest.get(p.task);
      if (!best || newer(p, best) > 0) newest.set(p.task, p);
    }
    const stamp = now();
    const store = tx.objectStore("annotations");
    const tick = progress(onProgress, newest.size * 2, "records written");
    await Promise.all([...newest.values()].map((p) => store.add(annotationRecord({
      result: (p.result ?? []).map((item) => ({ ...structuredClone(item), origin: "prediction" })),
      completed_by: completedBy, lead_time: 0, parent_prediction: p.id, last_action: "prediction",
    }, { task: p.task, project: projectId, created_at: stamp, updated_at: stamp }, stamp)).then(() => tick())));
    const tasks = tx.objectStore("tasks");
    await Promise.all([...newest.keys()].map(async (id) => {
      const task = await tasks.get(id);
      if (task) await tasks.put({ ...task, updated_at: stamp });
      tick();
    }));
    return newest.size;
  });
}
