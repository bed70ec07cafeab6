// Projects and everything they own. Reads and writes only through db.js.

import { db, read, write, now } from "./db.js";

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
  return write(["projects"], async (tx) => {
    const store = tx.objectStore("projects");
    const current = await store.get(id);
    if (!current) throw new Error(`Project ${id} does not exist.`);
    const next = { ...current, ...changes, id, updated_at: now() };
    if ("name" in changes) next.name = cleanName(changes.name);
    await store.put(next);
    return next;
  });
}

/** Delete a project with its tasks, annotations, predictions, drafts, media and views: all or nothing. */
export async function deleteProject(id) {
  await write(["projects", ...OWNED], async (tx) => {
    for (const name of OWNED) {
      const index = tx.objectStore(name).index("project");
      for (let cursor = await index.openKeyCursor(id); cursor; cursor = await cursor.continue()) {
        await tx.objectStore(name).delete(cursor.primaryKey);
      }
    }
    await tx.objectStore("projects").delete(id);
  });
}
