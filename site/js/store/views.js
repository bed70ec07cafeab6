// Saved Data Manager tabs ("views") and the current tab's scope. Reads and writes only through db.js.
//
// A view: {id, project, title, order, filters: {conjunction, items: [{filter, operator, type, value}]},
//          ordering: ["-tasks:id"], columns: {hidden: [field ids], width: {field id: px}, order: [field ids]}, search}
// (field ids, operators and ordering are Label Studio's Data Manager names; see task-index.js).
//
// Stable API (other screens import these):
//   taskIdsForView(projectId, viewId)  -> the tab's task ids, filtered and in its order
//                                         ("Label Tasks As Displayed")
//   currentScope(projectId)            -> {projectId, viewId, filters, ordering, search,
//                                          selection: {all, included: [ids], excluded: [ids]}} or null
//                                         (what the Data Manager shows right now; "Export selected")
//   scopeTaskIds(scope)                -> the task ids a scope selects, in the tab's order
//   projectIndex(project, {fresh, onInterim}) -> the project's column index (task-index.js), kept
//                                         between sessions and brought up to date incrementally
// The Data Manager also announces changes to tasks on the BroadcastChannel "labelcore:tasks"
// ({projectId}), so other tabs on the same project refresh.

import { db, write, getSetting, setSetting } from "./db.js";
import { getProject } from "./projects.js";
import { buildIndexOffThread, queryIndex, idsOfRows, patchIndex, DEFAULT_HIDDEN } from "./task-index.js";
import { loadSnapshot, changesSince, indexCounts, configKey } from "./task-index-store.js";

export const emptyFilters = () => ({ conjunction: "and", items: [] });

function normalize(view) {
  return {
    ...view,
    title: String(view.title ?? "Default"),
    filters: view.filters?.items ? view.filters : emptyFilters(),
    ordering: Array.isArray(view.ordering) ? view.ordering : [],
    columns: { hidden: view.columns?.hidden ?? [...DEFAULT_HIDDEN], width: view.columns?.width ?? {}, order: view.columns?.order ?? [] },
    search: view.search ?? "",
  };
}

export async function getView(id) {
  const view = await (await db()).get("views", Number(id));
  return view && normalize(view);
}

/** The project's tabs in their order; a project with none gets a "Default" tab. */
export async function listViews(projectId) {
  let views = await (await db()).getAllFromIndex("views", "project", projectId);
  if (!views.length) views = [await createView(projectId, { title: "Default" })];
  return views.map(normalize).sort((a, b) => (a.order ?? a.id) - (b.order ?? b.id) || a.id - b.id);
}

export async function createView(projectId, fields = {}) {
  const view = normalize({ ...fields, project: projectId, order: fields.order ?? Date.now() });
  delete view.id;
  const id = await write(["views"], (tx) => tx.objectStore("views").add(view));
  return { ...view, id };
}

export async function updateView(id, changes) {
  return write(["views"], async (tx) => {
    const store = tx.objectStore("views");
    const current = await store.get(Number(id));
    if (!current) throw new Error(`Tab ${id} does not exist any more.`);
    const next = normalize({ ...current, ...changes, id: current.id, project: current.project });
    await store.put(next);
    return next;
  });
}

export async function deleteView(id) {
  await write(["views"], (tx) => tx.objectStore("views").delete(Number(id)));
}

const activeKey = (projectId) => `data-manager:tab:${projectId}`;
export const getActiveViewId = (projectId) => getSetting(activeKey(projectId), null);
export const setActiveViewId = (projectId, viewId) => setSetting(activeKey(projectId), viewId);

// ---- the column index: in memory for the page's life, kept in IndexedDB between sessions
// (task-index-store.js), brought up to date by reading again only the tasks that changed.

const indexes = new Map();
const REBUILD_AFTER = 500;  // patched rows past which a background rebuild refreshes the kept copy
const sameCounts = (a, b) => a.tasks === b.tasks && a.annotations === b.annotations && a.predictions === b.predictions;

/** Rebuild in the worker (which also keeps the result); the in-memory index follows when done. */
function rebuild(project) {
  const pending = buildIndexOffThread(project);
  // A background rebuild replaces the index in use, unless an update of it is under way.
  pending.then((index) => { if (!(indexes.get(project.id) instanceof Promise)) indexes.set(project.id, index); }, () => {});
  return pending;
}

/** An index built under the project's current settings (status.js's overlap, data keys), else null. */
const current = (index, project) => (index && index.config === configKey(project) ? index : null);

