// Writing an import: tasks with their annotations and predictions, and the media Blobs they
// reference, all or nothing.
//
// Up to SINGLE_TX_MAX tasks are written in ONE readwrite transaction: it commits whole or not at
// all. Larger imports are written in chunks of CHUNK tasks, each chunk its own transaction, under
// a rollback record in the settings store:
//     settings["import:<import_id>"] = {project, import_id, started_at, tasks}
// The record is written before the first chunk and deleted in the transaction of the last one
// (that transaction is the commit point). Every task, annotation, prediction and media record an
// import writes carries `import_id`. If the page dies half way (or the import is cancelled), the
// record is still there: `recoverImports()` (run at boot and when the Import dialog opens) undoes
// it by deleting every record of that import_id. So an import is never seen half-written after a
// reload: it is either complete (no record) or undone.
//
// Records written (built by store/records.js; see db.js for the schema):
//   task        records.js's task with import_id, imported_id? (an imported "id"), created_at and
//               updated_at the import's time, inner_id the project's next
//   annotation  records.js's annotation (its own created_at kept) with import_id, imported_id?
//   prediction  records.js's prediction with import_id, imported_id?
//   media       store/media.js records for the "media://" references the written tasks hold.

import { unwrap } from "../../vendor/idb.js";
import { write, read, now } from "./db.js";
import { isMediaRef, mediaRecord, mediaId } from "./media.js";
import { taskRecord, annotationRecord, predictionRecord } from "./records.js";

export const SINGLE_TX_MAX = 20000;
const STORES = ["projects", "tasks", "annotations", "predictions", "media", "settings"];
const OWNED = ["tasks", "annotations", "predictions", "media"];
const RECORD_PREFIX = "import:";

/** A Performance API measure from `start` (a performance.now() time) to now: where an import's
 *  time goes ("labelcore:import-receive": waiting for a page of tasks from the worker; "-write":
 *  one transaction, records built, sent and committed). */
function measure(name, start) {
  performance.measure(`labelcore:import-${name}`, { start, end: performance.now() });
}

export class ImportCancelled extends Error {
  constructor() { super("The import was cancelled; nothing was written."); this.name = "ImportCancelled"; }
}

function newImportId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The next inner_id of a project (1 + the largest one stored). */
async function nextInnerId(tx, project) {
  const range = IDBKeyRange.bound([project], [project, []]);
  const cursor = await tx.objectStore("tasks").index("project_inner").openKeyCursor(range, "prev");
  const last = cursor?.key?.[1];
  return typeof last === "number" ? last + 1 : 1;
}

/** Media references (top-level "media://" values of task.data) a task holds. */
function refsOf(task) {
  const refs = [];
  for (const value of Object.values(task.data ?? {})) if (isMediaRef(value)) refs.push(value);
  return refs;
}

/**
 * Add `tasks` (Label Studio task dicts from the core) to `project` inside the open transaction `tx`.
 * `media`: Map ref -> {file, path} of the files picked for this import; the ones the tasks
 * reference are stored with them. Returns the counts and the next inner_id; the records are
 * written when the transaction completes.
 */
function addTasks(tx, project, tasks, { inner, importId, media, stamp }) {
  // Raw IndexedDB requests (no promise per record: 100,000 tasks are 100,000 requests); a failed
  // request aborts the transaction, which write() reports.
  const [taskStore, annStore, predStore, mediaStore] = ["tasks", "annotations", "predictions", "media"]
    .map((name) => unwrap(tx.objectStore(name)));
  const counts = { tasks: 0, annotations: 0, predictions: 0, files: 0, bytes: 0 };
  for (const task of tasks) {
    const { annotations = [], predictions = [] } = task;
    const added = taskStore.add(taskRecord(task, {
      project, inner_id: inner++, import_id: importId, created_at: stamp, updated_at: stamp, imported_id: task.id,
    }, stamp));
    if (annotations.length || predictions.length) {
      added.onsuccess = () => {
        try {
          const at = (source) => ({ task: added.result, project, import_id: importId, imported_id: source.id });
          for (const a of annotations) annStore.add(annotationRecord(a, at(a), stamp));
          for (const p of predictions) predStore.add(predictionRecord(p, at(p), stamp));
        } catch (err) {
          console.error("labelcore: an imported annotation could not be stored", err);
          tx.abort();
        }
      };
    }
    counts.tasks += 1;
    counts.annotations += annotations.length;
    counts.predictions += predictions.length;
    for (const ref of refsOf(task)) {
      const picked = media?.get(ref);
      if (!picked) continue;
      mediaStore.put({ ...mediaRecord(project, mediaId(ref), picked.file, picked.path), import_id: importId });
      counts.files += 1;
      counts.bytes += picked.file.size;
    }
  }
  return { counts, inner };
}

async function touchProject(tx, project) {
  const store = tx.objectStore("projects");
  const current = await store.get(project);
  if (!current) throw new Error(`Project ${project} does not exist.`);
  await store.put({ ...current, updated_at: now() });
}

function addCounts(a, b) {
  for (const k of Object.keys(b)) a[k] = (a[k] ?? 0) + b[k];
  return a;
}

