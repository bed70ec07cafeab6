// The Data Manager's column index: one compact, read-only snapshot of a project's tasks (ids plus
// every sortable/filterable field as typed arrays or plain arrays), built from IndexedDB in one
// read transaction; queried by task-index-query.js, kept between sessions by task-index-store.js.
//
//   buildIndex(project)                  -> TaskIndex (buildIndexOffThread: the same, in a worker)
//   buildFirstPage(project, limit)       -> a partial TaskIndex of the first tasks (a quick first screen)
//   patchIndex(index, project, taskIds)  -> a new TaskIndex with those tasks' rows read again
//                                           (added, changed or gone), the rest shared
//   fieldsOf(project)                    -> [{id, title, type, kind?, key?}] every column
//
// Fields use Label Studio's Data Manager names ("tasks:id", "tasks:annotations_results",
// "tasks:data.image", ...). Whether a task is completed is status.js's rule (overlapOf: the
// annotations per task Settings asks for); its completed time is then its newest counted
// annotation's. The index also holds status.js's own columns (STATUS_COLUMNS: who worked on each
// task, the stream order, the lowest prediction score) so the label stream needs no other read.
// Ids are kept in ascending order (rows = positions).

import { read } from "./db.js";
import { overlapOf, counts, isCompleted, whoKeys, STATUS_COLUMNS } from "./status.js";
import { configKey } from "./task-index-store.js";
import { NUMBER, DATE, STRING, LIST, BOOLEAN, FIELD_TYPES } from "./task-index-query.js";

export { OPERATORS, textOf, isActive, compileItem, queryIndex, idsOfRows } from "./task-index-query.js";

/** Columns every project has, in Label Studio's order (data columns go after these). */
export const BASE_FIELDS = [
  { id: "tasks:id", title: "ID", type: NUMBER },
  { id: "tasks:completed_at", title: "Completed", type: DATE },
  { id: "tasks:total_annotations", title: "Annotations", type: NUMBER, abbr: "Number of annotations" },
  { id: "tasks:cancelled_annotations", title: "Skipped", type: NUMBER, abbr: "Number of skipped annotations" },
  { id: "tasks:total_predictions", title: "Predictions", type: NUMBER, abbr: "Number of predictions" },
  { id: "tasks:predictions_score", title: "Prediction score", type: NUMBER },
  { id: "tasks:annotators", title: "Annotators", type: LIST },
  { id: "tasks:annotations_results", title: "Annotation results", type: STRING, abbr: "The labels, choices and texts of the annotations" },
  { id: "tasks:predictions_results", title: "Prediction results", type: STRING, abbr: "The labels, choices and texts of the predictions" },
  { id: "tasks:predictions_model_versions", title: "Model version", type: LIST, abbr: "Model versions of the predictions" },
  { id: "tasks:ground_truth", title: "Ground truth", type: BOOLEAN, abbr: "Has a ground truth annotation" },
];
const TAIL_FIELDS = [
  { id: "tasks:created_at", title: "Created", type: DATE },
  { id: "tasks:updated_at", title: "Updated", type: DATE },
  { id: "tasks:avg_lead_time", title: "Lead time", type: NUMBER, abbr: "Average lead time (seconds)" },
];
for (const f of [...BASE_FIELDS, ...TAIL_FIELDS]) FIELD_TYPES.set(f.id, f.type);

/** Columns a new tab hides until asked for (Columns menu). */
export const DEFAULT_HIDDEN = ["tasks:predictions_results", "tasks:ground_truth"];

/** Every column of a project: the fixed ones and one per data key of its parsed config. */
export function fieldsOf(project, extraKeys = []) {
  const objects = project?.parsed_config?.objects ?? [];
  const kinds = new Map();
  for (const o of objects) if (o.data_key && !kinds.has(o.data_key)) kinds.set(o.data_key, o.tag);
  const keys = [...new Set([...(project?.parsed_config?.data_keys ?? []), ...kinds.keys(), ...extraKeys])];
  const data = keys.map((key) => ({ id: `tasks:data.${key}`, title: key, type: STRING, key, kind: kinds.get(key) ?? "Text" }));
  return [...BASE_FIELDS, ...data, ...TAIL_FIELDS];
}