async function upToDate(project, known, onInterim) {
  const base = current(known, project) ?? await loadSnapshot(project).catch(() => null);
  if (!base) {
    onInterim?.(null);
    return rebuild(project);
  }
  const changes = await changesSince(project, base);
  let index = base;
  if (changes.changed?.length) index = await patchIndex(base, project, changes.changed);
  if (changes.changed === null || !sameCounts(indexCounts(index), changes.counts)) {
    onInterim?.({ ...index, stale: true });
    return rebuild(project);
  }
  index = { ...index, startedAt: changes.checkedAt, lastPrediction: changes.lastPrediction };
  if (index.fromSnapshot && changes.changed.length > REBUILD_AFTER) rebuild(project);
  return index;
}

/**
 * The project's column index. `fresh` brings it up to date with IndexedDB first (reading again only
 * what changed, or rebuilding in a worker); `onInterim(index | null)` receives, while a rebuild runs,
 * the out-of-date index (`stale: true`) or null when there is none yet.
 */
export async function projectIndex(project, { fresh = false, onInterim } = {}) {
  const cached = indexes.get(project.id);
  if (cached && !fresh && (cached instanceof Promise || current(cached, project))) return cached;
  // One update at a time per project: the next starts from what the one under way ends with.
  const prior = cached instanceof Promise ? cached.catch(() => null) : Promise.resolve(cached ?? null);
  const pending = prior.then((known) => upToDate(project, known, onInterim));
  indexes.set(project.id, pending);
  try {
    const index = await pending;
    if (indexes.get(project.id) === pending) indexes.set(project.id, index);
    return index;
  } catch (err) {
    if (indexes.get(project.id) === pending) indexes.delete(project.id);
    throw err;
  }
}

/** The index in memory, if any (with `project`: only one built under its current settings). */
export function cachedIndex(projectId, project = null) {
  const value = indexes.get(projectId);
  const index = value && !(value instanceof Promise) ? value : null;
  return project ? current(index, project) : index;
}

/**
 * After a change to some tasks made here (a bulk action): the in-memory index with those rows read
 * again, and, when rows or annotations went (which the kept copy cannot tell), a rebuild of the kept
 * copy in the background. Other tabs are told to catch up.
 */
export async function tasksChanged(project, taskIds, { removed = false } = {}) {
  const known = cachedIndex(project.id, project);
  if (known && taskIds.length <= REBUILD_AFTER * 10) {
    indexes.set(project.id, await patchIndex(known, project, taskIds));
    if (removed) rebuild(project);
  } else {
    indexes.delete(project.id);
  }
  announceTasksChanged(project.id, { local: false });
}

/** Tell this page (unless `local` is false) and other tabs that a project's tasks changed. */
export function announceTasksChanged(projectId, { local = true } = {}) {
  if (local) indexes.delete(projectId);
  try {
    const channel = new BroadcastChannel("labelcore:tasks");
    channel.postMessage({ projectId });
    channel.close();
  } catch { /* no BroadcastChannel: nothing to tell */ }
}

export async function taskIdsForView(projectId, viewId) {
  const project = await getProject(Number(projectId));
  if (!project) throw new Error(`There is no project ${projectId}.`);
  const view = viewId != null ? await getView(viewId) : null;
  const index = await projectIndex(project, { fresh: true });
  return idsOfRows(index, queryIndex(index, view ?? {}));
}

// ---- the current tab's scope (in memory: what the Data Manager on screen shows and selects)

const scopes = new Map();

export function setCurrentScope(projectId, scope) {
  scopes.set(projectId, scope);
}

export function currentScope(projectId) {
  const scope = scopes.get(Number(projectId));
  if (!scope) return null;
  const { selection } = scope;
  return {
    ...scope,
    selection: { all: selection.all, included: [...selection.included], excluded: [...selection.excluded] },
  };
}

/** The task ids a scope selects (all-but or the picked ones), in the tab's order. */
export async function scopeTaskIds(scope) {
  const project = await getProject(Number(scope.projectId));
  if (!project) return [];
  const index = await projectIndex(project);
  const ids = idsOfRows(index, queryIndex(index, scope));
  const sel = scope.selection ?? { all: true, included: [], excluded: [] };
  if (sel.all) {
    const excluded = new Set(sel.excluded);
    return ids.filter((id) => !excluded.has(id));
  }
  const included = new Set(sel.included);
  return ids.filter((id) => included.has(id));
}
