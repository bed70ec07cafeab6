// The labeling screen: #/projects/<id>/label[/<taskId>][?view=<viewId>][&stream=1]
// Without a task id it opens the next task of the stream (Label All Tasks; with ?view, Label
// Tasks As Displayed) and keeps `stream=1` so Submit/Skip move on through the stream.
import { html, useEffect, useMemo, useRef, useState } from "../lib/html.js";
import { loadCss } from "../lib/css.js";
import { LabelingView } from "./core/view.js";
import { useStore } from "./core/hooks.js";
import { HotkeyHelp } from "./core/hotkeys.js";
import { annotator, nextTask, taskOrder } from "./core/stream.js";
import { openSession, createSession } from "./core/session.js";
import { missingRequired } from "./core/required.js";
import { focusMissing } from "./core/attention.js";
import { AnnotationTabs, OtherTab, Instructions, tabsOf, useProfiles, MINE } from "./core/tabs.js";
import { currentForm } from "./core/data.js";
import { projectSettings, updateProject } from "../store/projects.js";
import { useApp } from "../ui/context.js";

loadCss("css/labeling.css");

// A project stored with an older parsed form (before the core shipped value keys, parsed
// references, Repeater patterns...) is parsed again by the core and saved, once, before labeling.
export function LabelingScreen(props) {
  const { core } = useApp();
  const { project } = props;
  const stale = Boolean(project.parsed_config) && !currentForm(project.parsed_config);
  const [again, setAgain] = useState(null);
  useEffect(() => {
    if (!stale) return undefined;
    let live = true;
    core.call("config.parse", { xml: project.label_config })
      .then((r) => updateProject(project.id, { parsed_config: r.config }))
      .then((next) => live && setAgain({ project: next }), (err) => live && setAgain({ error: err }));
    return () => { live = false; };
  }, [project, stale]);
  if (!stale) return html`<${Labeling} ...${props} />`;
  if (again?.error) return html`<div class="notice" role="alert"><p>This project's labeling config could not be read again: ${String(again.error.message ?? again.error)}</p></div>`;
  if (!again) return html`<p class="muted" aria-busy="true">Reading the labeling config again (it was saved by an older version)…</p>`;
  return html`<${Labeling} ...${props} project=${again.project} />`;
}

