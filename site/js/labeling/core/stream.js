// The label stream: which task to open next, and the task order for previous/next.
// Settings (store/projects.js, projectSettings): sampling "sequential" (default) | "random"
// (uniform) | "uncertainty" (lowest prediction score first, unscored last);
// maximum_annotations (overlap): annotations wanted per task (default 1).
// A task is done for the current annotator when they annotated or skipped it, and full when it
// has `overlap` non-skipped annotations. With a Data Manager view (?view=<id>) the order is
// taskIdsForView(projectId, viewId) ("Label Tasks As Displayed").
import { db } from "../../store/db.js";

/** Task ids of a project in order: the view's order when viewId is given, else inner_id/id. */
export async function taskOrder(projectId, viewId = null) {
  if (viewId != null) {
    const views = await import("../../store/views.js").catch(() => null);
    if (views?.taskIdsForView) return views.taskIdsForView(projectId, Number(viewId));
  }
  const keys = await (await db()).getAllFromIndex("tasks", "project", projectId);
  return keys.sort((a, b) => (a.inner_id ?? a.id) - (b.inner_id ?? b.id) || a.id - b.id).map((t) => t.id);
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
  const order = await taskOrder(project.id, viewId);
  const annotations = await (await db()).getAllFromIndex("annotations", "project", project.id);
  const overlap = Math.max(1, Number(project.settings?.maximum_annotations) || 1);
  const mine = new Set();
  const count = new Map();
  for (const a of annotations) {
    if (sameAnnotator(a.completed_by, me)) mine.add(a.task);
    if (!a.was_cancelled) count.set(a.task, (count.get(a.task) ?? 0) + 1);
  }
  const open = order.filter((id) => id !== exclude && !mine.has(id) && (count.get(id) ?? 0) < overlap);
  if (!open.length) return null;
  return (SAMPLERS[project.settings?.sampling] ?? SAMPLERS.sequential)(open, project);
}

// sampling setting -> pick one task id from the open ones (in stream order)
const SAMPLERS = {
  sequential: (open) => open[0],
  random: (open) => open[Math.floor(Math.random() * open.length)],
  async uncertainty(open, project) {
    const preds = await (await db()).getAllFromIndex("predictions", "project", project.id);
    const score = new Map();
    for (const p of preds) if (typeof p.score === "number") score.set(p.task, Math.min(score.get(p.task) ?? Infinity, p.score));
    const ranked = [...open].sort((a, b) => (score.get(a) ?? Infinity) - (score.get(b) ?? Infinity));
    return ranked[0];
  },
};

/** completed_by as stored (an id, {email}, or null) against the current profile. */
export function sameAnnotator(completedBy, me) {
  if (completedBy == null || typeof completedBy !== "object") return (completedBy ?? null) === (me?.id ?? null);
  return Boolean(me?.email) && completedBy.email === me.email;
}