const time = (s) => (s ? Date.parse(s) : NaN);
const maxTime = (a, b) => (Number.isNaN(a) || b > a ? b : a);
const NUMERIC = ["tasks:id", "tasks:completed_at", "tasks:total_annotations", "tasks:cancelled_annotations",
  "tasks:total_predictions", "tasks:predictions_score", "tasks:ground_truth", "tasks:created_at", "tasks:updated_at", "tasks:avg_lead_time",
  STATUS_COLUMNS.inner, STATUS_COLUMNS.minScore];
const LISTS = ["tasks:annotators", "tasks:annotations_results", "tasks:predictions_results", "tasks:predictions_model_versions",
  STATUS_COLUMNS.who];

/** A person's name for the annotators column: a profile's name, an imported {email}, or the raw id. */
function annotatorLabel(by, profiles) {
  if (by == null) return null;
  if (typeof by === "object") return by.email ?? by.username ?? JSON.stringify(by);
  const p = profiles.get(by);
  return p ? (p.name || p.email || `#${by}`) : String(by);
}

/** What a result says, as words: each item's value under its type (labels, choices, text, rating...). */
function resultWords(result, into) {
  if (!Array.isArray(result)) return;
  for (const item of result) {
    const v = item?.value;
    if (!v) continue;
    const said = v[item.type] ?? v.text ?? v.choices ?? v.labels;
    for (const w of Array.isArray(said) ? said.flat(2) : said != null ? [said] : []) {
      if ((typeof w === "string" || typeof w === "number") && !into.includes(String(w))) into.push(String(w));
    }
  }
}

/** Every task, annotation and prediction of the project (one read transaction). */
async function readAll(projectId) {
  return read(["tasks", "annotations", "predictions", "profiles"], (tx) => Promise.all([
    ...["tasks", "annotations", "predictions"].map((s) => tx.objectStore(s).index("project").getAll(projectId)),
    tx.objectStore("profiles").getAll(),
  ]));
}

/** Some tasks (by id, or the first `limit` of the project) with their annotations and predictions. */
async function readTasks(projectId, { ids = null, limit } = {}) {
  return read(["tasks", "annotations", "predictions", "profiles"], async (tx) => {
    const store = tx.objectStore("tasks");
    const tasks = ids
      ? (await Promise.all(ids.map((id) => store.get(id)))).filter((t) => t && t.project === projectId)
      : await store.index("project").getAll(projectId, limit);
    const of = (name) => Promise.all(tasks.map((t) => tx.objectStore(name).index("task").getAll(t.id))).then((l) => l.flat());
    return Promise.all([tasks, of("annotations"), of("predictions"), tx.objectStore("profiles").getAll()]);
  });
}

/** The whole column index of a project. */
export async function buildIndex(project) {
  const startedAt = new Date().toISOString();
  return { ...indexFrom(project, await readAll(project.id)), startedAt };
}

/** An index of the first `limit` tasks only (`partial: true`), to show rows while the whole one builds. */
export async function buildFirstPage(project, limit = 200) {
  return { ...indexFrom(project, await readTasks(project.id, { limit })), partial: true };
}

