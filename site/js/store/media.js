// Media files a project holds (images, audio, video, PDF): Blobs in the "media" store.
//
// Reference format. A task's data holds, for a stored file, the string
//     media://<id>/<name>
// where <id> is the media record's key (a random string made when the file is picked, so the
// reference exists before anything is written and the Blob and its task land in ONE transaction)
// and <name> is the file's base name, URI-encoded (informative only: exporters take the file name
// from it, people see it in the Data Manager). Anything else in task data (https://..., data:...,
// /path) is not ours and is passed through unchanged by mediaUrl().
//
// Record: {id, project, name, path, type, size, blob, created_at}
//   name: base name ("cat.jpg"); path: the path inside a picked folder ("photos/cat.jpg") or the name.
//
// Renderers and thumbnails call `await mediaUrl(ref)` each time they need a URL: object URLs are
// cached per reference (a bounded cache; the oldest are revoked past MAX_URLS), so calling it on
// every render is cheap. `cachedMediaUrl(ref)` answers synchronously when the URL is already made.

import { db } from "./db.js";

const SCHEME = "media://";
const MAX_URLS = 2000;
const urls = new Map(); // id -> object URL, in insertion order (oldest first)

/** A fresh media id (URL-host safe). */
export function newMediaId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID().replaceAll("-", "");
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The reference a task holds for a stored file: "media://<id>/<name>". */
export function mediaRef(id, name) {
  const base = String(name ?? "").split(/[\\/]/).pop() || "file";
  return `${SCHEME}${id}/${encodeURIComponent(base)}`;
}

/** True for "media://..." references (files stored in this browser). */
export function isMediaRef(ref) {
  return typeof ref === "string" && ref.startsWith(SCHEME);
}

/** The media record id inside a reference (null for anything that is not a media reference). */
export function mediaId(ref) {
  if (!isMediaRef(ref)) return null;
  const rest = ref.slice(SCHEME.length);
  const cut = rest.indexOf("/");
  return cut < 0 ? rest : rest.slice(0, cut);
}

/** The file name a reference carries ("cat.jpg"), or the last part of a URL/path. */
export function mediaName(ref) {
  const text = String(ref ?? "");
  const last = text.split("?")[0].split("/").pop() || text;
  try { return decodeURIComponent(last); } catch { return last; }
}

/** The record to store for `file` (a File/Blob) under `id` in `project`. */
export function mediaRecord(project, id, file, path = file.name) {
  return {
    id, project, name: String(file.name ?? path).split(/[\\/]/).pop(), path,
    type: file.type || "", size: file.size, blob: file, created_at: new Date().toISOString(),
  };
}

/** Put media records inside an open readwrite transaction `tx` over ["media", ...]. */
export function putMedia(tx, records) {
  const store = tx.objectStore("media");
  return Promise.all(records.map((r) => store.put(r)));
}

/** One media record by reference or id (undefined if not stored). */
export async function getMedia(refOrId) {
  const id = mediaId(refOrId) ?? refOrId;
  return (await db()).get("media", id);
}

/** Every media record of a project (with their Blobs). */
export async function listMedia(project) {
  return (await db()).getAllFromIndex("media", "project", project);
}

function remember(id, url) {
  urls.set(id, url);
  while (urls.size > MAX_URLS) {
    const [oldId, oldUrl] = urls.entries().next().value;
    urls.delete(oldId);
    URL.revokeObjectURL(oldUrl);
  }
  return url;
}

/** The object URL of a stored file, synchronously, if one was already made (else null);
 *  a reference that is not ours comes back unchanged. */
export function cachedMediaUrl(ref) {
  const id = mediaId(ref);
  if (id === null) return ref;
  return urls.get(id) ?? null;
}

/** A URL a renderer can put in src=: an object URL for "media://" references (null if the file
 *  is not stored in this browser), anything else unchanged. */
export async function mediaUrl(ref) {
  const id = mediaId(ref);
  if (id === null) return ref;
  const known = urls.get(id);
  if (known) return known;
  const record = await (await db()).get("media", id);
  if (!record?.blob) return null;
  return urls.get(id) ?? remember(id, URL.createObjectURL(record.blob));
}

/** Revoke the object URL made for a reference (or every one, without an argument). */
export function releaseMediaUrl(ref) {
  const ids = ref === undefined ? [...urls.keys()] : [mediaId(ref)];
  for (const id of ids) {
    const url = urls.get(id);
    if (url) URL.revokeObjectURL(url);
    urls.delete(id);
  }
}
