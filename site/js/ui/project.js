// One project: its header (name, sections, actions) and the section on screen.
//
// Routes (hash):  #/projects/:id                 -> #/projects/:id/data
//                 #/projects/:id/data            Data Manager
//                 #/projects/:id/dashboard       Dashboard
//                 #/projects/:id/settings[/:s]   Settings (s: general, labeling, instructions, annotation, ...)
//                 #/projects/:id/label[/:task]   the labeling screen (the stream, or one task)
// Each section and dialog lives in its own module, loaded on demand. Every one receives
//   {project, rest, navigate, refresh}
// where `rest` is the route after the section ("labeling", "17", ...) plus `query` (a
// URLSearchParams of the part after "?") and `refresh()` re-reads the project and its counts
// after a change.
import { html, useEffect, useState, useCallback } from "../lib/html.js";
import { getProject } from "../store/projects.js";
import { storeCounts } from "../store/task-index-store.js";
import { Lazy } from "./lazy.js";
import { useApp } from "./context.js";

export const SECTIONS = {
  data: { title: "Data Manager", load: () => import("./data-manager/index.js").then((m) => m.DataManager) },
  dashboard: { title: "Dashboard", load: () => import("./dashboard/index.js").then((m) => m.Dashboard) },
  settings: { title: "Settings", load: () => import("./settings/index.js").then((m) => m.Settings) },
  label: { title: "Labeling", load: () => import("../labeling/index.js").then((m) => m.LabelingScreen), hidden: true },
};

export const DIALOGS = {
  import: { title: "Import", load: () => import("./import/index.js").then((m) => m.ImportDialog) },
  export: { title: "Export", load: () => import("./export/index.js").then((m) => m.ExportDialog) },
};

export function ProjectPage({ id, section = "data", rest = "", query, onTitle }) {
  const { navigate } = useApp();
  const [state, setState] = useState({ loading: true });
  const [dialog, setDialog] = useState(null);
  const refresh = useCallback(() => Promise.all([getProject(id), storeCounts(id)]).then(
    ([project, counts]) => { setState({ project, counts }); onTitle?.(project?.name); },
    (err) => setState({ error: String(err?.message ?? err) })), [id]);
  useEffect(() => { setState({ loading: true }); refresh(); }, [id]);

  if (state.loading) return html`<p class="muted">Loading the project…</p>`;
  if (state.error) return html`<p class="error-text" role="alert">${state.error}</p>`;
  if (!state.project) return html`<div class="notice" role="alert"><p>There is no project ${id} in this browser.</p><a href="#/projects">Back to Projects</a></div>`;
  const { project, counts } = state;
  const screen = SECTIONS[section];
  const base = `#/projects/${id}`;
  const props = { project, counts, rest, query, navigate, refresh, openDialog: setDialog };
  // Keyed by section: one section's screen is never reused for another's route.
  if (section === "label") return html`<${Lazy} key="label" loader=${screen.load} label="the labeling screen" props=${props} />`;
  return html`
    <div class="project-head">
      <h1>${project.name}</h1>
      <nav class="tabs" aria-label="Project sections">
        ${Object.entries(SECTIONS).filter(([, s]) => !s.hidden).map(([key, s]) => html`
          <a href=${`${base}/${key}`} aria-current=${key === section ? "page" : undefined}>${s.title}</a>`)}
      </nav>
      <span class="spacer"></span>
      <button class="btn" type="button" onClick=${() => setDialog("import")}>Import</button>
      <button class="btn" type="button" onClick=${() => setDialog("export")}>Export</button>
      <button class="btn primary" type="button" onClick=${() => navigate(`${base}/label`)}>Label All Tasks</button>
    </div>
    ${screen ? html`<${Lazy} key=${section} loader=${screen.load} label=${`the ${screen.title}`} props=${props} />`
             : html`<div class="notice" role="alert"><p>This project has no “${section}” section.</p></div>`}
    ${dialog && html`<${Lazy} loader=${DIALOGS[dialog].load} label=${`the ${DIALOGS[dialog].title} dialog`}
        props=${{ ...props, onClose: () => { setDialog(null); refresh(); } }} />`}`;
}
