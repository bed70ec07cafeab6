// Where import data comes from: picked files, a folder (File System Access API, a webkitdirectory
// input, or a dropped folder), pasted URLs; and how files are read (in slices, never whole).
//
// A "picked" file is {file, path}. `groupSources` sorts them into import sources, each parsed by
// one core session:
//   {kind: "bytes", name, file}                 a CSV/JSON/JSONL/TSV/TXT/HTML... file (or an unknown one: sniffed)
//   {kind: "media", name, files: [{file, path, ref}]}   every image/audio/video/PDF file, one session
//   {kind: "urls", name, text}                  the pasted URLs

import { newMediaId, mediaRef } from "../../store/media.js";

export const SLICE = 1 << 20; // bytes sent to the worker per import.chunk
export const HEAD = 64 * 1024; // bytes read for the preview

const hidden = (path) => path.split("/").some((part) => part.startsWith(".") || part === "__MACOSX");

/**
 * Sort picked files into sources: the core says which importer takes each (import.importers: by
 * its name, else its MIME type). Hidden files (".DS_Store", "__MACOSX/...") are skipped and counted.
 */
export async function groupSources(core, picked) {
  const sources = [];
  const media = [];
  const shown = picked.filter(({ path }) => !hidden(path));
  const skipped = picked.length - shown.length;
  const importers = shown.length ? await core.call("import.importers", { files: shown.map(({ file, path }) => ({ name: path, mime: file.type || null })) }) : [];
  for (const [i, { file, path }] of shown.entries()) {
    if (importers[i] === "media") {
      const id = newMediaId();
      media.push({ file, path, ref: mediaRef(id, file.name) });
    } else {
      sources.push({ kind: "bytes", name: path, file, size: file.size });
    }
  }
  if (media.length) {
    const size = media.reduce((n, m) => n + m.file.size, 0);
    sources.push({ kind: "media", name: media.length === 1 ? media[0].path : `${media.length} media files`, files: media, size });
  }
  return { sources, skipped };
}

export function urlSource(text) {
  return { kind: "urls", name: "Pasted URLs", text, size: new Blob([text]).size };
}

/** Every file in a FileSystemDirectoryHandle (showDirectoryPicker), with paths under its name. */
export async function filesFromHandle(dir, prefix = dir.name) {
  const out = [];
  for await (const entry of dir.values()) {
    const path = `${prefix}/${entry.name}`;
    if (entry.kind === "file") out.push({ file: await entry.getFile(), path });
    else out.push(...await filesFromHandle(entry, path));
  }
  return out;
}

/** Files of an <input type=file> (webkitRelativePath when it is a folder input). */
export function filesFromInput(input) {
  return Array.from(input.files ?? [], (file) => ({ file, path: file.webkitRelativePath || file.name }));
}

function readEntries(reader) {
  return new Promise((resolve, reject) => { reader.readEntries(resolve, reject); });
}

async function filesFromEntry(entry) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => { entry.file(resolve, reject); });
    return [{ file, path: entry.fullPath.replace(/^\//, "") }];
  }
  const reader = entry.createReader();
  const out = [];
  for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
    for (const child of batch) out.push(...await filesFromEntry(child));
  }
  return out;
}

/** Files (and folders, walked) dropped on the page. */
export async function filesFromDrop(dataTransfer) {
  const entries = Array.from(dataTransfer.items ?? [], (item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return Array.from(dataTransfer.files ?? [], (file) => ({ file, path: file.name }));
  const out = [];
  for (const entry of entries) out.push(...await filesFromEntry(entry));
  return out;
}

// -- reading --------------------------------------------------------------------------------------
// Bytes go to the core as they are (binary values beside the JSON, transferred, never decoded in
// the page): the core's UTF-8 decoder carries a character cut between two slices over, and reports
// a bad byte with its offset and line.

/** The file in slices of SLICE bytes: yields {args: {data}, bytes}. */
export async function* slices(file, size = SLICE) {
  for (let offset = 0; offset < file.size; offset += size) {
    const data = new Uint8Array(await file.slice(offset, offset + size).arrayBuffer());
    yield { args: { data }, bytes: data.length };
  }
}

/** The first HEAD bytes of a file (for the preview) and whether that is the whole file. */
export async function head(file) {
  const data = new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
  return { args: { data }, complete: file.size <= HEAD };
}
