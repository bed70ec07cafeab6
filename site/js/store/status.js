// Task status: the one owner of when a task is completed, how many annotations it wants (the
// project's overlap), whose work it holds, and which task the label stream opens next. Pure
// functions over a project and the Data Manager's column index (task-index.js); no IndexedDB.
//
//   overlapOf(project)          -> annotations wanted per task: settings.maximum_annotations
//                                  (Label Studio's name, written by Settings), else an `overlap` key
//                                  (never written here, read for safety), default 1
//   counts(annotation)          -> whether it counts toward the overlap (not skipped)
//   isCompleted(counted, overlap) -> a task with `counted` such annotations is completed
//   sameAnnotator(completedBy, me) -> completed_by as stored (an id, {email}, or null) is `me`
//   whoKeys(completedBy)        -> the identity keys an annotation carries (the index keeps them
//                                  per task in STATUS_COLUMNS.who: "done by me" without the records)
//   streamRows(index)           -> the rows of the label stream without a view: inner_id, then id
//                                  (a Uint32Array, worked out once per order column)
//   pickNext(index, rows, project, me, {exclude}) -> the task id to open next, or null
//
// The label stream (labeling/core/stream.js): from `rows` (the stream order, or a Data Manager
// view's rows) it drops the task just left (`exclude`), tasks the current annotator annotated or
// skipped, and full tasks (`overlapOf` annotations that count); the project's `sampling` picks
// one: "sequential" the first, "random" uniformly, "uncertainty" the lowest prediction score
// (a task's lowest; unscored last; ties in stream order).

/** Index columns this module reads besides Label Studio's (task-index.js fills them). */
export const STATUS_COLUMNS = Object.freeze({
  who: "status:who",          // per task: identity keys of everyone who annotated or skipped it
  inner: "status:inner",      // inner_id ?? id (the stream order)
  minScore: "status:min_score",  // the lowest numeric prediction score, Infinity when none
});

export function overlapOf(project) {
  const s = project?.settings ?? {};
  return Math.max(1, Number(s.maximum_annotations ?? s.overlap) || 1);
}

export const counts = (annotation) => !annotation.was_cancelled;

export const isCompleted = (counted, overlap) => counted >= overlap;

export function sameAnnotator(completedBy, me) {
  if (completedBy == null || typeof completedBy !== "object") return (completedBy ?? null) === (me?.id ?? null);
  return Boolean(me?.email) && completedBy.email === me.email;
}

// Identity as keys, so that sameAnnotator(by, me) holds exactly when whoKeys(by) and myKeys(me) meet.
export function whoKeys(completedBy) {
  if (completedBy == null || typeof completedBy !== "object") return [`id:${JSON.stringify(completedBy ?? null)}`];
  return completedBy.email ? [`email:${JSON.stringify(completedBy.email)}`] : [];
}

function myKeys(me) {
  const keys = new Set([`id:${JSON.stringify(me?.id ?? null)}`]);
  if (me?.email) keys.add(`email:${JSON.stringify(me.email)}`);
  return keys;
}

// The stream order depends on the order column only (a patched index shares it when no task came
// or went): worked out once per column.
const orders = new WeakMap();

export function streamRows(index) {
  const inner = index.columns[STATUS_COLUMNS.inner], ids = index.ids;
  let rows = orders.get(inner);
  if (rows) return rows;
  rows = new Uint32Array(index.size);
  for (let r = 0; r < index.size; r++) rows[r] = r;
  let sorted = true;  // rows are in id order; usually inner_id follows it and no sort is needed
  for (let r = 1; r < index.size && sorted; r++) sorted = inner[r - 1] <= inner[r];
  if (!sorted) rows = Uint32Array.from([...rows].sort((a, b) => inner[a] - inner[b] || ids[a] - ids[b]));
  orders.set(inner, rows);
  return rows;
}

// sampling setting -> pick one row from the open ones (in stream order); `first`: the first open
// row is the answer, so the scan stops there.
const SAMPLERS = {
  sequential: Object.assign((open) => open[0], { first: true }),
  random: (open) => open[Math.floor(Math.random() * open.length)],
  uncertainty(open, index) {
    const score = index.columns[STATUS_COLUMNS.minScore];
    let best = open[0];
    for (const r of open) if (score[r] < score[best]) best = r;
    return best;
  },
};

export function pickNext(index, rows, project, me, { exclude = null } = {}) {
  const overlap = overlapOf(project), mine = myKeys(me);
  const { ids } = index, counted = index.columns["tasks:total_annotations"], who = index.columns[STATUS_COLUMNS.who];
  const sampler = SAMPLERS[project.settings?.sampling] ?? SAMPLERS.sequential;
  const open = [];
  for (const r of rows) {
    if (ids[r] === exclude || isCompleted(counted[r], overlap)) continue;
    if (who[r]?.some((k) => mine.has(k))) continue;
    open.push(r);
    if (sampler.first) break;
  }
  if (!open.length) return null;
  return ids[sampler(open, index)];
}