function Labeling({ project, rest, query, navigate, refresh }) {
  const base = `#/projects/${project.id}`;
  const viewId = query?.get("view") ?? null;
  const stream = !rest || query?.get("stream") === "1";
  const taskId = rest ? Number(rest.split("/")[0]) : null;
  const [me, setMe] = useState(undefined);
  const [done, setDone] = useState(false);
  // What the last Submit/Skip said, shown on the task the stream moves on to (or at its end).
  const [flash, setFlash] = useState(null);
  const suffix = (extra = {}) => {
    const q = new URLSearchParams();
    if (viewId) q.set("view", viewId);
    if (extra.stream ?? stream) q.set("stream", "1");
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  useEffect(() => { annotator().then(setMe, () => setMe(null)); }, []);
  useEffect(() => {
    setDone(false);
    if (me === undefined || taskId) return undefined;
    // Only while this screen is still the one on screen: a person who left (a link, Back, a
    // typed address) before the answer came is not pulled back into the stream.
    let live = true;
    nextTask(project, me, { viewId }).then((id) => {
      if (!live) return;
      if (id == null) setDone(true);
      else location.replace(`${base}/label/${id}${suffix({ stream: true })}`);
    });
    return () => { live = false; };
  }, [me, taskId, viewId]);

  if (!project.parsed_config) {
    return html`<div class="empty"><h2>No labeling interface yet</h2><p>Write a labeling config first: Settings → Labeling Setup.</p>
      <a class="btn primary" href=${`${base}/settings/labeling`}>Labeling Setup</a></div>`;
  }
  if (done && !taskId) {
    return html`<div class="empty">${flash && html`<p role="status">${flash}</p>`}<h2>No more tasks to label</h2><p>Every task in ${viewId ? "this view" : "this project"} is labeled or has all the annotations it needs. Import more tasks or raise the overlap in Settings.</p>
      <a class="btn primary" href=${`${base}/data`}>Data Manager</a></div>`;
  }
  if (me === undefined || !taskId) return html`<p class="muted" aria-busy="true">Finding the next task…</p>`;
  return html`<${TaskScreen} key=${`${taskId}`} project=${project} taskId=${taskId} me=${me} viewId=${viewId} stream=${stream}
    suffix=${suffix} navigate=${navigate} refresh=${refresh} flash=${flash} onFlash=${setFlash} />`;
}

function TaskScreen({ project, taskId, me, viewId, stream, suffix, navigate, flash = null, onFlash }) {
  const base = `#/projects/${project.id}`;
  const config = project.parsed_config;
  const settings = projectSettings(project);
  const [loaded, setLoaded] = useState(null);
  const [tab, setTab] = useState(MINE);
  const profiles = useProfiles();
  const [instructions, setInstructions] = useState(Boolean(settings.show_instruction && settings.expert_instruction));
  const [order, setOrder] = useState([]);
  const [message, setMessage] = useState(() => (flash ? { text: flash } : null));
  useEffect(() => { onFlash?.(null); }, []); // shown once
  const [help, setHelp] = useState(false);
  const [saved, setSaved] = useState("");
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    openSession({ project, taskId, me }).then((s) => live && setLoaded(s), (err) => live && setLoaded({ error: String(err?.message ?? err) }));
    taskOrder(project, viewId).then((ids) => live && setOrder(ids));
    return () => { live = false; };
  }, [taskId]);
  const session = useMemo(() => loaded?.task && createSession({
    project, task: loaded.task, me, start: loaded.start, config,
    onSaved: (err) => setSaved(err ? `Draft not saved: ${err.message ?? err}` : "Draft saved"),
  }), [loaded]);

  const go = (id) => navigate(`${base}/label/${id}${suffix()}`);
  const index = order.indexOf(taskId);
  const prev = index > 0 ? order[index - 1] : null;
  const next = index >= 0 && index + 1 < order.length ? order[index + 1] : null;

  async function finish({ skip = false } = {}) {
    if (!session || busy.current) return;
    if (!skip) {
      // judged on what the Submit would send: typed text added, defaults stored, hidden results left out
      const preview = session.preview();
      const missing = missingRequired(config, preview.store);
      if (missing.length) {
        setMessage({ error: true, text: `Fill in the required field${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.` });
        focusMissing(config, session.store, preview.store);
        return;
      }
      if (settings.enable_empty_annotation === false && !preview.items.length) {
        setMessage({ error: true, text: "This project does not accept empty annotations: label something first." });
        return;
      }
    }
    busy.current = true;
    try {
      const updating = Boolean(session.annotation) && !skip;
      const { annotation: saved, notes } = await session.submit({ skip });
      setSaved("");
      const done = skip ? `Task ${taskId} skipped.` : updating ? `Annotation ${saved.id} updated.` : `Annotation ${saved.id} submitted.`;
      const said = [done, ...notes].join(" ");
      setMessage({ text: said });
      if (stream) {
        onFlash?.(said);
        const id = await nextTask(project, me, { viewId, exclude: taskId });
        navigate(id == null ? `${base}/label${suffix()}` : `${base}/label/${id}${suffix()}`);
      } else {
        setLoaded(await openSession({ project, taskId, me }));
        setTab(MINE);
      }
    } catch (err) {
      setMessage({ error: true, text: `Could not save: ${err?.message ?? err}` });
    } finally {
      busy.current = false;
    }
  }

  // An edit clears a message about the previous Submit (a missing field, a failed save).
  // The "restored" notice goes too: from the first edit on, the work is this visit's.
  const [untouched, setUntouched] = useState(true);
  useEffect(() => {
    setUntouched(true);
    return session?.store.subscribe((_s, edited) => { if (edited) { setMessage((m) => (m?.error ? null : m)); setUntouched(false); } });
  }, [session]);
  const actions = useMemo(() => ({
    "annotation:submit": () => finish(),
    "annotation:skip": () => settings.show_skip_button !== false && finish({ skip: true }),
    "region:exit": () => { session?.store.startRelation(null); session?.store.select(null); setHelp(false); },
    help: () => setHelp((h) => !h),
  }), [session]);

  if (!loaded) return html`<p class="muted" aria-busy="true">Loading task ${taskId}…</p>`;
  const other = tab !== MINE && session ? tabsOf(session, loaded, profiles).find((t) => t.key === tab) : null;
  if (loaded.error) return html`<p class="error-text" role="alert">${loaded.error}</p>`;
  if (!loaded.task) return html`<div class="notice" role="alert"><p>Task ${taskId} is not in this project.</p><a href=${`${base}/data`}>Data Manager</a></div>`;
  return html`<div class="lc-screen">
    <div class="lc-topbar">
      <a class="btn" href=${`${base}/data`}>← ${project.name}</a>
      <h1 class="lc-title">Task ${taskId}<span class="muted">${index >= 0 ? ` · ${index + 1} of ${order.length}` : ""}${stream ? " · label stream" : ""}</span></h1>
      <button type="button" class="btn" disabled=${!prev} onClick=${() => go(prev)} aria-label="Previous task">‹ Prev</button>
      <button type="button" class="btn" disabled=${!next} onClick=${() => go(next)} aria-label="Next task">Next ›</button>
      <span class="spacer"></span>
      ${settings.expert_instruction && html`<button type="button" class="btn" onClick=${() => setInstructions(true)}>Instructions</button>`}
      <${Toolbar} session=${session} loaded=${loaded} onHelp=${() => setHelp(true)} />
      ${settings.show_skip_button !== false && html`<button type="button" class="btn" onClick=${() => finish({ skip: true })} title="ctrl+space">Skip</button>`}
      <button type="button" class="btn primary" onClick=${() => finish()} title="ctrl+enter">${session.annotation ? "Update" : "Submit"}</button>
    </div>
    ${message && html`<p class=${message.error ? "lc-message error-text" : "lc-message"} role=${message.error ? "alert" : "status"}>${message.text}</p>`}
    ${loaded.start.restored && untouched && html`<p class="lc-message muted" role="status">Restored your unsaved work on this task.</p>`}
    <${AnnotationTabs} session=${session} loaded=${loaded} profiles=${profiles} current=${tab} onPick=${setTab} />
    ${other ? html`<${OtherTab} tab=${other} config=${config} task=${loaded.task} onCopy=${() => {
      session.copyFrom(other.record, { prediction: other.kind === "prediction" });
      setMessage({ text: `Copied ${other.title} into a new annotation: edit it, then Submit.` });
      setTab(MINE);
    }} />` : html`
    <${Predictions} session=${session} loaded=${loaded} />
    <${LabelingView} config=${config} task=${loaded.task} store=${session.store} actions=${actions} />`}
    <p class="lc-saved muted" aria-live="polite">${saved}</p>
    ${help && html`<${HotkeyHelp} config=${config} task=${loaded.task} onClose=${() => setHelp(false)} />`}
    ${instructions && html`<${Instructions} text=${settings.expert_instruction} onClose=${() => setInstructions(false)} />`}
  </div>`;
}

