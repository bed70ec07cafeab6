// The Import dialog of a project (and the same content as a panel for the Create Project dialog).
//
//   ImportDialog {project, onClose, refresh}   the 'import' dialog (see ../project.js)
//   ImportPanel  {project, onDone, ensureProject?, control?}
//       onDone(summary) runs once the tasks are written; ensureProject() -> project (with an id)
//       is called before writing when `project` has no id yet (a project being created).
//       control (a ref) is the host's handle, for a Save that imports what is staged:
//       control.current = {staged, importStaged()}; `staged` is true while files or URLs are
//       picked and not imported; importStaged() presses Import and resolves to "done" (written),
//       "report" (problems on screen, the person decides) or "failed" (said on screen).
//
// Steps: pick (drop, Upload Files, Upload Folder, paste URLs) -> preview of each source (format,
// first tasks, column -> data key mapping, first problems) -> Import: the files are parsed in
// full, streamed in slices (progress, Cancel) -> a clean import is written at once; one with
// errors shows the report and writes nothing unless "Import the valid ones" -> the summary.
import { html, useEffect, useRef, useState } from "../../lib/html.js";
import { loadCss } from "../../lib/css.js";
import { useApp } from "../context.js";
import { Modal } from "../dialog.js";
import { ImportCancelled, recoverImports } from "../../store/imports.js";
import { groupSources, urlSource, filesFromHandle, filesFromInput, filesFromDrop } from "./sources.js";
import { previewSource, parseSources, combine, writeResults, cancelSessions } from "./run.js";
import { TaskTable, Mapping, ErrorReport, Progress, Summary, bytesText, fmt } from "./views.js";

loadCss("css/import.css");

export function ImportDialog({ project, onClose, refresh }) {
  const [busy, setBusy] = useState(false);
  return html`<${Modal} title="Import" onClose=${() => !busy && onClose()}>
    <${ImportPanel} project=${project} onBusy=${setBusy} onDone=${() => refresh?.()} onClose=${onClose} />
  <//>`;
}

function useCoreState(core) {
  const [state, setState] = useState(core.state);
  useEffect(() => core.subscribe(setState), [core]);
  return state;
}

const errorText = (err) => String(err?.message ?? err);

