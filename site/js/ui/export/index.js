// The Export dialog: the formats that fit the project's config, which tasks, predictions or
// not, a progress bar, then one download. The formats come from the Python core; while it
// loads, the dialog says so and asks for them as soon as it is ready.
import { html, useEffect, useState, useRef } from "../../lib/html.js";
import { loadCss } from "../../lib/css.js";
import { Modal } from "../dialog.js";
import { useApp } from "../context.js";
import { runExport, downloadName, downloadHint, viewScope } from "./run.js";
import { saveFile } from "../../lib/download.js";

loadCss("css/export.css");

const SCOPES = {
  annotated: { label: "Annotated tasks only", hint: "Tasks with at least one annotation (Label Studio's default)." },
  all: { label: "All tasks", hint: "Every task, annotated or not." },
  view: { label: "Tasks in the current view", hint: "The Data Manager's current tab with its filters and ordering." },
  selection: { label: "Selected tasks", hint: "The tasks selected in the Data Manager." },
};

function useCoreState(core) {
  const [state, setState] = useState(core.state);
  useEffect(() => core.subscribe(setState), [core]);
  return state;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function sizeText(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function FormatList({ project, formats, selected, onSelect, disabled }) {
  return html`<fieldset class="export-formats" disabled=${disabled}>
    <legend>Format</legend>
    ${formats.map((f) => html`
      <label class="export-format" key=${f.name} data-selected=${f.name === selected}>
        <input type="radio" name="export-format" value=${f.name} checked=${f.name === selected}
          aria-labelledby=${`export-format-${f.name}`} aria-describedby=${`export-format-${f.name}-desc`}
          onChange=${() => onSelect(f.name)} />
        <span class="export-format-text">
          <span class="export-format-title" id=${`export-format-${f.name}`}>${f.title}</span>
          <span class="export-format-desc" id=${`export-format-${f.name}-desc`}>${f.description}</span>
          ${f.writes && html`<span class="export-format-writes">${downloadHint(project, f)}</span>`}
        </span>
      </label>`)}
  </fieldset>`;
}

function ScopeChoice({ scopes, scope, onScope, disabled }) {
  return html`<fieldset class="export-scope" disabled=${disabled}>
    <legend>Tasks</legend>
    ${scopes.map(({ key, count }) => html`
      <label class="export-scope-option" key=${key}>
        <input type="radio" name="export-scope" value=${key} checked=${key === scope} onChange=${() => onScope(key)} />
        <span><span class="export-scope-label">${SCOPES[key].label}${count != null ? ` (${count})` : ""}</span>
          <span class="hint">${SCOPES[key].hint}</span></span>
      </label>`)}
  </fieldset>`;
}

function Progress({ step }) {
  const pct = Math.round(step.fraction * 100);
  return html`<div class="export-progress">
    <div class="export-progress-text"><span>${step.phase}</span><span class="muted">${pct}%</span></div>
    <div class="progress" role="progressbar" aria-label="Export progress" aria-valuemin="0" aria-valuemax="100"
      aria-valuenow=${pct}><span style=${{ width: `${pct}%` }}></span></div>
  </div>`;
}

export function ExportDialog({ project, counts, onClose, openDialog, navigate }) {
  const { core } = useApp();
  const coreState = useCoreState(core);
  const [formats, setFormats] = useState(null);
  const [formatsError, setFormatsError] = useState(null);
  const [selected, setSelected] = useState("JSON");
  const [scope, setScope] = useState("annotated");
  const [view, setView] = useState(null);
  const [predictions, setPredictions] = useState(false);
  const [step, setStep] = useState(null);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const live = useRef(true);
  useEffect(() => () => { live.current = false; }, []);

  const hasConfig = Boolean(project.label_config?.trim());
  useEffect(() => {
    if (!hasConfig) return;
    // Queued by the worker until the core is ready: no need to wait here.
    core.call("export.formats", { config_xml: project.label_config }).then(
      (list) => { if (!live.current) return; setFormats(list); if (!list.some((f) => f.name === "JSON")) setSelected(list[0]?.name); },
      (err) => live.current && setFormatsError(err));
  }, [core, project.label_config]);
  useEffect(() => {
    viewScope(project.id).then((v) => live.current && setView(v), () => {});
  }, [project.id]);

  const scopes = [{ key: "annotated", count: null }, { key: "all", count: counts?.tasks }];
  if (view) scopes.push({ key: view.kind, count: view.ids.length });
  const format = formats?.find((f) => f.name === selected);
  const busy = step !== null && !done && !error;

  const start = async (event) => {
    event?.preventDefault();
    if (!format || busy) return;
    setError(null); setDone(null); setStep({ fraction: 0, phase: "Starting" });
    const taskIds = view && scope === view.kind ? view.ids : null; // which of them go: the core's rule
    try {
      const result = await runExport(core, project, {
        format, scope, taskIds, includePredictions: predictions,
      }, (s) => live.current && setStep(s));
      const name = downloadName(project, result.filename, format.name);
      saveFile(result.bytes, name, result.mime);
      if (live.current) setDone({ ...result, name });
    } catch (err) {
      if (live.current) { setError(err); setStep(null); }
    }
  };

  const footer = html`
    <button class="btn" type="button" onClick=${onClose}>${done ? "Close" : "Cancel"}</button>
    <button class="btn primary" type="submit" form="export-form" disabled=${!format || busy || !hasConfig || !counts?.tasks}>Export</button>`;

  let body;
  if (!hasConfig) {
    body = html`<div class="notice" role="alert"><p>This project has no labeling config yet, so no format knows what to
      write. Set one up first.</p>
      <button class="btn" type="button" onClick=${() => { onClose(); navigate(`#/projects/${project.id}/settings/labeling`); }}>Labeling Setup</button></div>`;
  } else if (!counts?.tasks) {
    body = html`<div class="empty export-empty"><h3>Nothing to export yet</h3>
      <p>This project has no tasks. Import data, label it, then export it here.</p>
      <button class="btn primary" type="button" onClick=${() => openDialog?.("import")}>Import</button></div>`;
  } else if (formatsError) {
    body = html`<p class="error-text" role="alert">The formats could not be listed: ${formatsError.message}</p>`;
  } else if (!formats) {
    body = html`<p class="muted export-waiting" aria-busy="true">${coreState.status === "failed"
      ? `The Python core failed to start (${coreState.error?.message ?? "unknown error"}): export needs it.`
      : coreState.status === "ready" ? "Listing the formats that fit this project…"
        : "Python core loading… the formats that fit this project appear as soon as it is ready."}</p>`;
  } else {
    body = html`<form id="export-form" class="export-form" onSubmit=${start}>
      <p class="muted export-intro">${`The file is written here, in your browser: nothing is uploaded. This project has
        ${plural(counts.tasks, "task")} and ${plural(counts.annotations, "annotation")}.`}</p>
      <div class="export-columns">
        <${FormatList} project=${project} formats=${formats} selected=${selected} onSelect=${setSelected} disabled=${busy} />
        <div class="export-side">
          <${ScopeChoice} scopes=${scopes} scope=${scope} onScope=${setScope} disabled=${busy} />
          <label class="export-check">
            <input type="checkbox" checked=${predictions} disabled=${busy || !counts.predictions}
              onChange=${(e) => setPredictions(e.target.checked)} />
            <span>Include predictions
              <span class="hint">${counts.predictions ? `${counts.predictions} predictions; JSON writes them, the other formats read annotations.`
                : "This project has no predictions."}</span></span>
          </label>
        </div>
      </div>
      ${step && !error && html`<${Progress} step=${step} />`}
      ${error && html`<p class="error-text" role="alert">Export failed: ${error.message ?? String(error)}</p>`}
      ${done && html`<p class="export-done" role="status">Downloaded <strong>${done.name}</strong>${
        ` (${sizeText(done.bytes.length)}${done.files > 1 ? `, ${done.files} files` : ""}) with ${plural(done.tasks, "task")}.`}</p>`}
    </form>`;
  }
  return html`<${Modal} title="Export data" onClose=${onClose} footer=${footer}>${body}<//>`;
}
