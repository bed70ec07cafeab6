// Settings parts that act on the whole project: Backup (one JSON file) and Danger Zone (delete).
import { html, useState } from "../../lib/html.js";
import { deleteProject } from "../../store/projects.js";
import { backupProject, backupFileName } from "../../store/backup.js";
import { ConfirmDialog } from "../dialog.js";
import { saveFile } from "../../lib/download.js";

export function Backup({ project, counts }) {
  const [state, setState] = useState({ busy: false, error: null, done: null });
  const run = async () => {
    setState({ busy: true, error: null, done: null });
    try {
      const doc = await backupProject(project.id);
      const text = JSON.stringify(doc);
      saveFile(text, backupFileName(project), "application/json");
      setState({ busy: false, error: null, done: `Wrote ${backupFileName(project)} (${(text.length / 1024).toFixed(1)} KB).` });
    } catch (err) {
      setState({ busy: false, error: String(err?.message ?? err), done: null });
    }
  };
  return html`<div class="settings-form">
    <h2>Backup</h2>
    <p>Your work lives only in this browser, which may clear its storage. A backup is one JSON file with
      this project's config, settings, ${counts.tasks.toLocaleString("en")} tasks, their annotations, predictions,
      drafts and media. Restore it from the Projects page (Restore) in any browser.</p>
    <div class="save-bar">
      <button class="btn primary" type="button" onClick=${run} disabled=${state.busy}>Export project backup</button>
      ${state.busy && html`<span class="muted" role="status" aria-busy="true">Writing the backup…</span>`}
      ${state.done && html`<span class="saved" role="status">${state.done}</span>`}
      ${state.error && html`<span class="error-text" role="alert">${state.error}</span>`}
    </div>
  </div>`;
}

export function DangerZone({ project, counts, navigate }) {
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState(null);
  const remove = async () => {
    try {
      await deleteProject(project.id);
      navigate("#/projects");
    } catch (err) {
      setConfirm(false);
      setError(String(err?.message ?? err));
    }
  };
  return html`<div class="settings-form">
    <h2>Danger Zone</h2>
    <div class="danger-box">
      <div><b>Delete this project</b>
        <p class="muted">${`Removes the project with its ${counts.tasks.toLocaleString("en")} tasks, ${counts.annotations.toLocaleString("en")} annotations, `
          + "predictions, drafts and media from this browser. Export a backup first if you may need it."}</p></div>
      <button class="btn danger" type="button" onClick=${() => setConfirm(true)}>Delete Project</button>
    </div>
    ${error && html`<p class="error-text" role="alert">${error}</p>`}
    ${confirm && html`<${ConfirmDialog} title="Delete project" danger confirmLabel="Delete"
        message=${`Delete “${project.name}” and everything in it? This cannot be undone.`}
        onConfirm=${remove} onClose=${() => setConfirm(false)} />`}
  </div>`;
}
