// The Data Manager: a project's tasks in a virtualized table, with saved tabs (filters, order,
// columns, search), selection (rows, all, all-but) and bulk actions. Stays fluid at 100,000 tasks:
// the table reads a compact column index (store/task-index.js) and renders only visible rows.
import { html, useEffect, useMemo, useRef, useState } from "../../lib/html.js";
import { loadCss } from "../../lib/css.js";
import { ConfirmDialog } from "../dialog.js";
import { fieldsOf, queryIndex, isActive, buildFirstPage } from "../../store/task-index.js";
import { configKey } from "../../store/task-index-store.js";
import {
  listViews, createView, updateView, deleteView, getActiveViewId, setActiveViewId, projectIndex,
  cachedIndex, tasksChanged, setCurrentScope, emptyFilters,
} from "../../store/views.js";
import { TaskTable } from "./table.js";
import { Tabs } from "./tabs.js";
import { Toolbar } from "./toolbar.js";
import { useSelection } from "./selection.js";
import { ACTIONS } from "./actions.js";
import { holdUnsaved, whileWriting } from "../../lib/saved.js";

loadCss("css/data-manager.css");

const SAVE_DELAY = 300;

/** A bulk action under way: what it does, and how far it got (a counted bar once it knows the total). */
function BusyBar({ verb, done, total, phase, tasks }) {
  const counted = total > 0 && phase !== "reading";
  const pct = counted ? Math.round((100 * done) / total) : 0;
  return html`<div class="dm-busy" role="status">
    <span>${verb} (${tasks.toLocaleString()} ${tasks === 1 ? "task" : "tasks"})${counted ? ` · ${phase} ${done.toLocaleString()} of ${total.toLocaleString()}` : "…"}</span>
    ${counted
      ? html`<div class="progress" role="progressbar" aria-label=${verb} aria-valuemin="0" aria-valuemax=${total} aria-valuenow=${done}><span style=${{ width: `${pct}%` }}></span></div>`
      : html`<div class="progress indeterminate"><span></span></div>`}
  </div>`;
}

/** The fields in a tab's saved column order (ids it does not know go where fieldsOf puts them). */
function orderFields(fields, order = []) {
  if (!order?.length) return fields;
  const rank = new Map(order.map((id, i) => [id, i]));
  const known = fields.filter((f) => rank.has(f.id)).sort((a, b) => rank.get(a.id) - rank.get(b.id));
  let k = 0;
  return fields.map((f) => (rank.has(f.id) ? known[k++] : f));
}

/** The column order after moving `id` one visible place (`to` = -1 or 1) or onto column `to`. */
function moveField(ordered, shown, id, to) {
  const ids = ordered.map((f) => f.id);
  const target = typeof to === "number" ? shown[shown.findIndex((f) => f.id === id) + to]?.id : to;
  if (!target || target === id) return ids;
  const after = ids.indexOf(id) < ids.indexOf(target);  // moving right lands after the target, left before it
  ids.splice(ids.indexOf(id), 1);
  ids.splice(ids.indexOf(target) + (after ? 1 : 0), 0, id);
  return ids;
}

function useViews(projectId) {
  const [state, setState] = useState({ views: null, activeId: null, error: null });
  const timers = useRef(new Map()); // tab id -> {timer, done}: its save, due (done: its mark on <html data-saved>)
  const latest = useRef(state);
  latest.current = state;
  const save = (id) => {
    const view = latest.current.views?.find((v) => v.id === id);
    if (view) whileWriting(updateView(id, view)).catch((err) => console.error("labelcore: saving the tab failed", err));
  };
  useEffect(() => {
    let live = true;
    Promise.all([listViews(projectId), getActiveViewId(projectId)]).then(([views, saved]) => {
      if (!live) return;
      const activeId = views.some((v) => v.id === saved) ? saved : views[0].id;
      setState({ views, activeId, error: null });
    }, (err) => live && setState((s) => ({ ...s, error: String(err?.message ?? err) })));
    return () => {
      live = false;
      for (const [id, t] of timers.current) { clearTimeout(t.timer); save(id); t.done(); }  // flush unsaved tab changes
      timers.current.clear();
    };
  }, [projectId]);
  const api = {
    ...state,
    active: state.views?.find((v) => v.id === state.activeId) ?? null,
    pick(id) { setState((s) => ({ ...s, activeId: id })); whileWriting(setActiveViewId(projectId, id)); },
    patch(changes) {
      const id = state.activeId;
      setState((s) => ({ ...s, views: s.views.map((v) => (v.id === id ? { ...v, ...changes } : v)) }));
      const old = timers.current.get(id);
      if (old) { clearTimeout(old.timer); old.done(); }
      const done = holdUnsaved();
      timers.current.set(id, { done, timer: setTimeout(() => { timers.current.delete(id); save(id); done(); }, SAVE_DELAY) });
    },
    async add(from) {
      const base = from ?? { title: `Tab ${state.views.length + 1}` };
      const view = await createView(projectId, { ...base, id: undefined, order: undefined,
        title: from ? `${from.title} (copy)` : base.title });
      setState((s) => ({ ...s, views: [...s.views, view], activeId: view.id }));
      setActiveViewId(projectId, view.id);
    },
    async rename(id, title) {
      const view = await updateView(id, { title });
      setState((s) => ({ ...s, views: s.views.map((v) => (v.id === id ? { ...v, title: view.title } : v)) }));
    },
    async remove(id) {
      await deleteView(id);
      setState((s) => {
        const views = s.views.filter((v) => v.id !== id);
        const activeId = s.activeId === id ? views[0].id : s.activeId;
        setActiveViewId(projectId, activeId);
        return { ...s, views, activeId };
      });
    },
  };
  return api;
}