function indexFrom(project, [tasks, annotations, predictions, profileRows]) {
  const overlap = overlapOf(project);
  for (let i = 1; i < tasks.length; i++) {
    if (tasks[i].id < tasks[i - 1].id) { tasks.sort((a, b) => a.id - b.id); break; }
  }
  const n = tasks.length;
  const profiles = new Map(profileRows.map((p) => [p.id, p]));
  const c = {};
  for (const f of NUMERIC) c[f] = new Float64Array(n);
  for (const f of LISTS) c[f] = new Array(n).fill(null);
  const pos = new Map();
  const dataKeys = new Set(project?.parsed_config?.data_keys ?? []);
  for (let r = 0; r < n; r++) {
    const t = tasks[r];
    c["tasks:id"][r] = t.id;
    pos.set(t.id, r);
    c["tasks:created_at"][r] = time(t.created_at);
    c["tasks:updated_at"][r] = time(t.updated_at);
    c[STATUS_COLUMNS.inner][r] = t.inner_id ?? t.id;
    if (r < 50 && t.data) for (const k of Object.keys(t.data)) dataKeys.add(k);
  }
  for (const key of dataKeys) {
    const col = new Array(n);
    for (let r = 0; r < n; r++) col[r] = tasks[r].data?.[key];
    c[`tasks:data.${key}`] = col;
  }
  const leadSum = new Float64Array(n), leadCount = new Float64Array(n), newest = new Float64Array(n).fill(NaN);
  const total = c["tasks:total_annotations"], annotators = c["tasks:annotators"], results = c["tasks:annotations_results"];
  const workedBy = c[STATUS_COLUMNS.who];
  for (const a of annotations) {
    const r = pos.get(a.task);
    if (r === undefined) continue;
    if (!counts(a)) c["tasks:cancelled_annotations"][r]++;
    else { total[r]++; newest[r] = maxTime(newest[r], time(a.created_at)); resultWords(a.result, results[r] ?? (results[r] = [])); }
    for (const key of whoKeys(a.completed_by)) {
      const keys = workedBy[r] ?? (workedBy[r] = []);
      if (!keys.includes(key)) keys.push(key);
    }
    if (a.ground_truth) c["tasks:ground_truth"][r] = 1;
    if (a.lead_time != null && Number.isFinite(Number(a.lead_time))) { leadSum[r] += Number(a.lead_time); leadCount[r]++; }
    const who = annotatorLabel(a.completed_by, profiles);
    if (who !== null) {
      const list = annotators[r] ?? (annotators[r] = []);
      if (!list.includes(who)) list.push(who);
    }
  }
  const scoreSum = new Float64Array(n), scoreCount = new Float64Array(n);
  let lastPrediction = 0;
  const versions = c["tasks:predictions_model_versions"], presults = c["tasks:predictions_results"];
  const minScore = c[STATUS_COLUMNS.minScore].fill(Infinity);
  for (const p of predictions) {
    const r = pos.get(p.task);
    if (p.id > lastPrediction) lastPrediction = p.id;
    if (r === undefined) continue;
    c["tasks:total_predictions"][r]++;
    if (p.score != null && Number.isFinite(Number(p.score))) { scoreSum[r] += Number(p.score); scoreCount[r]++; }
    if (typeof p.score === "number") minScore[r] = Math.min(minScore[r], p.score);
    if (p.model_version != null && p.model_version !== "") {
      const list = versions[r] ?? (versions[r] = []);
      if (!list.includes(String(p.model_version))) list.push(String(p.model_version));
    }
    resultWords(p.result, presults[r] ?? (presults[r] = []));
  }
  for (let r = 0; r < n; r++) {
    c["tasks:completed_at"][r] = isCompleted(total[r], overlap) ? newest[r] : NaN;
    c["tasks:predictions_score"][r] = scoreCount[r] ? scoreSum[r] / scoreCount[r] : NaN;
    c["tasks:avg_lead_time"][r] = leadCount[r] ? leadSum[r] / leadCount[r] : NaN;
    results[r] = results[r]?.length ? results[r].join(", ") : null;
    presults[r] = presults[r]?.length ? presults[r].join(", ") : null;
  }
  return { projectId: project.id, size: n, ids: c["tasks:id"], columns: c, dataKeys: [...dataKeys], text: {}, builtAt: Date.now(), overlap, lastPrediction,
    config: configKey(project) };
}

