// The home screen: projects as cards (task count, annotated count, progress), Create Project,
// Restore from a backup file, and per card: Open, Settings, Rename, Duplicate, Delete.
import { html, useEffect, useRef, useState } from "../lib/html.js";
import { loadCss } from "../lib/css.js";
import { listProjects, deleteProject, updateProject, annotatedCounts } from "../store/projects.js";

// Loaded when first used: the home screen stays small.
const backup = () => import("../store/backup.js");
import { Modal, ConfirmDialog } from "./dialog.js";
import { CreateProjectDialog } from "./create-project.js";
import { WelcomeDialog } from "./profile-menu.js";

loadCss("css/projects.css");

export { CreateProjectDialog };

const plural = (n, word) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

export function ProjectsPage({ navigate }) {
  const [projects, setProjects] = useState(null);
  const [annotated, setAnnotated] = useState(new Map());
  const [error, setError] = useState(null);
  const [dialog, setDialog] = useState(null); // {kind: "create"|"delete"|"rename"|"duplicate", project}
  const [busy, setBusy] = useState(null);
  const reload = async () => {
    try {
      const list = await listProjects();
      setProjects(list);
      // Cards first; the annotated counts read every annotation, so they follow.
      setAnnotated(await annotatedCounts(list.map((p) => p.id)));
    } catch (err) {
      setError(String(err?.message ?? err));
    }
  };
  useEffect(() => { reload(); }, []);
  const close = () => setDialog(null);
  const run = async (label, fn) => {
    setBusy(label);
    try { await fn(); } catch (err) { setError(String(err?.message ?? err)); } finally { setBusy(null); reload(); }
  };
  const actions = {
    open: (p) => navigate(`#/projects/${p.id}`),
    settings: (p) => navigate(`#/projects/${p.id}/settings`),
    rename: (p) => setDialog({ kind: "rename", project: p }),
    duplicate: (p) => setDialog({ kind: "duplicate", project: p }),
    delete: (p) => setDialog({ kind: "delete", project: p }),
  };
  // The same backup restored again asks: Replace the project it made, or Keep both.
  const restore = async (doc, choice = null, earlier = null) => {
    const store = await backup();
    const found = choice ? null : await store.restoredAs(doc);
    if (found) {
      setDialog({ kind: "restore", doc, project: projects?.find((p) => p.id === found.id) ?? found });
      return;
    }
    close();
    run("Restoring the backup…", () => store.restoreProject(doc, { replace: choice === "replace" ? earlier : null }));
  };
  const d = dialog;

  return html`
    <${WelcomeDialog} />
    <div class="page-head">
      <h1>Projects</h1><span class="spacer"></span>
      <${RestoreButton} onRestore=${restore} onError=${setError} />
      <button class="btn primary" type="button" onClick=${() => setDialog({ kind: "create" })}>Create Project</button>
    </div>
    ${busy && html`<p class="notice busy" role="status" aria-busy="true">${busy}</p>`}
    ${error && html`<p class="error-text" role="alert">${error}</p>`}
    ${projects === null && !error && html`<p class="muted">Loading your projects…</p>`}
    ${projects?.length === 0 && html`<${EmptyProjects} onCreate=${() => setDialog({ kind: "create" })} />`}
    ${projects?.length > 0 && html`
      <ul class="cards" aria-label="Projects">
        ${projects.map((p) => html`<${ProjectCard} key=${p.id} project=${p} annotated=${annotated.get(p.id)} actions=${actions} />`)}
      </ul>`}
    ${d?.kind === "create" && html`<${CreateProjectDialog} onClose=${close}
        onCreated=${(p) => { close(); navigate(`#/projects/${p.id}`); }} />`}
    ${d?.kind === "delete" && html`<${ConfirmDialog} title="Delete project" danger confirmLabel="Delete"
        message=${`Delete “${d.project.name}” with its ${plural(d.project.task_count, "task")} and ${plural(d.project.annotation_count, "annotation")}? This cannot be undone.`}
        onConfirm=${() => { close(); run(`Deleting “${d.project.name}”…`, () => deleteProject(d.project.id)); }} onClose=${close} />`}
    ${d?.kind === "rename" && html`<${RenameDialog} project=${d.project} onClose=${close}
        onRename=${async (name) => { await updateProject(d.project.id, { name }); close(); reload(); }} />`}
    ${d?.kind === "restore" && html`<${RestoredAgainDialog} project=${d.project} onClose=${close}
        onChoose=${(choice) => restore(d.doc, choice, d.project.id)} />`}
    ${d?.kind === "duplicate" && html`<${DuplicateDialog} project=${d.project} onClose=${close}
        onDuplicate=${(withData) => { close(); run(`Duplicating “${d.project.name}”…`, async () => (await backup()).duplicateProject(d.project.id, { withData })); }} />`}`;
}

