// Drafts: the in-progress annotation of one task by one annotator, saved on every edit so a
// reload (or a crash) restores it exactly, undo history included.
//   {id, task, project, annotator (profile id, 0 when there is no profile), annotation (the id
//    of the annotation being updated, or null), result, flags, history: {past, future},
//    prediction (the id a pre-label came from, or null), lead_time (seconds so far),
//    pending (text typed in a TextArea but not yet added: {[key]: text}, see labeling/regions.js),
//    created_at, updated_at}
// Writes are queued so they land in edit order.
import { db, write, now } from "./db.js";

let queue = Promise.resolve();

export async function getDraft(task, annotator) {
  return (await db()).getFromIndex("drafts", "task_annotator", [task, annotator ?? 0]);
}

export async function draftsOfProject(projectId) {
  return (await db()).getAllFromIndex("drafts", "project", projectId);
}

/** Save (create or replace) the draft of task+annotator; resolves to its id. */
export function saveDraft(draft) {
  const run = () => write(["drafts"], async (tx) => {
    const store = tx.objectStore("drafts");
    const key = [draft.task, draft.annotator ?? 0];
    const existing = await store.index("task_annotator").get(key);
    const stamp = now();
    const record = {
      ...draft, annotator: draft.annotator ?? 0,
      created_at: existing?.created_at ?? stamp, updated_at: stamp,
    };
    if (existing) record.id = existing.id; else delete record.id;
    return store.put(record);
  });
  queue = queue.then(run, run);
  return queue;
}

/** Resolves when every queued draft write has landed. */
export const draftsSettled = () => queue.then(() => undefined, () => undefined);

export async function deleteDraft(task, annotator) {
  await draftsSettled();
  await write(["drafts"], async (tx) => {
    const store = tx.objectStore("drafts");
    const key = await store.index("task_annotator").getKey([task, annotator ?? 0]);
    if (key !== undefined) await store.delete(key);
  });
}
