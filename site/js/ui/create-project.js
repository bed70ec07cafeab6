// Create Project: one dialog with the tabs Project Name, Data Import and Labeling Setup, and Save.
// The project is written when the person first leaves the Project Name tab (the other tabs need a
// project to import into / configure) or on Save; Cancel removes a project this dialog wrote,
// after asking when tasks were imported into it.
// Data Import mounts ImportPanel {project, onDone, control} from ui/import/index.js; Labeling
// Setup mounts LabelingSetup {project, embedded, control} from ui/setup/index.js. Both tabs may be
// skipped; a tab once visited stays mounted (hidden), so files staged or a config typed there
// survive a move to another tab. The dialog's Save is one Save, as in Label Studio: it refuses a
// config with errors (and shows them), imports the files still staged, and keeps a valid config.
import { html, useRef, useState } from "../lib/html.js";
import { createProject, updateProject, deleteProject, getProject, PROJECT_COLORS } from "../store/projects.js";
import { storeCounts } from "../store/task-index-store.js";
import { Modal, ConfirmDialog } from "./dialog.js";
import { Lazy } from "./lazy.js";

const loadImport = () => import("./import/index.js").then((m) => m.ImportPanel);
const loadSetup = () => import("./setup/index.js").then((m) => m.LabelingSetup);

const TABS = [
  ["name", "Project Name"],
  ["import", "Data Import"],
  ["setup", "Labeling Setup"],
];

export function ProjectFields({ fields, set, idPrefix = "project" }) {
  return html`
    <div class="field"><label for=${`${idPrefix}-name`}>Project Name</label>
      <input id=${`${idPrefix}-name`} type="text" required maxlength="200" value=${fields.name}
        onInput=${(e) => set({ name: e.target.value })} /></div>
    <div class="field"><label for=${`${idPrefix}-description`}>Description</label>
      <textarea id=${`${idPrefix}-description`} value=${fields.description} onInput=${(e) => set({ description: e.target.value })}
        placeholder="Optional description of your project"></textarea></div>
    <div class="field"><span class="label" id=${`${idPrefix}-color-label`}>Color</span>
      <div class="swatches" role="radiogroup" aria-labelledby=${`${idPrefix}-color-label`}>
        ${PROJECT_COLORS.map((c) => html`<button type="button" class="swatch" role="radio" aria-checked=${c === fields.color}
           aria-label=${c} style=${{ background: c }} onClick=${() => set({ color: c })}></button>`)}
      </div></div>`;
}

export function CreateProjectDialog({ onCreated, onClose }) {
  const [fields, setFields] = useState({ name: "", description: "", color: PROJECT_COLORS[0] });
  const [tab, setTab] = useState("name");
  const [visited, setVisited] = useState(() => new Set(["name"]));
  const [project, setProject] = useState(null);
  const [error, setError] = useState(null);
  const [saving, setSaving] = useState(false);
  const [discard, setDiscard] = useState(null); // {tasks}: the question before deleting imported tasks
  const set = (changes) => setFields({ ...fields, ...changes });
  const importer = useRef(null); // ImportPanel's handle: {staged, importStaged()}
  const setup = useRef(null); // LabelingSetup's handle: {check(), showErrors()}

  // Write the project (or its latest name/description/colour, and `config`); returns it.
  const ensure = async (config = null) => {
    if (!project) {
      const created = await createProject(config ? { ...fields, ...config } : fields);
      setProject(created);
      return created;
    }
    const saved = await updateProject(project.id, config ? { ...fields, ...config } : fields);
    setProject(saved);
    return saved;
  };
  const show = (next) => { setTab(next); setVisited((v) => (v.has(next) ? v : new Set(v).add(next))); };
  const go = async (next) => {
    if (next === tab) return;
    setError(null);
    if (next !== "name") {
      try { await ensure(); } catch (err) { setError(String(err?.message ?? err)); setTab("name"); return; }
    }
    show(next);
  };
  // What Save writes of the Labeling Setup: null (none chosen), a config, or a refusal.
  const configToSave = async () => {
    const checked = await setup.current?.check();
    if (!checked || !checked.label_config.trim()) return { config: null };
    if (checked.ok) return { config: { label_config: checked.label_config, parsed_config: checked.parsed_config } };
    const n = checked.errors.length;
    return { refused: `The labeling config has ${n} ${n === 1 ? "error" : "errors"}: fix ${n === 1 ? "it" : "them"}, or clear the config, to save.` };
  };
  const save = async (event) => {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const { config, refused } = await configToSave();
      if (refused) {
        show("setup");
        setError(refused);
        setup.current.showErrors();
        return;
      }
      if (importer.current?.staged) {
        show("import");
        const outcome = await importer.current.importStaged();
        if (outcome !== "done") {
          setError("Not saved yet: the files on the Data Import tab are not imported (see there).");
          return;
        }
      }
      onCreated(await ensure(config));
    } catch (err) {
      setError(String(err?.message ?? err));
      setTab("name");
    } finally {
      setSaving(false);
    }
  };
  // Leaving (Cancel, ✕, Escape) deletes the project this dialog wrote; with tasks in it, only
  // once the person said so.
  const cancel = async () => {
    if (discard) return;
    if (project) {
      const { tasks } = await storeCounts(project.id);
      if (tasks > 0) { setDiscard({ tasks }); return; }
      await deleteProject(project.id);
    }
    onClose();
  };
  const reread = async () => { if (project) setProject(await getProject(project.id)); };
  const panel = (key, body) => visited.has(key) && project && html`<div hidden=${tab !== key}>${body}</div>`;
  const name = fields.name.trim() ? `“${fields.name.trim()}”` : "This project";

  return html`<${Modal} title="Create Project" onClose=${cancel} footer=${html`
      <span class="create-step muted">${tab === "name" ? "Data Import and Labeling Setup can wait: Save now or later." : ""}</span>
      <button class="btn" type="button" onClick=${cancel}>Cancel</button>
      <button class="btn primary" type="button" onClick=${save} disabled=${saving}>Save</button>`}>
    <div class="create-project">
      <div class="tabs create-tabs" role="tablist" aria-label="Create Project steps">
        ${TABS.map(([key, label]) => html`<button type="button" role="tab" id=${`create-tab-${key}`} aria-selected=${key === tab}
            aria-controls="create-panel" onClick=${() => go(key)}>${label}</button>`)}
      </div>
      <div id="create-panel" role="tabpanel" aria-label=${`Step ${TABS.findIndex(([k]) => k === tab) + 1} of ${TABS.length}`} class="create-panel">
        <div hidden=${tab !== "name"}><form id="create-project" onSubmit=${save}><${ProjectFields} fields=${fields} set=${set} /></form></div>
        ${panel("import", html`<${Lazy} loader=${loadImport} label="the import panel"
            props=${{ project, onDone: () => reread(), control: importer }} />`)}
        ${panel("setup", html`<${Lazy} loader=${loadSetup} label="the Labeling Setup"
            props=${{ project, embedded: true, control: setup }} />`)}
      </div>
      ${error && html`<p class="error-text" role="alert">${error}</p>`}
    </div>
    ${discard && html`<${ConfirmDialog} title="Discard this project?" danger=${true}
        message=${`The project “${name}” and its ${discard.tasks} imported ${discard.tasks === 1 ? "task" : "tasks"} will be deleted from this browser.`}
        cancelLabel="Keep editing" confirmLabel="Delete project and tasks"
        onConfirm=${async () => { await deleteProject(project.id); onClose(); }} onClose=${() => setDiscard(null)} />`}
  <//>`;
}