function useTaskIndex(project) {
  const [state, setState] = useState(() => ({ index: cachedIndex(project.id, project), error: null }));
  const projectRef = useRef(project);
  projectRef.current = project;
  const live = useRef(true);
  const show = (index) => live.current && setState({ index, error: null });
  // While a rebuild runs: the kept index as it was (stale), or, with none, the first tasks at once.
  const interim = (index) => {
    if (index) { show(index); return; }
    buildFirstPage(projectRef.current).then((first) => live.current && setState((s) => (s.index ? s : { index: first, error: null })), () => {});
  };
  const reload = () => projectIndex(projectRef.current, { fresh: true, onInterim: interim }).then(show,
    (err) => live.current && setState((s) => ({ ...s, error: String(err?.message ?? err) })));
  useEffect(() => {
    live.current = true;
    reload();
    let channel = null;
    try {
      channel = new BroadcastChannel("labelcore:tasks");
      channel.onmessage = (e) => { if (e.data?.projectId === project.id) reload(); };
    } catch { /* no BroadcastChannel */ }
    return () => { live.current = false; channel?.close(); };
  }, [project.id, configKey(project)]);  // other settings the index depends on: another index
  return { ...state, reload, show };
}

export function DataManager({ project, counts, navigate, refresh, openDialog }) {
  const views = useViews(project.id);
  const tasks = useTaskIndex(project);
  const [pending, setPending] = useState(null);
  const [busy, setBusy] = useState(null);
  const [notice, setNotice] = useState(null);
  const view = views.active;
  const index = tasks.index;
  const fields = useMemo(() => fieldsOf(project, index?.dataKeys ?? []), [project, index]);
  const ordered = useMemo(() => orderFields(fields, view?.columns.order), [fields, view?.columns.order]);
  const shown = useMemo(() => ordered.filter((f) => !view?.columns.hidden.includes(f.id)), [ordered, view?.columns.hidden]);

  const query = view && { filters: view.filters, ordering: view.ordering, search: view.search };
  const queryKey = `${view?.id}:${index?.builtAt}:${JSON.stringify(query)}`;
  const result = useMemo(() => {
    if (!index || !view) return { rows: new Uint32Array(0), error: null };
    try {
      return { rows: queryIndex(index, query), error: null };
    } catch (err) {
      return { rows: new Uint32Array(0), error: err.message };
    }
  }, [queryKey]);
  const selection = useSelection(result.rows, index, queryKey);

  useEffect(() => {
    if (!view) return;
    setCurrentScope(project.id, { projectId: project.id, viewId: view.id, ...query, selection: selection.scope });
  });
  const shows = Boolean(index && view && !(index.partial && (view.filters.items.some(isActive) || view.search.trim() || view.ordering.length)));
  useEffect(() => {
    // The first time the tab's own rows are on screen (the benchmark reads this mark).
    if (shows && !performance.getEntriesByName("labelcore:data-manager-rows").length) performance.mark("labelcore:data-manager-rows");
  }, [shows]);
  useEffect(() => {
    if (!notice) return undefined;
    const t = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(t);
  }, [notice]);

  const runAction = async (action) => {
    setPending(null);
    const ids = selection.ids();
    const onProgress = (done, total, phase) => setBusy({ verb: action.verb, done, total, phase, tasks: ids.length });
    onProgress(0, ids.length, "reading");
    try {
      const n = await action.run(project, ids, { onProgress });
      setNotice(action.done(n));
      selection.clear();
    } catch (err) {
      setNotice(`${action.title} failed: ${err?.message ?? err}`);
    } finally {
      onProgress(ids.length, ids.length, "updating the table");
      await tasksChanged(project, ids, { removed: action.removes });
      await tasks.reload();
      refresh();
      setBusy(null);
    }
  };
  const pick = (action) => {
    if (action.dialog) { openDialog(action.dialog); return; }
    setPending(action);
  };
  const sort = (field) => {
    const o = view.ordering[0];
    const next = o === field ? [`-${field}`] : o === `-${field}` ? [] : [field];
    views.patch({ ordering: next });
  };
  const move = (id, to) => views.patch({ columns: { ...view.columns, order: moveField(ordered, shown, id, to) } });
  const resize = (field, width) => views.patch({ columns: { ...view.columns, width: { ...view.columns.width, [field]: width } } });
  const open = (taskId) => navigate(`#/projects/${project.id}/label/${taskId}?view=${view.id}`);

  if (views.error || tasks.error) return html`<p class="error-text" role="alert">Could not read the tasks: ${views.error ?? tasks.error}</p>`;
  if (!view) return html`<p class="muted" aria-busy="true">Loading the Data Manager…</p>`;
  const noTasks = index ? index.size === 0 : counts?.tasks === 0;
  const filtered = view.filters.items.some(isActive) || view.search.trim();
  // A partial index (the first page) can show the default order only; anything else waits for the whole.
  const waiting = !index || (index.partial && (filtered || view.ordering.length > 0));
  const partial = index?.partial && !waiting;
  const stale = Boolean(index?.stale);
  return html`<section class="dm" aria-label="Data Manager">
    <${Tabs} views=${views.views} activeId=${views.activeId} onPick=${views.pick} onAdd=${() => views.add()}
      onRename=${views.rename} onDuplicate=${(id) => views.add(views.views.find((v) => v.id === id))} onDelete=${views.remove} />
    <${Toolbar} project=${project} view=${view} fields=${ordered} onMove=${move} selection=${selection} actions=${ACTIONS}
      filterError=${result.error} onPatch=${views.patch} onAction=${pick} disabled=${!index || index.partial || noTasks} locked=${stale}
      onLabel=${() => navigate(`#/projects/${project.id}/label?view=${view.id}`)} />
    ${busy && html`<${BusyBar} ...${busy} />`}
    ${notice && html`<div class="toast" role="status">${notice}</div>`}
    ${waiting && html`<div class="dm-loading" role="status" aria-busy="true">
        <span>Reading ${counts?.tasks ? counts.tasks.toLocaleString() : ""} tasks…</span>
        <div class="progress indeterminate"><span></span></div></div>`}
    ${index && noTasks && html`<section class="empty" aria-label="No tasks">
        <div class="empty-art" aria-hidden="true"><span></span></div>
        <h2>No tasks yet</h2>
        <p>Import data (JSON, CSV, TSV, text, images, audio…) to create tasks, then label them here.</p>
        <button class="btn primary" type="button" onClick=${() => openDialog("import")}>Import</button>
      </section>`}
    ${index && !waiting && !noTasks && html`
      <${TaskTable} index=${index} rows=${result.rows} fields=${shown} widths=${view.columns.width}
        ordering=${view.ordering} onSort=${sort} onResize=${resize} onMove=${move} selection=${selection} onOpen=${open} queryKey=${queryKey} partial=${partial || stale} />
      ${result.rows.length === 0 && html`<div class="dm-nomatch notice">
        <p>No task matches ${filtered ? "these filters" : "this tab"}.</p>
        <button class="btn" type="button" onClick=${() => views.patch({ filters: emptyFilters(), search: "" })}>Clear filters</button>
      </div>`}
      <p class="dm-foot muted" aria-live="polite">
        ${stale ? html`<span class="dm-stale">Showing the tasks as of your last visit · reading what changed…</span> ` : ""}
        ${partial ? `The first ${index.size.toLocaleString()} of ${(counts?.tasks ?? 0).toLocaleString()} tasks · reading the rest…`
          : filtered ? `${result.rows.length.toLocaleString()} of ${index.size.toLocaleString()} tasks` : `${index.size.toLocaleString()} tasks`}
        ${selection.count ? ` · ${selection.count.toLocaleString()} selected` : ""}</p>`}
    ${pending && html`<${ConfirmDialog} title=${pending.title} danger=${pending.danger}
        confirmLabel=${pending.danger ? "Delete" : "Create"} message=${pending.confirm(selection.count)}
        onConfirm=${() => runAction(pending)} onClose=${() => setPending(null)} />`}
  </section>`;
}
