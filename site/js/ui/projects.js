// The home screen: the projects as cards, Create Project, delete with confirmation.
import { html, useEffect, useState } from "../lib/html.js";
import { listProjects, createProject, deleteProject, PROJECT_COLORS } from "../store/projects.js";
import { Modal, ConfirmDialog } from "./dialog.js";

export function ProjectsPage({ navigate }) {
  const [projects, setProjects] = useState(null);
  const [error, setError] = useState(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(null);
  const reload = () => listProjects().then(setProjects, (err) => setError(String(err?.message ?? err)));
  useEffect(() => { reload(); }, []);

  const create = async (fields) => {
    const project = await createProject(fields);
    setCreating(false);
    navigate(`#/projects/${project.id}`);
  };
  const remove = async () => {
    await deleteProject(deleting.id);
    setDeleting(null);
    reload();
  };

  return html`
    <div class="page-head">
      <h1>Projects</h1><span class="spacer"></span>
      <button class="btn primary" type="button" onClick=${() => setCreating(true)}>Create Project</button>
    </div>
    ${error && html`<p class="error-text" role="alert">Could not read your projects: ${error}</p>`}
    ${projects === null && !error && html`<p class="muted">Loading your projects…</p>`}
    ${projects?.length === 0 && html`<${EmptyProjects} onCreate=${() => setCreating(true)} />`}
    ${projects?.length > 0 && html`
      <ul class="cards" aria-label="Projects">
        ${projects.map((p) => html`<${ProjectCard} key=${p.id} project=${p} onDelete=${() => setDeleting(p)} />`)}
      </ul>`}
    ${creating && html`<${CreateProjectDialog} onCreate=${create} onClose=${() => setCreating(false)} />`}
    ${deleting && html`<${ConfirmDialog} title="Delete project" danger confirmLabel="Delete"
        message=${`Delete “${deleting.name}” with its ${deleting.task_count} tasks and ${deleting.annotation_count} annotations? This cannot be undone.`}
        onConfirm=${remove} onClose=${() => setDeleting(null)} />`}`;
}

function EmptyProjects({ onCreate }) {
  return html`<section class="empty" aria-label="No projects">
    <div class="empty-art" aria-hidden="true"><span></span></div>
    <h2>No projects yet</h2>
    <p>A project holds a labeling config, your tasks and their annotations. Everything stays in this
      browser: nothing is uploaded anywhere.</p>
    <button class="btn primary" type="button" onClick=${onCreate}>Create Project</button>
  </section>`;
}

function ProjectCard({ project, onDelete }) {
  const [menu, setMenu] = useState(false);
  const done = project.task_count ? Math.min(100, Math.round((project.annotation_count / project.task_count) * 100)) : 0;
  return html`<li class="card" style=${{ "--card-color": project.color }}>
    <a class="card-link" href=${`#/projects/${project.id}`}>
      <h2 class="card-title">${project.name}</h2>
      ${project.description && html`<p class="card-desc">${project.description}</p>`}
    </a>
    <div class="card-foot">
      <span>${project.task_count} tasks · ${project.annotation_count} annotations</span>
      <div class="progress" role="progressbar" aria-label=${`${project.name} progress`} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${done}><span style=${{ width: `${done}%` }}></span></div>
    </div>
    <div class="card-menu">
      <button class="btn icon" type="button" aria-label=${`Actions for ${project.name}`} aria-haspopup="menu" aria-expanded=${menu}
        onClick=${() => setMenu(!menu)}>⋯</button>
      ${menu && html`<div class="menu" role="menu" onKeyDown=${(e) => e.key === "Escape" && setMenu(false)}>
        <button role="menuitem" class="danger" type="button" onClick=${() => { setMenu(false); onDelete(); }}>Delete</button>
      </div>`}
    </div>
  </li>`;
}

export function CreateProjectDialog({ onCreate, onClose }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [color, setColor] = useState(PROJECT_COLORS[0]);
  const [error, setError] = useState(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event) => {
    event?.preventDefault();
    setSaving(true);
    try {
      await onCreate({ name, description, color });
    } catch (err) {
      setError(String(err?.message ?? err));
      setSaving(false);
    }
  };
  return html`<${Modal} title="Create Project" onClose=${onClose} footer=${html`
      <button class="btn" type="button" onClick=${onClose}>Cancel</button>
      <button class="btn primary" type="submit" form="create-project" disabled=${saving}>Save</button>`}>
    <form id="create-project" onSubmit=${submit}>
      <div class="field"><label for="project-name">Project Name</label>
        <input id="project-name" type="text" autofocus required maxlength="200" value=${name} onInput=${(e) => setName(e.target.value)} /></div>
      <div class="field"><label for="project-description">Description</label>
        <textarea id="project-description" value=${description} onInput=${(e) => setDescription(e.target.value)}
          placeholder="Optional description of your project"></textarea></div>
      <div class="field"><span class="label" id="color-label">Color</span>
        <div class="swatches" role="radiogroup" aria-labelledby="color-label">
          ${PROJECT_COLORS.map((c) => html`<button type="button" class="swatch" role="radio" aria-checked=${c === color}
             aria-label=${c} style=${{ background: c }} onClick=${() => setColor(c)}></button>`)}
        </div></div>
      ${error && html`<p class="error-text" role="alert">${error}</p>`}
    </form>
  <//>`;
}
