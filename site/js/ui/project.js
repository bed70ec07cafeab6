// One project's page. Later issues fill it with the Data Manager, Import, Export and Settings.
import { html, useEffect, useState } from "../lib/html.js";
import { getProject } from "../store/projects.js";
import { read } from "../store/db.js";

async function projectCounts(id) {
  return read(["tasks", "annotations", "predictions"], async (tx) => {
    const count = (store) => tx.objectStore(store).index("project").count(id);
    const [tasks, annotations, predictions] = await Promise.all(["tasks", "annotations", "predictions"].map(count));
    return { tasks, annotations, predictions };
  });
}

export function ProjectPage({ id, onTitle }) {
  const [state, setState] = useState({ loading: true });
  useEffect(() => {
    let live = true;
    Promise.all([getProject(id), projectCounts(id)]).then(([project, counts]) => {
      if (!live) return;
      setState({ project, counts });
      onTitle?.(project?.name);
    }, (err) => live && setState({ error: String(err?.message ?? err) }));
    return () => { live = false; };
  }, [id]);

  if (state.loading) return html`<p class="muted">Loading the project…</p>`;
  if (state.error) return html`<p class="error-text" role="alert">${state.error}</p>`;
  if (!state.project) return html`<div class="notice" role="alert"><p>There is no project ${id} in this browser.</p><a href="#/projects">Back to Projects</a></div>`;
  const { project, counts } = state;
  return html`
    <div class="page-head"><h1>${project.name}</h1></div>
    ${project.description && html`<p class="muted">${project.description}</p>`}
    <section class="project-summary" aria-label="Summary">
      <div class="stat"><b>${counts.tasks}</b>tasks</div>
      <div class="stat"><b>${counts.annotations}</b>annotations</div>
      <div class="stat"><b>${counts.predictions}</b>predictions</div>
    </section>
    ${counts.tasks === 0 && html`<div class="notice"><p>This project has no tasks yet.</p></div>`}`;
}
