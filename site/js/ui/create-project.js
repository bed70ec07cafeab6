// Create Project: one dialog with the tabs Project Name, Data Import and Labeling Setup, and Save.
// The project is written when the person first leaves the Project Name tab (the other tabs need a
// project to import into / configure) or on Save; Cancel removes a project this dialog wrote.
// Data Import mounts ImportPanel {project, onDone} from ui/import/index.js; Labeling Setup mounts
// LabelingSetup {project, onSaved, embedded, onChange} from ui/setup/index.js. Both tabs may be
// skipped. The dialog's Save also keeps a valid config chosen in Labeling Setup but not saved
// there yet (one Save, as in Label Studio).
import { html, useRef, useState } from "../lib/html.js";
import { createProject, updateProject, deleteProject, getProject, PROJECT_COLORS } from "../store/projects.js";
import { Modal } from "./dialog.js";
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
  const [project, setProject] = useState(null);
  const [error, setError] = useState(null);
  const [saving, setSaving] = useState(false);
  const set = (changes) => setFields({ ...fields, ...changes });
  const config = useRef(null); // the Labeling Setup's latest valid {label_config, parsed_config}
  const onConfig = (c) => { config.current = c.ok && c.parsed_config ? { label_config: c.label_config, parsed_config: c.parsed_config } : null; };

  // Write the project (or its latest name/description/colour); returns it.
  const ensure = async (withConfig = false) => {
    const changes = withConfig && config.current ? { ...fields, ...config.current } : fields;
    if (!project) {
      const created = await createProject(fields);
      setProject(created);
      return created;
    }
    const saved = await updateProject(project.id, changes);
    setProject(saved);
    return saved;
  };
  const go = async (next) => {
    if (next === tab) return;
    setError(null);
    if (next !== "name") {
      try { await ensure(); } catch (err) { setError(String(err?.message ?? err)); setTab("name"); return; }
    }
    setTab(next);
  };
  const save = async (event) => {
    event?.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = await ensure(true);
      onCreated(saved);
    } catch (err) {
      setError(String(err?.message ?? err));
      setTab("name");
      setSaving(false);
    }
  };
  const cancel = async () => {
    if (project) await deleteProject(project.id);
    onClose();
  };
  const reread = async () => { if (project) setProject(await getProject(project.id)); };

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
        ${tab === "name" && html`<form id="create-project" onSubmit=${save}><${ProjectFields} fields=${fields} set=${set} /></form>`}
        ${tab === "import" && project && html`<${Lazy} loader=${loadImport} label="the import panel"
            props=${{ project, onDone: () => reread() }} />`}
        ${tab === "setup" && project && html`<${Lazy} loader=${loadSetup} label="the Labeling Setup"
            props=${{ project, onSaved: () => { config.current = null; reread(); }, embedded: true, onChange: onConfig }} />`}
      </div>
      ${error && html`<p class="error-text" role="alert">${error}</p>`}
    </div>
  <//>`;
}
