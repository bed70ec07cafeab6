// The label stream: which task to open next, and the task order for previous/next. What makes a
// task done, full or next is store/status.js's (its header: overlap, sampling, who did what);
// this module finds the rows it works on. Both read the Data Manager's column index
// (store/views.js projectIndex, brought up to date with only what changed), never every task
// and annotation of the project. With a Data Manager view (?view=<id>) the rows are the view's,
// filtered and in its order ("Label Tasks As Displayed"); without one, inner_id then id.
import { db } from "../../store/db.js";
import { projectIndex, getView } from "../../store/views.js";
import { queryIndex, idsOfRows } from "../../store/task-index.js";
import { streamRows, pickNext } from "../../store/status.js";

/** The index of a project (`fresh`: brought up to date first) and the rows of the stream (a view's
 *  when viewId is given). */
async function streamOf(project, viewId, fresh = true) {
  const index = await projectIndex(project, { fresh });
  if (viewId == null) return { index, rows: streamRows(index) };
  const view = await getView(viewId);
  return { index, rows: queryIndex(index, view ?? {}) };
}

/** Task ids of a project in stream order (the view's when viewId is given), for previous / next:
 *  from the index as this page last brought it up to date (nextTask does, on each Submit), which
 *  spares the next task's screen a second check of the whole project. */
export async function taskOrder(project, viewId = null) {
  const { index, rows } = await streamOf(project, viewId, false);
  return idsOfRows(index, rows);
}

/** Read one task (the Data Manager's getTask when it exists, else the store, read-only). */
export async function loadTask(id) {
  const tasks = await import("../../store/tasks.js").catch(() => null);
  if (tasks?.getTask) return tasks.getTask(id);
  return (await db()).get("tasks", id);
}

/** The current annotator's profile (profiles.js), or null when there is none. */
export async function annotator() {
  const profiles = await import("../../store/profiles.js").catch(() => null);
  const profile = profiles?.currentProfile ? await profiles.currentProfile() : null;
  return profile ?? null;
}

/** The next task to label, or null when every task is done or full. */
export async function nextTask(project, me, { viewId = null, exclude = null } = {}) {
  const { index, rows } = await streamOf(project, viewId);
  return pickNext(index, rows, project, me, { exclude });
}