export function ImportPanel({ project, onDone, onClose, onBusy, ensureProject, control }) {
  const { core } = useApp();
  const coreState = useCoreState(core);
  const [sources, setSources] = useState([]);
  const [skipped, setSkipped] = useState(0);
  const [previews, setPreviews] = useState(new Map()); // source -> preview | {error}
  const [selected, setSelected] = useState(0);
  const [urls, setUrls] = useState("");
  const [stage, setStage] = useState({ name: "pick" });
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef(null);
  const folderInput = useRef(null);
  const abort = useRef(null);

  useEffect(() => { recoverImports().catch((err) => console.error("labelcore: import recovery failed", err)); }, []);
  useEffect(() => { onBusy?.(stage.name === "parse" || stage.name === "write"); }, [stage.name]);
  // Free the core's sessions if the panel goes away with a report on screen.
  const live = useRef([]);
  useEffect(() => () => { if (live.current.length) cancelSessions(core, live.current); }, []);

  // Preview every source not previewed yet.
  useEffect(() => {
    for (const source of sources) {
      if (previews.has(source)) continue;
      previews.set(source, null);
      previewSource(core, project, source).then(
        (p) => setPreviews((m) => new Map(m).set(source, p)),
        (err) => setPreviews((m) => new Map(m).set(source, { error: err })));
    }
  }, [sources]);

  // Changing the sources drops a report on screen (and the core's sessions behind it).
  const leaveReport = () => {
    if (live.current.length) cancelSessions(core, live.current);
    live.current = [];
  };
  const addFiles = async (picked) => {
    if (!picked.length) return;
    leaveReport();
    setStage({ name: "pick", reading: true });
    try {
      const grouped = await groupSources(core, picked);
      setSkipped((n) => n + grouped.skipped);
      setSources((old) => mergeSources(old, grouped.sources));
      setStage({ name: "pick" });
    } catch (err) {
      setStage({ name: "pick", error: errorText(err) });
    }
  };
  const addUrls = () => {
    const text = urls.trim();
    if (!text) return;
    leaveReport();
    setStage({ name: "pick" });
    setSources((old) => [...old, urlSource(text + "\n")]);
    setUrls("");
  };
  const remove = (source) => { leaveReport(); setStage({ name: "pick" }); setSources((old) => old.filter((s) => s !== source)); setSelected(0); };
  const pickFolder = async () => {
    if (window.showDirectoryPicker) {
      try {
        const dir = await window.showDirectoryPicker({ mode: "read" });
        await addFiles(await filesFromHandle(dir));
      } catch (err) {
        if (err?.name !== "AbortError") setStage({ name: "pick", error: errorText(err) });
      }
    } else {
      folderInput.current?.click();
    }
  };
  const onDrop = async (event) => {
    event.preventDefault();
    setDragging(false);
    await addFiles(await filesFromDrop(event.dataTransfer));
  };

  // One Import at a time: a Save pressed while it runs waits for the same one.
  const running = useRef(null);
  const run = () => {
    running.current ??= parse().finally(() => { running.current = null; });
    return running.current;
  };
  const parse = async () => {
    const controller = new AbortController();
    abort.current = controller;
    performance.mark("labelcore:import-start");
    setStage({ name: "parse", progress: { done: 0, total: 1, tasks: 0, errors: 0 } });
    try {
      const results = await parseSources(core, project, sources, {
        signal: controller.signal, onProgress: (progress) => setStage({ name: "parse", progress }),
      });
      performance.mark("labelcore:import-parsed");
      live.current = results.map((r) => r.session);
      const report = combine(results);
      if (report.ok) return (await write(results, report, controller)) ? "done" : "failed";
      setStage({ name: "report", results, report });
      return "report";
    } catch (err) {
      setStage(err instanceof ImportCancelled ? { name: "pick", notice: err.message } : { name: "pick", error: errorText(err) });
      return "failed";
    }
  };
  const write = async (results, report, controller = new AbortController()) => {
    abort.current = controller;
    setStage({ name: "write", progress: { done: 0, total: report.summary.tasks } });
    try {
      let target = project;
      if (target.id === undefined && ensureProject) target = await ensureProject();
      const counts = await writeResults(core, target, results, {
        signal: controller.signal, onProgress: (progress) => setStage({ name: "write", progress }),
      });
      performance.mark("labelcore:import-written");
      live.current = [];
      const summary = { ...counts, bytes: report.summary.bytes };
      setStage({ name: "done", summary });
      onDone?.(summary);
      return true;
    } catch (err) {
      live.current = [];
      setStage(err instanceof ImportCancelled ? { name: "pick", notice: err.message } : { name: "pick", error: `Nothing was imported: ${errorText(err)}` });
      return false;
    }
  };
  const dropReport = () => {
    leaveReport();
    setStage({ name: "pick", notice: "Nothing was imported." });
  };

  const busy = stage.name === "parse" || stage.name === "write";
  if (control) {
    control.current = {
      staged: sources.length > 0 && stage.name !== "done",
      importStaged: () => (running.current ?? (stage.name === "pick" && !stage.reading ? run()
        : Promise.resolve(stage.name === "report" ? "report" : "failed"))),
    };
  }
  if (stage.name === "done") {
    return html`<div class="import-panel">
      <p class="import-done" role="status">Imported ${fmt(stage.summary.tasks)} ${stage.summary.tasks === 1 ? "task" : "tasks"}.</p>
      <${Summary} counts=${stage.summary} />
      ${onClose && html`<div class="import-actions"><button class="btn primary" type="button" onClick=${onClose}>Done</button></div>`}
    </div>`;
  }
  const current = sources[Math.min(selected, sources.length - 1)];
  const preview = current && previews.get(current);
  const previewsReady = sources.length > 0 && sources.every((s) => previews.get(s));
  return html`<div class="import-panel">
    ${coreState.status === "loading" && html`<p class="notice import-core" role="status">Python core loading… Files you add
      are read as soon as it is ready.</p>`}
    ${coreState.status === "failed" && html`<p class="notice error-text" role="alert">The Python core failed to start, so files
      cannot be read: ${coreState.error?.message}</p>`}
    <div class=${"import-drop" + (dragging ? " dragging" : "")} onDragOver=${(e) => { e.preventDefault(); setDragging(true); }}
      onDragLeave=${() => setDragging(false)} onDrop=${onDrop}>
      <p><b>Drag & drop files or a folder here</b></p>
      <p class="muted">CSV, TSV, TXT, JSON, JSONL, HTML; images, audio, video, PDF. Files stay in this browser.</p>
      <div class="import-buttons">
        <button class="btn" type="button" disabled=${busy} onClick=${() => fileInput.current?.click()}>Upload Files</button>
        <button class="btn" type="button" disabled=${busy} onClick=${pickFolder}>Upload Folder</button>
      </div>
      <input ref=${fileInput} type="file" multiple hidden aria-label="Files to import"
        onChange=${(e) => { addFiles(filesFromInput(e.target)); e.target.value = ""; }} />
      <input ref=${folderInput} type="file" webkitdirectory multiple hidden aria-label="Folder to import"
        onChange=${(e) => { addFiles(filesFromInput(e.target)); e.target.value = ""; }} />
    </div>
    <div class="field import-urls">
      <label for="import-urls">Or paste URLs, one per line</label>
      <div class="import-url-row">
        <textarea id="import-urls" value=${urls} disabled=${busy} placeholder="https://example.com/images/1.jpg"
          onInput=${(e) => setUrls(e.target.value)}></textarea>
        <button class="btn" type="button" disabled=${busy || !urls.trim()} onClick=${addUrls}>Add URL</button>
      </div>
    </div>
    ${stage.reading && html`<p class="muted" aria-busy="true">Reading the files…</p>`}
    ${stage.error && html`<p class="error-text" role="alert">${stage.error}</p>`}
    ${stage.notice && html`<p class="notice" role="status">${stage.notice}</p>`}
    ${skipped > 0 && html`<p class="muted">${fmt(skipped)} hidden ${skipped === 1 ? "file was" : "files were"} skipped (.DS_Store and the like).</p>`}
    ${sources.length > 0 && html`<${SourceList} sources=${sources} previews=${previews} selected=${current}
        onSelect=${(s) => setSelected(sources.indexOf(s))} onRemove=${busy ? null : remove} />`}
    ${current && html`<${PreviewBox} preview=${preview} source=${current} hasConfig=${Boolean(project?.label_config)}
        showErrors=${stage.name !== "report"} />`}
    ${stage.name === "parse" && html`<${Progress} label="Reading" done=${stage.progress.done} total=${stage.progress.total}
        detail=${`${bytesText(stage.progress.done)} of ${bytesText(stage.progress.total)} · ${fmt(stage.progress.tasks)} tasks · ${fmt(stage.progress.errors)} errors`} />`}
    ${stage.name === "write" && html`<${Progress} label="Writing tasks" done=${stage.progress.done} total=${stage.progress.total}
        detail=${`${fmt(stage.progress.done)} of ${fmt(stage.progress.total)} tasks${stage.progress.phase === "receive" ? " received" : ""}`} />`}
    ${stage.name === "report" && html`<${ErrorReport} errors=${stage.report.errors} total=${stage.report.errorsTotal}
        title="Nothing was imported" />`}
    <div class="import-actions">
      ${busy && html`<button class="btn" type="button" onClick=${() => abort.current?.abort()}>Cancel</button>`}
      ${stage.name === "report" && html`
        <button class="btn" type="button" onClick=${dropReport}>Cancel</button>
        <button class="btn primary" type="button" disabled=${stage.report.summary.tasks === 0}
          onClick=${() => write(stage.results, stage.report)}>Import the valid ones (${fmt(stage.report.summary.tasks)})</button>`}
      ${stage.name === "pick" && html`
        <button class="btn primary" type="button" disabled=${!previewsReady || coreState.status === "failed"} onClick=${run}>Import</button>`}
    </div>
  </div>`;
}

