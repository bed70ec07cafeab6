// Annotations: read per task / project; Submit turns a draft into an annotation, Update edits
// one, Skip records was_cancelled: true; each in one transaction that also removes the draft.
// Records are built by store/records.js (Label Studio's annotation keys plus `task` and `project`).
import { db, write, now } from "./db.js";
import { annotationRecord } from "./records.js";

export async function annotationsOfTask(taskId) {
  return (await db()).getAllFromIndex("annotations", "task", taskId);
}

export async function annotationsOfProject(projectId) {
  return (await db()).getAllFromIndex("annotations", "project", projectId);
}

export async function getAnnotation(id) {
  return (await db()).get("annotations", id);
}

/**
 * Create an annotation (Submit, or Skip with was_cancelled) and delete the draft it came from.
 * fields: {task, project, result, completed_by, lead_time, was_cancelled, parent_prediction}
 * draft: [task, annotator] of the draft to delete in the same transaction (drafts.js), or null.
 */
export async function createAnnotation(fields, draft = null) {
  const stamp = now();
  const record = annotationRecord({
    result: fields.result, was_cancelled: fields.was_cancelled, lead_time: round(fields.lead_time ?? 0),
    completed_by: fields.completed_by, parent_prediction: fields.parent_prediction,
  }, { task: fields.task, project: fields.project, created_at: stamp, updated_at: stamp }, stamp);
  return write(["annotations", "drafts"], async (tx) => {
    const id = await tx.objectStore("annotations").add(record);
    await dropDraft(tx, draft);
    return { ...record, id };
  });
}

/** Update an annotation's result (and lead time, added to the time already spent). */
export async function updateAnnotation(id, { result, lead_time = 0, was_cancelled = false }, draft = null) {
  return write(["annotations", "drafts"], async (tx) => {
    const store = tx.objectStore("annotations");
    const current = await store.get(id);
    if (!current) throw new Error(`Annotation ${id} does not exist any more.`);
    const next = annotationRecord({ ...current, result, was_cancelled, lead_time: round((current.lead_time ?? 0) + lead_time) },
      { id, task: current.task, project: current.project, updated_at: now() });
    await store.put(next);
    await dropDraft(tx, draft);
    return next;
  });
}

async function dropDraft(tx, draft) {
  if (!draft) return;
  const drafts = tx.objectStore("drafts");
  const key = await drafts.index("task_annotator").getKey(draft);
  if (key !== undefined) await drafts.delete(key);
}

const round = (s) => Math.round(Number(s) * 1000) / 1000;