function RestoreButton({ onRestore, onError }) {
  const input = useRef(null);
  const picked = async (event) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    let doc;
    try { doc = (await backup()).parseBackup(await file.text()); } catch (err) { onError(`${file.name}: ${err.message}`); return; }
    onRestore(doc);
  };
  return html`<input ref=${input} type="file" accept=".json,application/json" class="visually-hidden" tabindex="-1"
      aria-hidden="true" onChange=${picked} />
    <button class="btn" type="button" title="Create a project from a backup file (Settings › Backup writes one)"
      onClick=${() => input.current.click()}>Restore</button>`;
}

function EmptyProjects({ onCreate }) {
  return html`<section class="empty" aria-label="No projects">
    <div class="empty-art" aria-hidden="true"><span></span></div>
    <h2>No projects yet</h2>
    <p>A project holds a labeling config, your tasks and their annotations. Everything stays in this
      browser: nothing is uploaded anywhere. Create one, or Restore a project from a backup file.</p>
    <button class="btn primary" type="button" onClick=${onCreate}>Create Project</button>
  </section>`;
}

const MENU = [["open", "Open"], ["settings", "Settings"], ["rename", "Rename"], ["duplicate", "Duplicate"], ["delete", "Delete"]];

function ProjectCard({ project, annotated, actions }) {
  const [menu, setMenu] = useState(false);
  const total = project.task_count;
  const done = annotated ?? 0;
  const percent = total ? Math.min(100, Math.round((done * 100) / total)) : 0;
  const when = new Date(project.created_at).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric" });
  return html`<li class="card" style=${{ "--card-color": project.color }}>
    <a class="card-link" href=${`#/projects/${project.id}`}>
      <h2 class="card-title">${project.name}</h2>
      ${project.description ? html`<p class="card-desc">${project.description}</p>` : html`<p class="card-desc muted">No description</p>`}
    </a>
    <div class="card-foot">
      <div class="card-counts">
        <span><b>${plural(total, "task")}</b></span>
        <span>${annotated === undefined ? "… annotated" : `${done.toLocaleString("en")} annotated`}</span>
        <span class="card-date">${when}</span>
      </div>
      <div class="progress" role="progressbar" aria-label=${`${project.name} progress`} aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${percent} title=${`${percent}% of tasks annotated`}><span style=${{ width: `${percent}%` }}></span></div>
    </div>
    <div class="card-menu">
      <button class="btn icon" type="button" aria-label=${`Actions for ${project.name}`} aria-haspopup="menu" aria-expanded=${menu}
        onClick=${() => setMenu(!menu)}>⋯</button>
      ${menu && html`<div class="menu" role="menu" onKeyDown=${(e) => e.key === "Escape" && setMenu(false)}>
        ${MENU.map(([key, label]) => html`<button role="menuitem" class=${key === "delete" ? "danger" : ""} type="button"
            onClick=${() => { setMenu(false); actions[key](project); }}>${label}</button>`)}
      </div>`}
    </div>
  </li>`;
}

function RenameDialog({ project, onRename, onClose }) {
  const [name, setName] = useState(project.name);
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event?.preventDefault();
    try { await onRename(name); } catch (err) { setError(String(err?.message ?? err)); }
  };
  return html`<${Modal} title="Rename project" onClose=${onClose} footer=${html`
      <button class="btn" type="button" onClick=${onClose}>Cancel</button>
      <button class="btn primary" type="submit" form="rename-project">Rename</button>`}>
    <form id="rename-project" onSubmit=${submit}>
      <div class="field"><label for="rename-name">Project Name</label>
        <input id="rename-name" type="text" required maxlength="200" value=${name} onInput=${(e) => setName(e.target.value)} /></div>
      ${error && html`<p class="error-text" role="alert">${error}</p>`}
    </form>
  <//>`;
}

function RestoredAgainDialog({ project, onChoose, onClose }) {
  return html`<${Modal} title="Backup already restored" onClose=${onClose} footer=${html`
      <button class="btn" type="button" onClick=${onClose}>Cancel</button>
      <button class="btn" type="button" onClick=${() => onChoose("keep")}>Keep both</button>
      <button class="btn danger solid" type="button" onClick=${() => onChoose("replace")}>Replace</button>`}>
    <p>“${project.name}” from this backup is already here, with ${plural(project.task_count ?? 0, "task")}.
      Replace it with the backup (its annotations since then are lost), or keep both as two projects?</p>
  <//>`;
}

function DuplicateDialog({ project, onDuplicate, onClose }) {
  const [withData, setWithData] = useState(false);
  return html`<${Modal} title="Duplicate project" onClose=${onClose} footer=${html`
      <button class="btn" type="button" onClick=${onClose}>Cancel</button>
      <button class="btn primary" type="button" onClick=${() => onDuplicate(withData)}>Duplicate</button>`}>
    <p>A new project “${project.name} (copy)” with the same labeling config, settings and Data Manager tabs.</p>
    <fieldset class="choice">
      <legend>What to copy</legend>
      <label><input type="radio" name="dup" checked=${!withData} onChange=${() => setWithData(false)} /> Settings only</label>
      <label><input type="radio" name="dup" checked=${withData} onChange=${() => setWithData(true)} />
        Settings and data (${plural(project.task_count, "task")}, their annotations, predictions and media)</label>
    </fieldset>
  <//>`;
}
