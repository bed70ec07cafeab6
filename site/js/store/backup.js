// A whole project as one JSON document (backup / restore) and project duplication, which is a
// backup restored into a new project without leaving memory. Reads and writes only through db.js.
//
// Backup file (JSON, UTF-8):
//   {format: "labelcore-project-backup", version: 1, exported_at,
//    project: {id, name, description, color, label_config, parsed_config, settings, created_at, updated_at},
//    profiles: [{id, name, email}]               the annotators that completed_by names
//    tasks, annotations, predictions, drafts, views: [rows as stored, sorted by id]
//    media: [{...row, blob: undefined, base64}]  bytes as base64, type kept}
// Restore writes everything in ONE transaction (all or nothing); task, annotation and prediction
// rows are built again by store/records.js (a row of an older Labelcore gains the keys it
// lacks). Rows keep their ids, timestamps and every field when their ids are free in this
// browser (restoring after a delete gives back the very same project); a store whose ids are
// taken gets new ids, and references are rewritten: task.id in annotations/predictions/drafts,
// project everywhere, and media references in task data ("media://<id>/<name>", see
// store/media.js). So two backups of the same project compare equal apart from `exported_at`,
// and, when ids had to change, the ids above.
// Profiles are matched by id and email, then by email, else created.
// The same backup restored again: restoredAs(doc) finds the project it already made (same
// created_at, and same id or name), and restoreProject(doc, {replace: id}) deletes that one in the very
// transaction that writes the restore (Replace); without `replace` both are kept.

import { read, write, now } from "./db.js";
import { getProject, dropProject, PROJECT_STORES } from "./projects.js";
import { isMediaRef, mediaId, newMediaId } from "./media.js";
import { taskRecord, annotationRecord, predictionRecord } from "./records.js";

export const BACKUP_FORMAT = "labelcore-project-backup";
export const BACKUP_VERSION = 1;
const ROWS = ["tasks", "annotations", "predictions", "drafts", "views", "media"];
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Everything a project owns, rows as stored (media rows hold Blobs). */
export async function collectProject(id) {
  const project = await getProject(id);
  if (!project) throw new Error(`Project ${id} does not exist.`);
  const rows = await read([...ROWS, "profiles"], async (tx) => {
    const out = {};
    await Promise.all(ROWS.map(async (name) => {
      out[name] = (await tx.objectStore(name).index("project").getAll(id)).sort(byId);
    }));
    out.allProfiles = await tx.objectStore("profiles").getAll();
    return out;
  });
  const used = new Set([...rows.annotations.map((a) => a.completed_by), ...rows.drafts.map((d) => d.annotator)]
    .filter((c) => typeof c === "number"));
  const profiles = rows.allProfiles.filter((p) => used.has(p.id)).map(({ id: pid, name, email }) => ({ id: pid, name, email }));
  delete rows.allProfiles;
  return { project, profiles, ...rows };
}

function toBase64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The backup document of project `id` (see the header). */
export async function backupProject(id) {
  const snapshot = await collectProject(id);
  const media = await Promise.all(snapshot.media.map(async ({ blob, ...row }) => ({
    ...row, base64: toBase64(new Uint8Array(await blob.arrayBuffer())),
  })));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exported_at: now(), ...snapshot, media };
}

export function backupFileName(project) {
  const slug = project.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "project";
  return `${slug}-backup-${now().slice(0, 10)}.json`;
}

// What a file that is not a backup holds, in words ("a JSON list of 3 items").
function found(doc) {
  if (Array.isArray(doc)) return `a JSON list of ${doc.length} item${doc.length === 1 ? "" : "s"} (tasks are imported from a project's Data Import, not restored)`;
  if (!doc || typeof doc !== "object") return `a single JSON value (${JSON.stringify(doc).slice(0, 40)})`;
  if ("format" in doc) return `a JSON object whose "format" is ${JSON.stringify(doc.format).slice(0, 60)}, not "${BACKUP_FORMAT}"`;
  const keys = Object.keys(doc);
  return keys.length ? `a JSON object with the keys ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", …" : ""}` : "an empty JSON object";
}

const NOT_BACKUP = "This file is not a Labelcore project backup";
const WHAT_BACKUP = "A backup is the .json file that a project's Settings › Backup › Export project backup writes.";

/** The backup document in a picked file's text, or an Error saying in words what the file is instead. */
export function parseBackup(text) {
  let doc;
  try { doc = JSON.parse(text); } catch {
    const head = text.trimStart().split(/\r?\n/)[0].slice(0, 40);
    throw new Error(`${NOT_BACKUP}: it is not JSON (${head ? `it begins “${head}”` : "it is empty"}). ${WHAT_BACKUP}`);
  }
  check(doc);
  return doc;
}

function check(doc) {
  if (!doc || typeof doc !== "object" || doc.format !== BACKUP_FORMAT) {
    throw new Error(`${NOT_BACKUP}: it is ${found(doc)}. ${WHAT_BACKUP}`);
  }
  if (doc.version !== BACKUP_VERSION) throw new Error(`This backup has version ${doc.version}; this Labelcore reads version ${BACKUP_VERSION}.`);
  if (!doc.project || typeof doc.project.name !== "string") throw new Error("The backup has no project (project.name is missing).");
  for (const name of ROWS) {
    if (!Array.isArray(doc[name] ?? [])) throw new Error(`The backup's "${name}" is not a list.`);
  }
}

/** The project in this browser that this backup was restored as (or backed up from), if any. */
export async function restoredAs(doc) {
  const { id, name, created_at: created } = doc.project;
  const projects = await read(["projects"], (tx) => tx.objectStore("projects").getAll());
  return projects.find((p) => p.created_at === created && (p.id === id || p.name === name)) ?? null;
}

