// Settings parts that edit the project record: General, Instructions, Annotation.
import { html, useState, useMemo } from "../../lib/html.js";
import DOMPurify from "../../../vendor/purify.mjs";
import { updateProject, updateSettings, projectSettings, SAMPLING } from "../../store/projects.js";
import { ProjectFields } from "../create-project.js";

/** Fields edited locally, saved on submit; `dirty` and a "Saved" notice for the person. */
function useForm(initial, persist, refresh) {
  const [values, setValues] = useState(initial);
  const [base, setBase] = useState(initial);
  const [status, setStatus] = useState({ saved: false, error: null, busy: false });
  const set = (changes) => { setValues({ ...values, ...changes }); setStatus({ saved: false, error: null, busy: false }); };
  const dirty = Object.keys(base).some((k) => base[k] !== values[k]);
  const submit = async (event) => {
    event?.preventDefault();
    setStatus({ saved: false, error: null, busy: true });
    try {
      await persist(values);
      setBase(values);
      setStatus({ saved: true, error: null, busy: false });
      await refresh?.();
    } catch (err) {
      setStatus({ saved: false, error: String(err?.message ?? err), busy: false });
    }
  };
  return { values, set, dirty, submit, status };
}

function SaveBar({ form }) {
  const { status, dirty } = form;
  return html`<div class="save-bar">
    <button class="btn primary" type="submit" disabled=${status.busy}>Save</button>
    ${status.saved && !dirty && html`<span class="saved" role="status">Saved</span>`}
    ${dirty && !status.saved && html`<span class="muted">Unsaved changes</span>`}
    ${status.error && html`<span class="error-text" role="alert">${status.error}</span>`}
  </div>`;
}

export function General({ project, refresh }) {
  const initial = useMemo(() => ({ name: project.name, description: project.description ?? "", color: project.color }), [project.id]);
  const form = useForm(initial, (v) => updateProject(project.id, v), refresh);
  return html`<form class="settings-form" onSubmit=${form.submit}>
    <h2>General</h2>
    <${ProjectFields} fields=${form.values} set=${form.set} idPrefix="settings" />
    <${SaveBar} form=${form} />
  </form>`;
}

export function Instructions({ project, refresh }) {
  const s = projectSettings(project);
  const initial = useMemo(() => ({ expert_instruction: s.expert_instruction, show_instruction: s.show_instruction }), [project.id]);
  const form = useForm(initial, (v) => updateSettings(project.id, v), refresh);
  const clean = useMemo(() => DOMPurify.sanitize(form.values.expert_instruction), [form.values.expert_instruction]);
  return html`<form class="settings-form" onSubmit=${form.submit}>
    <h2>Instructions</h2>
    <p class="muted">What annotators read before they label: what to mark, what to skip, examples. Plain text or HTML.</p>
    <div class="field"><label for="instructions-text">Labeling instructions</label>
      <textarea id="instructions-text" class="tall" value=${form.values.expert_instruction}
        onInput=${(e) => form.set({ expert_instruction: e.target.value })}
        placeholder="e.g. Draw a tight box around every traffic sign; skip signs smaller than 10 pixels."></textarea></div>
    <label class="check"><input type="checkbox" checked=${form.values.show_instruction}
        onChange=${(e) => form.set({ show_instruction: e.target.checked })} />
      Show the instructions when the labeling screen opens (they are always one click away there)</label>
    ${clean.trim() && html`<div class="preview" aria-label="Instructions preview">
        <span class="label">Preview</span><div class="preview-body" dangerouslySetInnerHTML=${{ __html: clean }}></div></div>`}
    <${SaveBar} form=${form} />
  </form>`;
}

export function Annotation({ project, refresh }) {
  const s = projectSettings(project);
  const keys = ["sampling", "show_skip_button", "enable_empty_annotation", "maximum_annotations"];
  const initial = useMemo(() => Object.fromEntries(keys.map((k) => [k, s[k]])), [project.id]);
  const persist = (v) => {
    const overlap = Number(v.maximum_annotations);
    if (!Number.isInteger(overlap) || overlap < 1 || overlap > 1000) throw new Error("Annotations per task must be a whole number from 1 to 1000.");
    return updateSettings(project.id, { ...v, maximum_annotations: overlap });
  };
  const form = useForm(initial, persist, refresh);
  const v = form.values;
  return html`<form class="settings-form" noValidate onSubmit=${form.submit}>
    <h2>Annotation</h2>
    <fieldset class="choice">
      <legend>Task sampling</legend>
      <p class="muted">The order in which Label All Tasks hands out tasks.</p>
      ${Object.entries(SAMPLING).map(([key, label]) => html`<label class="check">
          <input type="radio" name="sampling" value=${key} checked=${v.sampling === key} onChange=${() => form.set({ sampling: key })} />
          ${label}</label>`)}
    </fieldset>
    <label class="check"><input type="checkbox" checked=${v.show_skip_button}
        onChange=${(e) => form.set({ show_skip_button: e.target.checked })} /> Show Skip button</label>
    <label class="check"><input type="checkbox" checked=${v.enable_empty_annotation}
        onChange=${(e) => form.set({ enable_empty_annotation: e.target.checked })} /> Allow empty annotations</label>
    <div class="field narrow"><label for="overlap">Annotations per task</label>
      <input id="overlap" type="number" min="1" max="1000" step="1" value=${v.maximum_annotations}
        onInput=${(e) => form.set({ maximum_annotations: e.target.value })} />
      <span class="hint">Overlap: a task is complete once this many people have annotated it.</span></div>
    <${SaveBar} form=${form} />
  </form>`;
}
