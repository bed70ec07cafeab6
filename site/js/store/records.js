// The one builder of the task, annotation and prediction records IndexedDB holds (db.js's header
// is the schema). Import, labeling (Submit / Skip), backup restore and duplication, the Data
// Manager's "annotations from predictions" and the test seeders all build through these, so
// every record of a kind has the same keys whoever wrote it. Pure: nothing here reads or writes.
//
//   taskRecord(source, at, stamp)         {project, data, meta, inner_id, created_at, updated_at, ...}
//   annotationRecord(source, at, stamp)   {task, project, result, completed_by, was_cancelled,
//                                          ground_truth, lead_time, created_at, updated_at, prediction,
//                                          result_count, parent_prediction, parent_annotation, last_action, ...}
//   predictionRecord(source, at, stamp)   {task, project, result, score, model_version, created_at, ...}
//
// `source`: a Label Studio dict (an import), a stored row (a restore), the labeling session's
// fields. Its other keys are kept after these (a round trip keeps unknown keys); keys holding
// undefined are left out; its `id` is never the record's key, and a task's nested `annotations`
// / `predictions` are records of their own. `at`: what the caller decides, winning over the
// source: `project`, `task`, and e.g. `inner_id`, `import_id`, `imported_id` (an imported id),
// `created_at`, or `id` to keep a key (seeders, an update). `stamp` (default: now) is the
// created_at / updated_at of a source that has none. Building a built record again gives the
// same record, so a restored backup backs up the same.
import { now } from "./db.js";

const OWN = { task: ["id", "annotations", "predictions"], child: ["id", "task", "project"] };

function build(defaults, source, drop, at) {
  const out = { ...defaults };
  for (const [key, value] of Object.entries(source ?? {})) if (value !== undefined && !drop.includes(key)) out[key] = value;
  for (const [key, value] of Object.entries(at ?? {})) if (value !== undefined) out[key] = value;
  return out;
}

const list = (value) => (Array.isArray(value) ? value : []);

/** A task record of project `at.project`. */
export function taskRecord(source, at, stamp = now()) {
  const out = build({ project: null, data: {}, meta: {}, inner_id: null, created_at: stamp, updated_at: stamp },
    source, OWN.task, at);
  out.meta ??= {};
  return out;
}

/** An annotation record of task `at.task` in project `at.project`. */
export function annotationRecord(source, at, stamp = now()) {
  const out = build({
    task: null, project: null, result: [], completed_by: null, was_cancelled: false, ground_truth: false,
    lead_time: null, created_at: stamp, updated_at: stamp, prediction: {}, result_count: 0,
    parent_prediction: null, parent_annotation: null, last_action: null,
  }, source, OWN.child, at);
  out.result = list(out.result);
  out.result_count = out.result.length;
  out.was_cancelled = Boolean(out.was_cancelled);
  out.ground_truth = Boolean(out.ground_truth);
  out.created_at ??= stamp;
  out.updated_at ??= stamp;
  return out;
}

/** A prediction record of task `at.task` in project `at.project`. */
export function predictionRecord(source, at, stamp = now()) {
  const out = build({ task: null, project: null, result: [], score: null, model_version: "", created_at: stamp },
    source, OWN.child, at);
  out.result = list(out.result);
  out.model_version ??= "";
  out.created_at ??= stamp;
  return out;
}