/** Binary search of a task id in the (ascending) ids: its row, or -1. */
function rowOfId(ids, id) {
  let lo = 0, hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return mid;
    if (ids[mid] < id) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** The index with the rows of `taskIds` read again: changed rows rewritten, new tasks inserted in id
 *  order, tasks no longer there dropped. Cost grows with the changed tasks, plus one copy of the columns
 *  when rows come or go. */
export async function patchIndex(index, project, taskIds) {
  const fresh = indexFrom(project, await readTasks(project.id, { ids: [...new Set(taskIds)] }));
  const known = new Set(fresh.ids);
  const gone = new Set(taskIds.filter((id) => !known.has(id) && rowOfId(index.ids, id) >= 0));
  const added = [...fresh.ids].filter((id) => rowOfId(index.ids, id) < 0);
  const keys = new Set([...Object.keys(index.columns), ...Object.keys(fresh.columns)]);
  let columns, ids = index.ids;
  if (gone.size || added.length) {
    // The new row order: the old rows that stay, with the new ids merged in, ascending.
    const order = [];
    for (let r = 0; r < index.size; r++) if (!gone.has(index.ids[r])) order.push([index.ids[r], r]);
    for (const id of added) order.push([id, -1]);
    order.sort((a, b) => a[0] - b[0]);
    columns = {};
    for (const key of keys) {
      const old = index.columns[key];
      const typed = (old ?? fresh.columns[key]) instanceof Float64Array;
      const col = typed ? new Float64Array(order.length).fill(NaN) : new Array(order.length).fill(undefined);
      if (old) order.forEach(([, r], k) => { if (r >= 0) col[k] = old[r]; });
      columns[key] = col;
    }
    ids = columns["tasks:id"];
    order.forEach(([id], k) => { ids[k] = id; });
  } else {
    // Copies of the columns whose values change (an index in use, rows on screen or a query, never
    // changes under it); the others are shared. A Submit changes a few columns of one row.
    const rows = [...fresh.ids].map((id) => rowOfId(ids, id));
    const same = (a, b) => Object.is(a, b) || (typeof a === "object" && JSON.stringify(a) === JSON.stringify(b));
    columns = {};
    for (const key of keys) {
      const old = index.columns[key];
      const changed = !old || rows.some((r, k) => !same(old[r], fresh.columns[key]?.[k]));
      columns[key] = !changed ? old : old?.slice() ?? new Array(index.size).fill(undefined);
    }
  }
  for (let k = 0; k < fresh.size; k++) {
    const r = rowOfId(ids, fresh.ids[k]);
    for (const key of keys) if (columns[key] !== index.columns[key]) columns[key][r] = fresh.columns[key]?.[k];
  }
  const dataKeys = [...new Set([...index.dataKeys, ...fresh.dataKeys])];
  return { ...index, fromSnapshot: false, size: ids.length, ids, columns, dataKeys, text: {}, builtAt: Date.now() };
}

/** buildIndex in a module worker of our own (the page stays responsive; the worker also keeps the
 *  index in IndexedDB for the next session); on the main thread if workers fail. */
export function buildIndexOffThread(project) {
  let worker;
  try {
    worker = new Worker(new URL("./task-index-worker.js", import.meta.url), { type: "module" });
  } catch {
    return buildIndex(project);
  }
  const plain = { id: project.id, settings: project.settings ?? {}, parsed_config: project.parsed_config ?? null };
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      worker.terminate();
      if (data.error) { reject(new Error(data.error)); return; }
      resolve(data.index);
    };
    worker.onerror = (event) => {
      worker.terminate();
      console.warn("labelcore: the index worker failed; building on the main thread", event.message);
      buildIndex(project).then(resolve, reject);
    };
    worker.postMessage({ project: plain });
  });
}
