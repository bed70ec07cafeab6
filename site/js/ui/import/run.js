// Driving the core's import ops for the dialog: preview a source, parse sources in full
// (streamed, with progress and cancel), then hand the valid tasks to store/imports.js.
//
// Every source is parsed with skip_invalid: the core keeps the valid tasks of a finished session
// while the person reads the report. Nothing is fetched or written unless the import is clean or
// the person chose "Import the valid ones"; otherwise the sessions are cancelled.

import { head, slices } from "./sources.js";
import { writeImport, ImportCancelled } from "../../store/imports.js";
import { announceTasksChanged } from "../../store/views.js";

const FILE_BATCH = 500; // media files per import.files call
const TASK_CHUNK = 5000; // tasks per import.tasks call
const PREVIEW_ROWS = 10;

/** "row 12", "line 3", "$[2].annotations[0]", "photos/cat.jpg": where an error is, for people. */
export function whereText(where = {}) {
  const parts = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.col !== undefined) parts.push(`col ${where.col}`);
  if (where.path !== undefined && where.path !== "$") parts.push(where.path);
  return parts.join(", ");
}

const configOf = (project) => project?.label_config || "";

/** The preview of one source: format, columns, mapping, first tasks and first errors. */
export async function previewSource(core, project, source) {
  const config_xml = configOf(project);
  if (source.kind === "media") {
    const files = source.files.map(({ file, path, ref }) => ({ name: path, size: file.size, mime: file.type || null, ref }));
    const out = await core.call("import.run", { config_xml, files, options: { skip_invalid: true, max_errors: PREVIEW_ROWS } });
    return { ...out, tasks: out.tasks.slice(0, PREVIEW_ROWS), complete: true };
  }
  const { args, complete } = source.kind === "urls"
    ? { args: { text: source.text }, complete: true }
    : await head(source.file);
  const format = source.kind === "urls" ? "urls" : undefined;
  const out = await core.call("import.preview", {
    config_xml: config_xml || null, filename: source.kind === "urls" ? "" : source.name, ...(format ? { format } : {}),
    ...args, limit: PREVIEW_ROWS, complete,
  }, { transfer: true });
  return { ...out, complete };
}

/**
 * Parse every source in full. `onProgress({done, total, tasks, errors, name})` (bytes, over all
 * sources). Returns [{source, session, report}] where report is import.end's answer.
 * `signal` aborts: every session is cancelled and ImportCancelled is thrown.
 */
export async function parseSources(core, project, sources, { onProgress, signal } = {}) {
  const config_xml = configOf(project);
  const total = sources.reduce((n, s) => n + s.size, 0);
  const results = [];
  let done = 0;
  const counts = { tasks: 0, errors: 0 };
  const tell = (name, now) => onProgress?.({ done, total, tasks: counts.tasks + (now?.tasks ?? 0), errors: counts.errors + (now?.errors ?? 0), name });
  const open = new Set();
  try {
    for (const source of sources) {
      const format = source.kind === "bytes" ? null : source.kind;
      const { session } = await core.call("import.begin", {
        config_xml, filename: source.kind === "bytes" ? source.name : "", format, size: source.size,
        options: { skip_invalid: true, max_errors: 1000 },
      });
      open.add(session);
      let now = null;
      if (signal?.aborted) throw new ImportCancelled();
      if (source.kind === "bytes") {
        for await (const { args, bytes } of slices(source.file)) {
          now = await core.call("import.chunk", { session, ...args }, { transfer: true });
          done += bytes;
          tell(source.name, now);
          if (signal?.aborted) throw new ImportCancelled();
        }
      } else if (source.kind === "urls") {
        now = await core.call("import.chunk", { session, text: source.text });
        done += source.size;
      } else {
        for (let i = 0; i < source.files.length; i += FILE_BATCH) {
          const batch = source.files.slice(i, i + FILE_BATCH);
          const files = batch.map(({ file, path, ref }) => ({ name: path, size: file.size, mime: file.type || null, ref }));
          now = await core.call("import.files", { session, files });
          done += batch.reduce((n, f) => n + f.file.size, 0);
          tell(source.name, now);
          if (signal?.aborted) throw new ImportCancelled();
        }
      }
      const report = await core.call("import.end", { session, chunk_size: TASK_CHUNK });
      if (report.task_chunks === 0) open.delete(session); // the core kept nothing
      counts.tasks += report.summary.tasks;
      counts.errors += report.errors_total;
      tell(source.name, null);
      results.push({ source, session, report });
      if (signal?.aborted) throw new ImportCancelled();
    }
  } catch (err) {
    await cancelSessions(core, [...open]);
    throw err;
  }
  return results;
}

/** Free the core's sessions (nothing of them is kept). */
export function cancelSessions(core, sessions) {
  return Promise.all(sessions.map((session) => core.call("import.cancel", { session }).catch(() => null)));
}

/** The report over all parsed sources. */
export function combine(results) {
  const summary = { tasks: 0, valid: 0, invalid: 0, annotations: 0, predictions: 0, files: 0, bytes: 0 };
  const errors = [];
  let errorsTotal = 0;
  for (const { source, report } of results) {
    for (const key of Object.keys(summary)) summary[key] += report.summary[key] ?? 0;
    errorsTotal += report.errors_total;
    for (const e of report.errors) errors.push({ ...e, source: source.name });
  }
  return { summary, errors, errorsTotal, ok: errorsTotal === 0 };
}

/** Fetch the finished sessions' tasks and write them to the project (all or nothing). */
export async function writeResults(core, project, results, { onProgress, signal } = {}) {
  const pages = [];
  for (const { session, report } of results) {
    for (let chunk = 0; chunk < report.task_chunks; chunk++) pages.push({ session, chunk });
  }
  const media = new Map();
  for (const { source } of results) {
    if (source.kind === "media") for (const f of source.files) media.set(f.ref, f);
  }
  const total = results.reduce((n, r) => n + (r.report.task_chunks ? r.report.summary.tasks : 0), 0);
  const fetched = new Set();
  const source = {
    total, chunks: pages.length,
    chunk: async (i) => {
      const { tasks } = await core.call("import.tasks", pages[i]);
      fetched.add(i);
      return tasks;
    },
  };
  try {
    const counts = await writeImport(project.id, { source, media, onProgress, signal });
    // The Data Manager on screen (this tab or another) reads the new tasks without a reload.
    announceTasksChanged(project.id);
    return counts;
  } finally {
    // Free what was not fetched (a cancel or a failed write).
    const left = new Set(pages.filter((_, i) => !fetched.has(i)).map((p) => p.session));
    if (left.size) await cancelSessions(core, [...left]);
  }
}
