// Labeling Setup: choose a template, edit its labels (visually or in the XML), see the labeling
// interface live, Save. Mounted by the project's Settings (“Labeling Setup”) and by the Create
// Project dialog's “Labeling Setup” tab:
//
//   <LabelingSetup project=${project} onSaved=${(saved) => ...} embedded=${true} onChange=${...} />
//
//   project   the stored project ({id, label_config, ...}); without an id (a project not created
//             yet) Save stores nothing and hands {label_config, parsed_config} to onSaved.
//   onSaved   called after a save with the updated project (or the fields, see above).
//   embedded  layout for a dialog (no title).
//   onChange  optional: {label_config, parsed_config (null while invalid), ok} after every check.
//   control   optional ref the host saves through (its own Save button; ours is not shown, as
//             with onChange): control.current = {check(), showErrors()}. check() resolves, once
//             the text on screen is checked, to {label_config, parsed_config, ok, errors};
//             showErrors() brings the code editor forward and puts the focus on its error list.
//
// Save writes `label_config` and `parsed_config` with updateProject. It is refused (button
// disabled, errors listed) while the config has errors or is unchecked, and refused with a message
// naming them when existing annotations use names or labels the new config drops. Warnings (what
// Label Studio accepts but is probably a mistake: a label twice, a shared hotkey) are shown in
// amber and listed, and do not stop Save.
import { html, useEffect, useMemo, useRef, useState } from "../../lib/html.js";
import { loadCss } from "../../lib/css.js";
import { useApp } from "../context.js";
import { read } from "../../store/db.js";
import { updateProject } from "../../store/projects.js";
import { Gallery } from "./gallery.js";
import { CodeEditor } from "./code-editor.js";
import { VisualEditor } from "./visual-editor.js";
import { Preview } from "./preview.js";
import { sampleTask } from "./sample.js";
import { useConfigCheck } from "./use-check.js";
import { findOrphans, describeOrphans } from "./orphans.js";

loadCss("css/setup.css");

function useCoreState(core) {
  const [state, setState] = useState(core.state);
  useEffect(() => core.subscribe(setState), [core]);
  return state;
}

/** The project's first task, to preview the config on real data when no template sample is chosen. */
async function firstTask(projectId) {
  if (projectId === undefined || projectId === null) return null;
  return read(["tasks"], async (tx) => {
    const cursor = await tx.objectStore("tasks").index("project").openCursor(projectId);
    return cursor?.value ?? null;
  });
}

const TABS = { code: "Code", visual: "Visual" };
const errorsId = "setup-config-errors"; // the code editor's error list

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function StatusLine({ coreState, pending, result, dirty, empty, hostSaves }) {
  const warned = result?.warnings?.length ? ` (${plural(result.warnings.length, "warning")})` : "";
  let text;
  if (empty) text = "Pick a template, or write a config.";
  else if (coreState.status === "failed") text = `The Python core failed: ${coreState.error?.message ?? ""} The config cannot be checked.`;
  else if (pending && coreState.status !== "ready") text = "Python core loading… the config is checked as soon as it is ready.";
  else if (pending) text = "Checking the config…";
  else if (result && !result.ok) text = `${result.errors.length} ${result.errors.length === 1 ? "error" : "errors"}: fix ${result.errors.length === 1 ? "it" : "them"} to save.`;
  else if (hostSaves) text = `Valid config${warned}.`;
  else if (dirty) text = `Valid config${warned}, not saved yet.`;
  else text = `Saved${warned}.`;
  const tone = result && !result.ok && !pending && !empty ? "error-text" : "muted";
  return html`<span class="setup-status ${tone}" role="status" aria-live="polite">${text}</span>`;
}

