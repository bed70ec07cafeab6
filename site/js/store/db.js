// The one owner of IndexedDB. Every other module reads and writes through the
// functions exported here (and the per-store modules beside it).
//
// Schema (database "labelcore"). Change it only by appending a migration below. Task,
// annotation and prediction records are built only by store/records.js.
//   projects     keyPath id (auto)   {id, name, description, color, label_config, parsed_config,
//                                     settings, created_at, updated_at}
//   tasks        keyPath id (auto)   {id, project, data, meta, created_at, updated_at, inner_id}
//                                     index project; index project_inner [project, inner_id]
//   annotations  keyPath id (auto)   {id, task, project, result, completed_by, was_cancelled,
//                                     ground_truth, created_at, updated_at, lead_time, ...}
//                                     index task; index project
//   predictions  keyPath id (auto)   {id, task, project, result, score, model_version, ...}
//                                     index task; index project
//   drafts       keyPath id (auto)   {id, task, project, annotator, result, history, updated_at}
//                                     index task_annotator [task, annotator] (unique); index project
//   media        keyPath id (auto)   {id, project, name, type, size, blob}   index project
//   profiles     keyPath id (auto)   {id, name, email, created_at}
//   views        keyPath id (auto)   {id, project, title, filters, ordering, columns}  index project
//   settings     keyPath key         {key, value}   (app-wide: current profile, storage persistence, ...)
//   task_index   keyPath project     the Data Manager's column index of a project, kept between
//                                     sessions (store/task-index-store.js owns its shape)
// v2 added: tasks index project_updated [project, updated_at];
//           annotations index project_updated [project, updated_at]
//
// Every write goes through `write(stores, fn)`: one readwrite transaction; if `fn` throws or
// any request fails, the transaction aborts and the previous state is left intact.

import { openDB, deleteDB } from "../../vendor/idb.js";

export const DB_NAME = "labelcore";

// migrations[i] upgrades version i to i+1. Never edit a shipped migration: add one.
const migrations = [
  (db) => {
    const projects = db.createObjectStore("projects", { keyPath: "id", autoIncrement: true });
    projects.createIndex("updated_at", "updated_at");
    const tasks = db.createObjectStore("tasks", { keyPath: "id", autoIncrement: true });
    tasks.createIndex("project", "project");
    tasks.createIndex("project_inner", ["project", "inner_id"]);
    for (const name of ["annotations", "predictions"]) {
      const store = db.createObjectStore(name, { keyPath: "id", autoIncrement: true });
      store.createIndex("task", "task");
      store.createIndex("project", "project");
    }
    const drafts = db.createObjectStore("drafts", { keyPath: "id", autoIncrement: true });
    drafts.createIndex("task_annotator", ["task", "annotator"], { unique: true });
    drafts.createIndex("project", "project");
    db.createObjectStore("media", { keyPath: "id", autoIncrement: true }).createIndex("project", "project");
    db.createObjectStore("profiles", { keyPath: "id", autoIncrement: true });
    db.createObjectStore("views", { keyPath: "id", autoIncrement: true }).createIndex("project", "project");
    db.createObjectStore("settings", { keyPath: "key" });
  },
  // v2 (Data Manager): its column index kept between sessions, and indexes that say which tasks
  // and annotations changed since a time (so that a kept index is brought up to date cheaply).
  (database, transaction) => {
    database.createObjectStore("task_index", { keyPath: "project" });
    transaction.objectStore("tasks").createIndex("project_updated", ["project", "updated_at"]);
    transaction.objectStore("annotations").createIndex("project_updated", ["project", "updated_at"]);
  },
];

export const DB_VERSION = migrations.length;

let dbPromise = null;

export function db() {
  if (!dbPromise) {
    dbPromise = openDB(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        for (let v = oldVersion; v < DB_VERSION; v++) migrations[v](database, transaction);
      },
      blocked() {
        console.warn("labelcore: an older tab holds the database open; close it to upgrade");
      },
      blocking() {
        // A newer version of the app wants to upgrade: let it, and reload into it.
        dbPromise?.then((d) => d.close());
        dbPromise = null;
      },
    });
  }
  return dbPromise;
}

/** Run `fn(tx)` in one readwrite transaction over `stores`; all or nothing. */
export async function write(stores, fn) {
  const database = await db();
  const tx = database.transaction(stores, "readwrite");
  let result;
  try {
    result = await fn(tx);
  } catch (err) {
    try { tx.abort(); } catch { /* already finished */ }
    await tx.done.catch(() => {});
    throw err;
  }
  await tx.done;
  return result;
}

/** Run `fn(tx)` in one readonly transaction over `stores`. */
export async function read(stores, fn) {
  const database = await db();
  const tx = database.transaction(stores, "readonly");
  const result = await fn(tx);
  await tx.done;
  return result;
}

export async function getSetting(key, fallback = undefined) {
  const row = await (await db()).get("settings", key);
  return row === undefined ? fallback : row.value;
}

export async function setSetting(key, value) {
  await write(["settings"], (tx) => tx.objectStore("settings").put({ key, value }));
}

/** Ask the browser not to evict our data under storage pressure; remember the answer. */
export async function requestPersistence() {
  if (!navigator.storage?.persist) return { persisted: false, supported: false };
  const persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  const estimate = navigator.storage.estimate ? await navigator.storage.estimate() : {};
  const state = { persisted, supported: true, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
  await setSetting("storage", state);
  return state;
}

/** Close and delete the whole database (used by tests and "reset all data"). */
export async function destroy() {
  if (dbPromise) (await dbPromise).close();
  dbPromise = null;
  await deleteDB(DB_NAME);
}

export const now = () => new Date().toISOString();
