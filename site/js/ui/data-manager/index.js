// The Data Manager: a project's tasks in a virtualized table, with saved tabs (filters, order,
// columns, search), selection (rows, all, all-but) and bulk actions. Stays fluid at 100,000 tasks:
// the table reads a compact column index (store/task-index.js) and renders only visible rows.
import { html, useEffect, useMemo, useRef, useState } from "../../lib/html.js";
import { loadCss } from "../../lib/css.js";
import { ConfirmDialog } from "../dialog.js";
import { fieldsOf, queryIndex, isActive, buildFirstPage } from "../../store/task-index.js";
import {
  listViews, createView, updateView, deleteView, getActiveViewId, setActiveViewId, projectIndex,
  cachedIndex, announceTasksChanged, setCurrentScope, emptyFilters,
} from "../../store/views.js";
import { TaskTable } from "./table.js";
import { Tabs } from "./tabs.js";
import { Toolbar } from "./toolbar.js";
import { useSelection } from "./selection.js";
import { ACTIONS } from "./actions.js";

loadCss("css/data-manager.css");

const SAVE_DELAY = 300;

function useViews(projectId) {
  const [state, setState] = useState({ views: null, activeId: null, error: null });
  const timers = useRef(new Map());
  const latest = useRef(state);
  latest.current = state;
  const save = (id) => {
    const view = latest.current.views?.find((v) => v.id === id);
    if (view) updateView(id, view).catch((err) => console.error("labelcore: saving the tab failed", err));
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
      for (const [id, t] of timers.current) { clearTimeout(t); save(id); }  // flush unsaved tab changes
      timers.current.clear();
    };
  }, [projectId]);
  const api = {
    ...state,
    active: state.views?.find((v) => v.id === state.activeId) ?? null,
    pick(id) { setState((s) => ({ ...s, activeId: id })); setActiveViewId(projectId, id); },
    patch(changes) {
      const id = state.activeId;
      setState((s) => ({ ...s, views: s.views.map((v) => (v.id === id ? { ...v, ...changes } : v)) }));
      clearTimeout(timers.current.get(id));
      timers.current.set(id, setTimeout(() => { timers.current.delete(id); save(id); }, SAVE_DELAY));
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
  const [state, setState] = useState(() => ({ index: cachedIndex(project.id), error: null }));
  const projectRef = useRef(project);
  projectRef.current = project;
  const reload = () => projectIndex(projectRef.current, { fresh: true }).then(
    (index) => setState({ index, error: null }),
    (err) => setState((s) => ({ ...s, error: String(err?.message ?? err) })));
  useEffect(() => {
    let live = true;
    // The first rows at once (the first tasks by id), while the whole index builds in a worker.
    if (!cachedIndex(project.id)) {
      buildFirstPage(project).then((index) => live && setState((s) => (s.index ? s : { index, error: null })), () => {});
    }
    reload();
    let channel = null;
    try {
      channel = new BroadcastChannel("labelcore:tasks");
      channel.onmessage = (e) => { if (e.data?.projectId === project.id) reload(); };
    } catch { /* no BroadcastChannel */ }
    return () => { live = false; channel?.close(); };
  }, [project.id, project.settings?.overlap]);
  return { ...state, reload };
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
  const shown = useMemo(() => fields.filter((f) => !view?.columns.hidden.includes(f.id)), [fields, view?.columns.hidden]);

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
  useEffect(() => {
    if (index && view) performance.mark("labelcore:data-manager-rows");
  }, [index && view]);
  useEffect(() => {
    if (!notice) return undefined;
    const t = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(t);
  }, [notice]);

  const runAction = async (action) => {
    setPending(null);
    const ids = selection.ids();
    setBusy(`${action.verb} (${ids.length.toLocaleString()} tasks)…`);
    try {
      const n = await action.run(project, ids);
      setNotice(action.done(n));
      selection.clear();
    } catch (err) {
      setNotice(`${action.title} failed: ${err?.message ?? err}`);
    } finally {
      announceTasksChanged(project.id);
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
  const resize = (field, width) => views.patch({ columns: { ...view.columns, width: { ...view.columns.width, [field]: width } } });
  const open = (taskId) => navigate(`#/projects/${project.id}/label/${taskId}?view=${view.id}`);

  if (views.error || tasks.error) return html`<p class="error-text" role="alert">Could not read the tasks: ${views.error ?? tasks.error}</p>`;
  if (!view) return html`<p class="muted" aria-busy="true">Loading the Data Manager…</p>`;
  const noTasks = index ? index.size === 0 : counts?.tasks === 0;
  const filtered = view.filters.items.some(isActive) || view.search.trim();
  // A partial index (the first page) can show the default order only; anything else waits for the whole.
  const waiting = !index || (index.partial && (filtered || view.ordering.length > 0));
  const partial = index?.partial && !waiting;
  return html`<section class="dm" aria-label="Data Manager">
    <${Tabs} views=${views.views} activeId=${views.activeId} onPick=${views.pick} onAdd=${() => views.add()}
      onRename=${views.rename} onDuplicate=${(id) => views.add(views.views.find((v) => v.id === id))} onDelete=${views.remove} />
    <${Toolbar} project=${project} view=${view} fields=${fields} selection=${selection} actions=${ACTIONS}
      filterError=${result.error} onPatch=${views.patch} onAction=${pick} disabled=${!index || index.partial || noTasks}
      onLabel=${() => navigate(`#/projects/${project.id}/label?view=${view.id}`)} />
    ${busy && html`<div class="dm-busy" role="status"><span>${busy}</span><div class="progress indeterminate"><span></span></div></div>`}
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
        ordering=${view.ordering} onSort=${sort} onResize=${resize} selection=${selection} onOpen=${open} queryKey=${queryKey} partial=${partial} />
      ${result.rows.length === 0 && html`<div class="dm-nomatch notice">
        <p>No task matches ${filtered ? "these filters" : "this tab"}.</p>
        <button class="btn" type="button" onClick=${() => views.patch({ filters: emptyFilters(), search: "" })}>Clear filters</button>
      </div>`}
      <p class="dm-foot muted" aria-live="polite">
        ${partial ? `The first ${index.size.toLocaleString()} of ${(counts?.tasks ?? 0).toLocaleString()} tasks · reading the rest…`
          : filtered ? `${result.rows.length.toLocaleString()} of ${index.size.toLocaleString()} tasks` : `${index.size.toLocaleString()} tasks`}
        ${selection.count ? ` · ${selection.count.toLocaleString()} selected` : ""}</p>`}
    ${pending && html`<${ConfirmDialog} title=${pending.title} danger=${pending.danger}
        confirmLabel=${pending.danger ? "Delete" : "Create"} message=${pending.confirm(selection.count)}
        onConfirm=${() => runAction(pending)} onClose=${() => setPending(null)} />`}
  </section>`;
}