/** Add new sources; media files join the one media source there already is. */
function mergeSources(old, added) {
  const oldMedia = old.find((s) => s.kind === "media");
  const newMedia = added.find((s) => s.kind === "media");
  if (!oldMedia || !newMedia) return [...old, ...added];
  const files = [...oldMedia.files, ...newMedia.files];
  const merged = { ...oldMedia, files, size: oldMedia.size + newMedia.size, name: `${files.length} media files` };
  return [...old.map((s) => (s === oldMedia ? merged : s)), ...added.filter((s) => s !== newMedia)];
}

function SourceList({ sources, previews, selected, onSelect, onRemove }) {
  return html`<ul class="import-sources" aria-label="Sources">${sources.map((s) => {
    const p = previews.get(s);
    const status = !p ? "reading…" : p.error ? "cannot read" : p.errors_total ? `${fmt(p.errors_total)} ${p.errors_total === 1 ? "problem" : "problems"}` : "ok";
    return html`<li aria-current=${s === selected ? "true" : undefined}>
      <button type="button" class="import-source" onClick=${() => onSelect(s)}>
        <span class="name">${s.name}</span>
        <span class="muted">${p?.detected_format ? p.detected_format.toUpperCase() : ""} · ${bytesText(s.size)} · ${status}</span>
      </button>
      ${onRemove && html`<button type="button" class="btn icon" aria-label=${`Remove ${s.name}`} onClick=${() => onRemove(s)}>✕</button>`}
    </li>`;
  })}</ul>`;
}

function PreviewBox({ preview, source, hasConfig, showErrors }) {
  if (!preview) return html`<p class="muted" aria-busy="true">Reading ${source.name}…</p>`;
  if (preview.error) return html`<p class="error-text" role="alert">${source.name}: ${errorText(preview.error)}</p>`;
  const errors = preview.errors.map((e) => ({ ...e, source: source.name }));
  return html`<section class="import-preview" aria-label="Preview">
    <p>Detected format: <b class="import-format">${(preview.detected_format || "unknown").toUpperCase()}</b>
      ${!preview.complete && html`<span class="muted"> · first rows of the file; the rest is checked on Import</span>`}</p>
    <${TaskTable} tasks=${preview.tasks} columns=${preview.columns} files=${source.files} />
    <${Mapping} mapping=${preview.data_key_mapping} hasConfig=${hasConfig} format=${preview.detected_format} />
    ${showErrors && html`<${ErrorReport} errors=${errors} total=${preview.errors_total}
        title=${preview.complete ? "Problems found" : "Problems in the first rows"} />`}
  </section>`;
}
