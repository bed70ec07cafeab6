// One export, start to finish: read the tasks (and media) from IndexedDB, run the format in
// the worker, turn its answer into bytes, hand them to the browser as one download.
// Nothing leaves the browser except that download.
import { exportTasks, exportMedia, imageSizes } from "../../store/exports.js";

// Share of the progress bar each step fills (reading the store, media, the worker, the file).
const SPAN = { read: [0, 0.25], media: [0.25, 0.45], core: [0.45, 0.95], file: [0.95, 1] };

function fraction(step, done, total) {
  const [a, b] = SPAN[step];
  return a + (b - a) * (total ? Math.min(1, done / total) : 0);
}

/** `project-3-at-2024-05-02-10-17-coco.zip`-style names, so downloads of projects don't collide. */
export function downloadName(project, filename, format) {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[T:]/g, "-");
  const dot = filename.lastIndexOf(".");
  const ext = dot > 0 ? filename.slice(dot) : "";
  return `project-${project.id}-at-${stamp}-${format.toLowerCase()}${ext}`;
}

/** What the download of a format is, for the format list: the name it gets (the core's `writes`
 *  names the files inside; several files come as one zip). */
export function downloadHint(project, format) {
  const writes = format.writes ?? "";
  if (!writes) return "";
  if (/[,/]/.test(writes)) return `Downloads a zip: ${writes}`;
  if (writes.includes("*")) return `Downloads ${writes} (several in a zip)`;
  return `Downloads ${downloadName(project, writes, format.name).replace(/-at-[\d-]+-/, "-at-<date>-")}`;
}

/**
 * Export a project in one format; resolves to {filename, mime, files, bytes, tasks, timing}.
 *   choice   {format (a FormatInfo from export.formats), scope "annotated"|"all"|"view"|"selection",
 *             taskIds (a view's or selection's tasks, in order), includePredictions}
 *   onStep({fraction, phase, done, total})
 * Which tasks go, and the shape they are written in, are the core's (export.select / export.run):
 * this reads the stored records and hands them over.
 */
export async function runExport(core, project, choice, onStep = () => {}) {
  const { format, scope, taskIds = null, includePredictions = false } = choice;
  const marks = { start: performance.now() };
  const step = (name, phase, done = 0, total = 0) => onStep({ fraction: fraction(name, done, total), phase, done, total });

  let tasks = await exportTasks(project.id, {
    taskIds, includePredictions,
    onProgress: (p) => step("read", "Reading tasks from this browser", p.done, p.total),
  });
  let options = { scope, include_predictions: includePredictions, ...(taskIds && { task_ids: taskIds }) };
  // Media bytes only for the tasks the export takes: the core names them first.
  const chosen = format.media ? new Set(await core.call("export.select", { tasks, options })) : null;
  let media = await exportMedia(project.id, chosen ? tasks.filter((t) => chosen.has(t.id)) : tasks, {
    withBytes: format.media, onProgress: (p) => step("media", "Reading stored media", p.done, p.total),
  });
  options.media_names = media.media_names;
  if (format.media) options.media = media.media;
  else if (format.supports.some((tags) => tags.includes("Image"))) options.image_sizes = await imageSizes(project.id, tasks);
  const mediaBytes = media.bytes;
  media = null;  // eslint-disable-line no-useless-assignment -- drops the reference early
  marks.read = performance.now();
  step("core", `Exporting as ${format.title}`, 0, 1);

  // The page's copy of the tasks is not kept: once posted, only the worker holds them.
  const args = { config_xml: project.label_config, tasks, format: format.name, options };
  const pending = core.call("export.run", args, {
    onProgress: (p) => {
      if (!marks.parsed) marks.parsed = performance.now();
      else marks.exported = performance.now();
      const done = p.total && p.done >= p.total;
      step("core", done && p.phase === "zip" ? "Packing the zip"
        : `Exporting ${p.total} tasks as ${format.title}`, done ? 1 : 0.2, 1);
    },
  });
  tasks = null;  // eslint-disable-line no-useless-assignment
  options = null;  // eslint-disable-line no-useless-assignment
  args.tasks = null;
  args.options = null;
  const answer = await pending;
  marks.answered = performance.now();

  step("file", "Preparing the download", 0, 1);
  const bytes = answer.data; // a Uint8Array: the worker transfers the file's buffer
  marks.decoded = performance.now();
  step("file", "Done", 1, 1);
  return {
    filename: answer.filename, mime: answer.mime, files: answer.files, bytes, tasks: answer.tasks, mediaBytes,
    timing: {
      read: marks.read - marks.start,
      toCore: (marks.parsed ?? marks.answered) - marks.read,
      core: (marks.exported ?? marks.answered) - (marks.parsed ?? marks.read),
      fromCore: marks.answered - (marks.exported ?? marks.read),
      decode: marks.decoded - marks.answered,
      total: marks.decoded - marks.start,
    },
  };
}

function narrowed(scope) {
  const filters = scope.filters?.items ?? (Array.isArray(scope.filters) ? scope.filters : []);
  return filters.length > 0 || Boolean(String(scope.search ?? "").trim());
}

/**
 * The Data Manager's current tab or selection, when the Data Manager is there and shows one:
 * {kind: "view" | "selection", ids} | null (then the dialog offers all / annotated only).
 */
export async function viewScope(projectId) {
  let views;
  try {
    views = await import("../../store/views.js");
  } catch {
    return null; // no Data Manager in this build
  }
  if (typeof views.currentScope !== "function" || typeof views.scopeTaskIds !== "function") return null;
  const scope = await views.currentScope(projectId);
  if (!scope) return null;
  const selection = scope.selection ?? { all: false, included: [], excluded: [] };
  const picked = selection.all ? selection.excluded?.length > 0 : selection.included?.length > 0;
  if (picked) return { kind: "selection", ids: await views.scopeTaskIds(scope) };
  if (!narrowed(scope)) return null; // the whole project: "All tasks" says it
  return { kind: "view", ids: await views.scopeTaskIds({ ...scope, selection: { all: true, included: [], excluded: [] } }) };
}