function Toolbar({ session, onHelp }) {
  const store = session.store;
  useStore(store);
  return html`<div class="lc-tools" role="toolbar" aria-label="History">
    <button type="button" class="btn" onClick=${() => store.undo()} disabled=${!store.canUndo()} title="ctrl+z">Undo</button>
    <button type="button" class="btn" onClick=${() => store.redo()} disabled=${!store.canRedo()} title="ctrl+shift+z">Redo</button>
    <button type="button" class="btn" onClick=${onHelp} title="shift+?">Hotkeys</button>
  </div>`;
}

function Predictions({ session, loaded }) {
  useStore(session.store);
  const preds = loaded.predictions ?? [];
  if (!preds.length) return null;
  const current = preds.find((p) => p.id === session.prediction);
  const origins = new Set(session.store.getState().items.map((it) => it.origin));
  return html`<div class="lc-prediction" role="region" aria-label="Prediction">
    <span>${current ? html`Pre-labeled from prediction <b>${current.model_version ?? current.id}</b>${current.score != null ? html` · score <b>${current.score}</b>` : ""}${origins.has("prediction-changed") ? " · changed" : ""}` : `${preds.length} prediction${preds.length > 1 ? "s" : ""} for this task`}</span>
    ${preds.length > 0 && html`<label>Use prediction <select aria-label="Use prediction" value=${current?.id ?? ""} onChange=${(e) => {
      const p = preds.find((x) => String(x.id) === e.currentTarget.value);
      if (p) session.usePrediction(p);
    }}>${!current && html`<option value="">—</option>`}${preds.map((p) => html`<option value=${p.id} key=${p.id}>${p.model_version ?? `#${p.id}`}${p.score != null ? ` (${p.score})` : ""}</option>`)}</select></label>`}
  </div>`;
}