export function LabelingSetup({ project, onSaved, embedded = false, onChange, control }) {
  const { core } = useApp();
  const coreState = useCoreState(core);
  const saved = project?.label_config ?? "";
  const [xml, setXml] = useState(saved);
  const [view, setView] = useState(saved.trim() ? "editor" : "gallery");
  const [tab, setTab] = useState("code");
  const [source, setSource] = useState(null); // the task the preview shows: the template's sample or a real one
  const [picking, setPicking] = useState(null);
  const [template, setTemplate] = useState(null); // the name of the template last picked
  const [message, setMessage] = useState(null); // {tone: "error" | "ok", text}
  const [saving, setSaving] = useState(false);
  const [baseline, setBaseline] = useState(saved);
  const { result, pending } = useConfigCheck(core, xml);
  // The last config that checked out: the stored parse to begin with, so the preview shows
  // before the Python core is up.
  const good = useRef({ parsed: saved.trim() ? project?.parsed_config ?? null : null, version: 0 });
  if (result?.ok && result.parsed !== good.current.parsed) good.current = { parsed: result.parsed, version: good.current.version + 1 };

  useEffect(() => {
    setXml(saved); setBaseline(saved); setView(saved.trim() ? "editor" : "gallery"); setMessage(null);
    let live = true;
    firstTask(project?.id).then((t) => live && t && setSource((s) => s ?? t), () => {});
    return () => { live = false; };
  }, [project?.id]);

  // The host's handle: what the last check said, once the text on screen is checked.
  const checked = result && !pending
    ? { label_config: result.xml, parsed_config: result.ok ? result.parsed : null, ok: result.ok, errors: result.errors } : null;
  const waiting = useRef([]);
  const [reveal, setReveal] = useState(0);
  if (control) {
    control.current = {
      check: () => (checked ? Promise.resolve(checked) : new Promise((resolve) => { waiting.current.push(resolve); })),
      showErrors: () => { setView("editor"); setTab("code"); setReveal((n) => n + 1); },
    };
  }
  useEffect(() => {
    if (!checked) return;
    onChange?.({ label_config: checked.label_config, parsed_config: checked.parsed_config, ok: checked.ok });
    for (const resolve of waiting.current.splice(0)) resolve(checked);
  }, [result, pending]);
  useEffect(() => { if (reveal) document.getElementById(errorsId)?.focus(); }, [reveal]);

  const task = useMemo(() => good.current.parsed && sampleTask(good.current.parsed, source), [good.current.version, source]);
  const edit = (text) => { setXml(text); setMessage(null); };

  const pick = async (name) => {
    setPicking(name);
    try {
      const chosen = await core.call("templates.get", { name });
      edit(chosen.config);
      setSource(chosen.task);
      setTemplate(name);
      setView("editor");
    } catch (err) {
      setMessage({ tone: "error", text: `The template could not be loaded: ${err.message}` });
    } finally {
      setPicking(null);
    }
  };

  const canSave = Boolean(result?.ok && !pending && !saving);
  const save = async () => {
    if (!canSave) return;
    setSaving(true);
    setMessage(null);
    try {
      const { xml: text, parsed } = result;
      const refusal = describeOrphans(await findOrphans(project?.id, parsed));
      if (refusal) { setMessage({ tone: "error", text: refusal }); return; }
      const fields = { label_config: text, parsed_config: parsed };
      const stored = project?.id !== undefined && project?.id !== null ? await updateProject(project.id, fields) : fields;
      setBaseline(text);
      setMessage({ tone: "ok", text: "Labeling config saved." });
      onSaved?.(stored);
    } catch (err) {
      setMessage({ tone: "error", text: `Not saved: ${err.message ?? err}` });
    } finally {
      setSaving(false);
    }
  };

  // Arrow keys move between the editor tabs (the WAI-ARIA tabs pattern).
  const onTabKey = (event) => {
    const keys = Object.keys(TABS);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = keys[(keys.indexOf(tab) + step + keys.length) % keys.length];
    setTab(next);
    event.currentTarget.querySelector(`#setup-tab-${next}`)?.focus();
  };

  const hostSaves = embedded && Boolean(onChange || control);
  const errors = pending ? [] : result?.errors ?? [];
  const warnings = pending ? [] : result?.warnings ?? [];
  return html`<div class=${`labeling-setup${embedded ? " embedded" : ""}`} data-pending=${pending} data-template=${template ?? ""}>
    <div class="setup-bar">
      ${!embedded && html`<h2 class="setup-title">Labeling Setup</h2>`}
      ${view === "editor"
        ? html`<button type="button" class="btn" onClick=${() => setView("gallery")}>Browse Templates</button>`
        : xml.trim() && html`<button type="button" class="btn" onClick=${() => setView("editor")}>Back to the editor</button>`}
      <span class="spacer"></span>
      <${StatusLine} coreState=${coreState} pending=${pending} result=${result} dirty=${xml !== baseline}
        empty=${!xml.trim()} hostSaves=${hostSaves} />
      ${!hostSaves && html`<button type="button" class="btn primary" disabled=${!canSave} onClick=${save}
        aria-describedby=${errors.length ? errorsId : undefined}>${saving ? "Saving…" : "Save"}</button>`}
    </div>
    ${message && html`<p class=${message.tone === "error" ? "setup-message error-text" : "setup-message ok-text"}
        role=${message.tone === "error" ? "alert" : "status"}>${message.text}</p>`}
    ${view === "gallery"
      ? html`<${Gallery} core=${core} coreState=${coreState} picking=${picking} onPick=${pick}
          onCustom=${() => { if (!xml.trim()) edit("<View>\n  \n</View>\n"); setView("editor"); setTab("code"); }} />`
      : html`<div class="setup-split">
          <section class="setup-editor" aria-label="Config editor">
            <div class="tabs setup-tabs" role="tablist" aria-label="Editor" onKeyDown=${onTabKey}>
              ${Object.entries(TABS).map(([key, title]) => html`<button type="button" role="tab" id=${`setup-tab-${key}`}
                tabindex=${tab === key ? 0 : -1} aria-selected=${tab === key} aria-controls="setup-tabpanel"
                onClick=${() => setTab(key)}>${title}</button>`)}
            </div>
            <div id="setup-tabpanel" role="tabpanel" aria-labelledby=${`setup-tab-${tab}`}>
              ${tab === "code"
                ? html`<${CodeEditor} value=${xml} onChange=${edit} errors=${errors} warnings=${warnings} id="setup-code" describedBy=${errorsId} />`
                : html`<${VisualEditor} xml=${xml} onChange=${edit} parsed=${good.current.parsed} />`}
              ${tab === "visual" && errors.length > 0 && html`<p class="error-text">${plural(errors.length, "config error")}: see the Code tab.</p>`}
              ${tab === "visual" && warnings.length > 0 && html`<p class="warn-text">${plural(warnings.length, "warning")}
                (the config still saves): see the Code tab.</p>`}
            </div>
          </section>
          <${Preview} config=${good.current.parsed} task=${task} version=${good.current.version}
            stale=${Boolean(good.current.parsed && result && !result.ok)} waiting=${pending} />
        </div>`}
  </div>`;
}