/** Restore a backup document as a new project; returns the project. All or nothing; `replace`:
 *  the id of a project deleted in the same transaction. */
export async function restoreProject(doc, { replace = null } = {}) {
  check(doc);
  const media = (doc.media ?? []).map(({ base64, ...row }) => ({ ...row, blob: new Blob([fromBase64(base64 ?? "")], { type: row.type || "" }) }));
  return insertProject({ ...doc, media }, { keepIds: true, replace });
}

/** A copy of project `id` named "<name> (copy)": its config and settings, and with `withData` its rows too. */
export async function duplicateProject(id, { withData = false } = {}) {
  const snapshot = await collectProject(id);
  const project = { ...snapshot.project, name: `${snapshot.project.name} (copy)`.slice(0, 200) };
  const stamp = now();
  Object.assign(project, { created_at: stamp, updated_at: stamp });
  if (!withData) return insertProject({ project, profiles: [], views: snapshot.views }, { keepIds: false });
  return insertProject({ ...snapshot, project }, { keepIds: false });
}

async function idsFree(store, rows) {
  if (!rows.length) return true;
  const ids = rows.map((r) => r.id).filter((v) => typeof v === "number");
  if (ids.length !== rows.length) return false;
  const low = ids.reduce((a, b) => Math.min(a, b)), high = ids.reduce((a, b) => Math.max(a, b));
  const taken = await store.getAllKeys(IDBKeyRange.bound(low, high));
  const wanted = new Set(ids);
  return !taken.some((k) => wanted.has(k));
}

async function addAll(store, rows, keep) {
  const ids = await Promise.all(rows.map(({ id, ...row }) => (keep ? store.add({ ...row, id }) : store.add(row))));
  return new Map(rows.map((r, i) => [r.id, ids[i]]));
}

function rewriteMedia(value, map) {
  if (isMediaRef(value)) {
    const id = mediaId(value);
    return map.has(id) ? `media://${map.get(id)}${value.slice(`media://${id}`.length)}` : value;
  }
  if (Array.isArray(value)) return value.map((v) => rewriteMedia(v, map));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteMedia(v, map)]));
  return value;
}

// Media keys are strings made when a file is picked: keep each free one, else make a new one.
async function addMedia(store, rows, keepIds) {
  const map = new Map();
  for (const row of rows) {
    const free = keepIds && row.id != null && (await store.getKey(row.id)) === undefined;
    map.set(row.id, free ? row.id : newMediaId());
  }
  await Promise.all(rows.map((row) => store.add({ ...row, id: map.get(row.id) })));
  return map;
}

async function mapProfiles(store, profiles) {
  const map = new Map();
  const existing = await store.getAll();
  for (const p of profiles ?? []) {
    const same = existing.find((e) => e.id === p.id && (e.email || "") === (p.email || ""));
    const byEmail = p.email ? existing.find((e) => e.email === p.email) : null;
    const match = same ?? byEmail;
    map.set(p.id, match ? match.id : await store.add({ name: p.name, email: p.email || "", created_at: now(), provisional: false }));
  }
  return map;
}

/** Write a snapshot as a new project in one transaction; `keepIds` keeps ids that are free;
 *  `replace` is deleted first, so its ids are free again. */
async function insertProject(snapshot, { keepIds, replace = null }) {
  return write([...PROJECT_STORES, "profiles"], async (tx) => {
    if (replace != null) await dropProject(tx, replace);
    const projects = tx.objectStore("projects");
    const { id: oldProjectId, ...fields } = snapshot.project;
    const keepProject = keepIds && typeof oldProjectId === "number" && (await projects.getKey(oldProjectId)) === undefined;
    const projectId = await projects.add(keepProject ? { ...fields, id: oldProjectId } : fields);
    const people = await mapProfiles(tx.objectStore("profiles"), snapshot.profiles);
    const person = (c) => (typeof c === "number" && people.has(c) ? people.get(c) : c);
    const keep = async (name) => keepIds && idsFree(tx.objectStore(name), snapshot[name] ?? []);
    const mediaRows = (snapshot.media ?? []).map((m) => ({ ...m, project: projectId }));
    const mediaMap = await addMedia(tx.objectStore("media"), mediaRows, keepIds);
    const tasks = (snapshot.tasks ?? []).map((t) => ({
      id: t.id, ...taskRecord(t, { project: projectId, data: rewriteMedia(t.data, mediaMap) }),
    }));
    const taskMap = await addAll(tx.objectStore("tasks"), tasks, await keep("tasks"));
    const taskOf = (row) => taskMap.get(row.task) ?? row.task;
    const owned = (row) => ({ ...row, project: projectId, task: taskOf(row) });
    const rebuilt = (build, row, at = {}) => ({ id: row.id, ...build(row, { project: projectId, task: taskOf(row), ...at }) });
    const predictions = (snapshot.predictions ?? []).map((p) => rebuilt(predictionRecord, p));
    const predictionMap = await addAll(tx.objectStore("predictions"), predictions, await keep("predictions"));
    const annotations = (snapshot.annotations ?? []).map((a) => rebuilt(annotationRecord, a, {
      completed_by: person(a.completed_by),
      parent_prediction: a.parent_prediction != null ? predictionMap.get(a.parent_prediction) ?? a.parent_prediction : undefined,
    }));
    await addAll(tx.objectStore("annotations"), annotations, await keep("annotations"));
    const drafts = (snapshot.drafts ?? []).map((d) => ({ ...owned(d), annotator: person(d.annotator) }));
    await addAll(tx.objectStore("drafts"), drafts, await keep("drafts"));
    await addAll(tx.objectStore("views"), (snapshot.views ?? []).map((v) => ({ ...v, project: projectId })), await keep("views"));
    return { ...fields, id: projectId };
  });
}