/**
 * Write an import. `source`: {total, chunks, chunk(i) -> Promise<task[]>} (the core's
 * import.tasks pages), `media`: Map ref -> {file, path}, `onProgress({done, total, phase})`,
 * `signal`: an AbortSignal (cancel: nothing stays written), `oneTransactionMax`: the most tasks
 * written in one transaction (more: chunks under a rollback record). Resolves with the counts written
 * {tasks, annotations, predictions, files, bytes, import_id}.
 */
export async function writeImport(project, { source, media = new Map(), onProgress, signal, oneTransactionMax = SINGLE_TX_MAX } = {}) {
  const importId = newImportId();
  const stamp = now();
  const check = () => { if (signal?.aborted) throw new ImportCancelled(); };
  const progress = (done, phase) => onProgress?.({ done, total: source.total, phase });
  check();
  if (source.total <= oneTransactionMax) {
    const tasks = [];
    for (let i = 0; i < source.chunks; i++) {
      const waited = performance.now();
      const page = await source.chunk(i);
      measure("receive", waited);
      for (const task of page) tasks.push(task); // (a spread of 20,000 arguments can overflow the stack)
      check();
      progress(tasks.length, "receive");
    }
    progress(0, "write");
    const started = performance.now();
    const counts = await write(STORES, async (tx) => {
      await touchProject(tx, project);
      const inner = await nextInnerId(tx, project);
      return addTasks(tx, project, tasks, { inner, importId, media, stamp }).counts;
    });
    measure("write", started);
    progress(counts.tasks, "write");
    return { ...counts, import_id: importId };
  }
  // Chunked, under a rollback record, while holding this import's Web Lock: another tab that
  // opens meanwhile sees the record but not a dead import, and leaves it alone.
  return holdImportLock(importId, () => writeChunked(project, importId, { source, media, stamp, check, progress }));
}

const LOCK_PREFIX = "labelcore:import:";

function holdImportLock(importId, fn) {
  return navigator.locks ? navigator.locks.request(LOCK_PREFIX + importId, fn) : fn();
}

async function writeChunked(project, importId, { source, media, stamp, check, progress }) {
  const key = RECORD_PREFIX + importId;
  let inner = await write(["projects", "tasks", "settings"], async (tx) => {
    await touchProject(tx, project);
    await tx.objectStore("settings").put({ key, value: { project, import_id: importId, started_at: stamp, tasks: source.total } });
    return nextInnerId(tx, project);
  });
  const total = { tasks: 0, annotations: 0, predictions: 0, files: 0, bytes: 0 };
  try {
    // The next page is fetched from the worker while this one is written. (Starting the next
    // chunk's transaction before this one commits measured no faster: the database's own work,
    // ~0.1 ms a task here, is what the time goes to.)
    const fetchPage = (i) => {
      const p = i < source.chunks ? source.chunk(i) : Promise.resolve([]);
      p.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
      return p;
    };
    let next = fetchPage(0);
    for (let i = 0; i < source.chunks; i++) {
      const waited = performance.now();
      const tasks = await next;
      measure("receive", waited);
      check();
      next = fetchPage(i + 1);
      const last = i === source.chunks - 1;
      const started = performance.now();
      const wrote = await write(STORES, async (tx) => {
        const step = addTasks(tx, project, tasks, { inner, importId, media, stamp });
        if (last) await tx.objectStore("settings").delete(key);
        return step;
      });
      measure("write", started);
      inner = wrote.inner;
      addCounts(total, wrote.counts);
      progress(total.tasks, "write");
    }
  } catch (err) {
    await undoImport(importId).catch((undoErr) => console.error("labelcore: undoing an import failed", undoErr));
    throw err;
  }
  return { ...total, import_id: importId };
}

/** Delete everything an import wrote (its tasks, annotations, predictions, media) and its record. */
export async function undoImport(importId) {
  const key = RECORD_PREFIX + importId;
  const pending = await read(["settings"], (tx) => tx.objectStore("settings").get(key));
  const project = pending?.value?.project;
  await write([...OWNED, "settings"], async (tx) => {
    for (const name of OWNED) {
      const store = tx.objectStore(name);
      const cursors = project === undefined ? store.openCursor() : store.index("project").openCursor(project);
      for (let cursor = await cursors; cursor; cursor = await cursor.continue()) {
        if (cursor.value.import_id === importId) await cursor.delete();
      }
    }
    await tx.objectStore("settings").delete(key);
  });
}

/**
 * Imports a closed page left half-written: undo each. An import still running in another tab
 * holds its Web Lock and is left alone. Returns the import ids undone.
 */
export async function recoverImports() {
  const range = IDBKeyRange.bound(RECORD_PREFIX, RECORD_PREFIX + "\uffff");
  const keys = await read(["settings"], (tx) => tx.objectStore("settings").getAllKeys(range));
  const undone = [];
  for (const key of keys) {
    const id = key.slice(RECORD_PREFIX.length);
    const dead = navigator.locks
      ? await navigator.locks.request(LOCK_PREFIX + id, { ifAvailable: true }, async (lock) => {
        if (!lock) return false; // its page is alive and still writing
        await undoImport(id);
        return true;
      })
      : (await undoImport(id), true);
    if (dead) undone.push(id);
  }
  return undone;
}
