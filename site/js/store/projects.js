// Projects and everything they own. Reads and writes only through db.js.
//
// project.settings (written by Settings, read by the label stream and the labeling screen;
// the names follow Label Studio's project fields). Read them through projectSettings(project),
// which fills in the defaults below for keys a project does not have yet.
//   expert_instruction       string  instructions for annotators (HTML; show it through DOMPurify)
//   show_instruction         bool    show the instructions when the labeling screen opens (false)
//   sampling                 string  order of the label stream:
//                                    "sequential"  tasks by id (Label Studio's Sequential sampling)
//                                    "random"      uniform random order (Uniform sampling)
//                                    "uncertainty" lowest prediction score first; tasks with no
//                                                  prediction score come last (Uncertainty sampling)
//   show_skip_button         bool    annotators may Skip a task (true)
//   enable_empty_annotation  bool    Submit is allowed with an empty result (true)
//   maximum_annotations      int>=1  overlap: annotations wanted per task; a task is complete when
//                                    it has this many non-skipped annotations (1). Read it, and
//                                    completion, through status.js (overlapOf, isCompleted)
//
// "Annotated" (card counts, progress): a task with at least one annotation that is not skipped
// (was_cancelled false).

import { db, read, write, now } from "./db.js";

export const DEFAULT_SETTINGS = Object.freeze({
  expert_instruction: "",
  show_instruction: false,
  sampling: "sequential",
  show_skip_button: true,
  enable_empty_annotation: true,
  maximum_annotations: 1,
});

export const SAMPLING = Object.freeze({
  sequential: "Sequential: tasks in order of their id",
  random: "Random: tasks in a random order",
  uncertainty: "Lowest prediction score first",
});

/** The project's settings with defaults filled in (see the header for each key). */
export function projectSettings(project) {
  return { ...DEFAULT_SETTINGS, ...(project?.settings ?? {}) };
}

const OWNED = ["tasks", "annotations", "predictions", "drafts", "media", "views"];

export const PROJECT_COLORS = ["#617ADA", "#E25B5B", "#31A06C", "#E0912F", "#9B5DE5", "#2A9DB4", "#D6579F", "#6B7280"];

function cleanName(name) {
  const trimmed = String(name ?? "").trim();
  if (!trimmed) throw new Error("A project needs a name.");
  if (trimmed.length > 200) throw new Error("A project name has at most 200 characters.");
  return trimmed;
}

export async function listProjects() {
  const projects = await (await db()).getAll("projects");
  const counts = await read(["tasks", "annotations"], async (tx) => {
    const out = new Map();
    for (const p of projects) {
      const [tasks, annotations] = await Promise.all([
        tx.objectStore("tasks").index("project").count(p.id),
        tx.objectStore("annotations").index("project").count(p.id),
      ]);
      out.set(p.id, { tasks, annotations });
    }
    return out;
  });
  return projects
    .map((p) => ({ ...p, task_count: counts.get(p.id).tasks, annotation_count: counts.get(p.id).annotations }))
    .sort((a, b) => (b.updated_at || "").localeCompare(a.updated_at || ""));
}

export async function getProject(id) {
  return (await db()).get("projects", id);
}

export async function createProject({ name, description = "", color = PROJECT_COLORS[0], label_config = "" }) {
  const stamp = now();
  const project = {
    name: cleanName(name), description: String(description), color, label_config,
    parsed_config: null, settings: {}, created_at: stamp, updated_at: stamp,
  };
  const id = await write(["projects"], (tx) => tx.objectStore("projects").add(project));
  return { ...project, id };
}

export async function updateProject(id, changes) {
  const key = bareKey(changes.parsed_config);
  return write(key ? ["projects", "tasks"] : ["projects"], async (tx) => {
    const store = tx.objectStore("projects");
    const current = await store.get(id);
    if (!current) throw new Error(`Project ${id} does not exist.`);
    const next = { ...current, ...changes, id, updated_at: now() };
    if ("name" in changes) next.name = cleanName(changes.name);
    await store.put(next);
    if (key) await nameBareValues(tx.objectStore("tasks"), id, key);
    return next;
  });
}

// Label Studio's "$undefined$": the data key of a bare value (an image, a line) imported before
// there was a config. A config that reads one data key names it (the core decides: the parsed
// form's bare_key, LabelConfig.bare_key), so those tasks are rewritten under that key.
const UNDEFINED = "$undefined$";
const bareKey = (parsed) => parsed?.bare_key ?? null;

async function nameBareValues(tasks, project, key) {
  for (let cursor = await tasks.index("project").openCursor(project); cursor; cursor = await cursor.continue()) {
    const { data } = cursor.value;
    if (!data || !(UNDEFINED in data) || key in data) continue;
    const { [UNDEFINED]: value, ...rest } = data;
    await cursor.update({ ...cursor.value, data: { [key]: value, ...rest } });
  }
}

/** Merge `changes` into project.settings (keys in the header), keeping the others. */
export async function updateSettings(id, changes) {
  const current = await getProject(id);
  if (!current) throw new Error(`Project ${id} does not exist.`);
  return updateProject(id, { settings: { ...(current.settings ?? {}), ...changes } });
}

export const PROJECT_STORES = ["projects", "task_index", ...OWNED];

/** Delete a project with its tasks, annotations, predictions, drafts, media and views: all or nothing. */
export async function deleteProject(id) {
  await write(PROJECT_STORES, (tx) => dropProject(tx, id));
}

/** Delete project `id` and all it owns inside `tx` (over PROJECT_STORES): a restore's "Replace". */
export async function dropProject(tx, id) {
  for (const name of OWNED) {
    const store = tx.objectStore(name);
    const keys = await store.index("project").getAllKeys(id);
    await Promise.all(keys.map((key) => store.delete(key)));
  }
  await tx.objectStore("task_index").delete(id); // the Data Manager's saved column index
  await tx.objectStore("projects").delete(id);
}

/** Tasks with at least one annotation that is not skipped, per project id (Map). */
export async function annotatedCounts(ids) {
  return read(["annotations"], async (tx) => {
    const index = tx.objectStore("annotations").index("project");
    const out = new Map();
    await Promise.all(ids.map(async (id) => {
      const tasks = new Set();
      for (const a of await index.getAll(id)) if (!a.was_cancelled) tasks.add(a.task);
      out.set(id, tasks.size);
    }));
    return out;
  });
}
