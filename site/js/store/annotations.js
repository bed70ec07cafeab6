// Annotations: read per task / project; Submit turns a draft into an annotation, Update edits
// one, Skip records was_cancelled: true; each in one transaction that also removes the draft.
// Records follow Label Studio's annotation keys (ls-format.md) plus `task` and `project`.
import { db, write, now } from "./db.js";

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
  const record = {
    result: fields.result ?? [],
    was_cancelled: Boolean(fields.was_cancelled),
    ground_truth: false,
    created_at: stamp,
    updated_at: stamp,
    lead_time: round(fields.lead_time ?? 0),
    prediction: {},
    result_count: (fields.result ?? []).length,
    task: fields.task,
    project: fields.project,
    completed_by: fields.completed_by ?? null,
    parent_prediction: fields.parent_prediction ?? null,
    parent_annotation: null,
    last_action: null,
  };
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
    const next = {
      ...current, result, result_count: result.length, was_cancelled,
      lead_time: round((current.lead_time ?? 0) + lead_time), updated_at: now(),
    };
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
