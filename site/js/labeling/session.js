// One labeling session of a task: what it starts from (draft > own annotation > prediction >
// nothing), draft saving on every edit, and Submit / Update / Skip.
// Typed text not yet added (store.pending: a TextArea's box, an editable line being changed) is
// saved too: at once to localStorage, and with the draft a moment after the typing stops; a
// Submit adds it first, as Label Studio's TextArea does before it sends.
import { db } from "../store/db.js";
import { annotationsOfTask, createAnnotation, updateAnnotation } from "../store/annotations.js";
import { getDraft, saveDraft, draftsSettled } from "../store/drafts.js";
import { createRegionStore, inLsOrder } from "./regions.js";
import { loadTask, sameAnnotator } from "./stream.js";
import { tagSpec } from "./registry.js";
import { submittable } from "./visibility.js";

// A reload can cut an IndexedDB write short: each draft is also written synchronously to
// localStorage and removed there once IndexedDB has it, so whichever is left is the newest.
const pendingKey = (task, me) => `labelcore:draft:${task}:${me?.id ?? 0}`;

function readPending(task, me) {
  try { return JSON.parse(localStorage.getItem(pendingKey(task, me)) ?? "null"); } catch { return null; }
}

function writePending(task, me, draft) {
  try { localStorage.setItem(pendingKey(task, me), JSON.stringify(draft)); return true; } catch { return false; /* full or blocked: IndexedDB still has it */ }
}

function clearPending(task, me, draft) {
  try {
    const key = pendingKey(task, me);
    if (!draft || localStorage.getItem(key) === JSON.stringify(draft)) localStorage.removeItem(key);
  } catch { /* nothing to clear */ }
}

// Typed text is written to its own small localStorage entry on every keystroke (the whole draft
// would be too big to write that often); each full draft copy holds it too, so the entry is
// dropped when one is written, and whenever it is there it is newer than any draft.
const typedKey = (task, me) => `labelcore:typed:${task}:${me?.id ?? 0}`;
const TYPED_SAVE_MS = 400;

function readTyped(task, me) {
  try { return JSON.parse(localStorage.getItem(typedKey(task, me)) ?? "null"); } catch { return null; }
}

function writeTyped(task, me, pending) {
  try { localStorage.setItem(typedKey(task, me), JSON.stringify(pending)); } catch { /* the draft save after the typing keeps it */ }
}

function clearTyped(task, me, pending = null) {
  try {
    const key = typedKey(task, me);
    if (!pending || localStorage.getItem(key) === JSON.stringify(pending)) localStorage.removeItem(key);
  } catch { /* nothing to clear */ }
}

/** Add every pending text as its control's Enter would (the tag's `addPending`, registry.js). */
function addTyped(store) {
  for (const entry of store.pendingEntries()) {
    const def = store.control(entry.control);
    tagSpec(def?.tag)?.addPending?.(store, def, entry);
  }
}

/** Predictions of a task, newest first (by created_at, then id). */
export async function predictionsOf(taskId) {
  const list = await (await db()).getAllFromIndex("predictions", "task", taskId);
  return list.sort((a, b) => String(b.created_at ?? "").localeCompare(String(a.created_at ?? "")) || b.id - a.id);
}

/** A prediction's result as pre-labels: every item marked origin "prediction". */
export function preLabels(prediction) {
  return (prediction?.result ?? []).map((it) => (it.type === "relation" ? it : inLsOrder({ ...it, origin: "prediction" })));
}

export async function openSession({ project, taskId, me }) {
  const task = await loadTask(taskId);
  if (!task || task.project !== project.id) return { task: null };
  const [annotations, predictions, stored] = await Promise.all([annotationsOfTask(taskId), predictionsOf(taskId), getDraft(taskId, me?.id ?? 0)]);
  const draft = readPending(taskId, me) ?? stored;
  const own = annotations.filter((a) => sameAnnotator(a.completed_by, me) && !a.was_cancelled).sort((a, b) => b.id - a.id)[0] ?? null;
  let start;
  if (draft) {
    start = { items: draft.result, flags: draft.flags ?? {}, past: draft.history?.past ?? [], future: draft.history?.future ?? [],
      annotation: draft.annotation ?? null, prediction: draft.prediction ?? null, lead: draft.lead_time ?? 0, restored: true };
  } else if (own) {
    start = { items: own.result.map(inLsOrder), annotation: own.id, prediction: own.parent_prediction ?? null, lead: 0 };
  } else if (predictions.length) {
    start = { items: preLabels(predictions[0]), prediction: predictions[0].id, lead: 0 };
  } else {
    start = { items: [], lead: 0 };
  }
  const typed = readTyped(taskId, me);
  start.pending = typed ?? draft?.pending ?? {};
  if (typed && !draft && Object.keys(typed).length) start.restored = true;
  return { task, annotations, predictions, start };
}

/** Live state of an open session: the region store, drafts on each edit, lead time. */
export function createSession({ project, task, me, start, config, onSaved }) {
  const store = createRegionStore({ config, items: start.items, flags: start.flags, past: start.past, future: start.future });
  store.loadPending(start.pending);
  const opened = performance.now();
  let typing = null; // the draft save due after typing
  const s = {
    store,
    annotation: start.annotation ?? null,
    prediction: start.prediction ?? null,
    leadTime: () => (start.lead ?? 0) + (performance.now() - opened) / 1000,
    saveDraft() {
      clearTimeout(typing);
      const snap = store.snapshot();
      const draft = {
        task: task.id, project: project.id, annotator: me?.id ?? 0, annotation: s.annotation, prediction: s.prediction,
        result: snap.items, flags: snap.flags, history: { past: snap.past, future: snap.future }, lead_time: s.leadTime(),
        pending: snap.pending,
      };
      if (writePending(task.id, me, draft)) clearTyped(task.id, me);
      return saveDraft(draft).then(() => { clearPending(task.id, me, draft); clearTyped(task.id, me, snap.pending); onSaved?.(); }, (err) => onSaved?.(err));
    },
    /** Start over from a prediction (or from nothing with null); an undoable edit. */
    usePrediction(prediction) {
      s.prediction = prediction?.id ?? null;
      store.edit("load prediction", () => ({ items: preLabels(prediction), flags: {} }), { loaded: true });
    },
    /** Copy another annotation (or a prediction) into a new annotation of this annotator; undoable. */
    copyFrom(record, { prediction = false } = {}) {
      s.annotation = null;
      s.prediction = prediction ? record.id : null;
      const items = prediction ? preLabels(record) : (record.result ?? []).map(inLsOrder);
      store.edit(prediction ? "copy prediction" : "copy annotation", () => ({ items, flags: {} }), { loaded: true });
    },
    async submit({ skip = false } = {}) {
      clearTimeout(typing);
      addTyped(store);
      const result = submittable(store);
      const fields = { result, lead_time: s.leadTime(), was_cancelled: skip };
      await draftsSettled();
      clearPending(task.id, me, null);
      clearTyped(task.id, me);
      const draft = [task.id, me?.id ?? 0];
      return s.annotation && !skip
        ? updateAnnotation(s.annotation, fields, draft)
        : createAnnotation({ ...fields, task: task.id, project: project.id, completed_by: me?.id ?? null, parent_prediction: s.prediction }, draft);
    },
  };
  store.subscribe((_st, edited) => { if (edited) s.saveDraft(); });
  store.watchPending((pending) => {
    writeTyped(task.id, me, pending);
    clearTimeout(typing);
    typing = setTimeout(() => s.saveDraft(), TYPED_SAVE_MS);
  });
  // typed text restored from localStorage alone (a reload came first): into the draft too
  if (readTyped(task.id, me)) typing = setTimeout(() => s.saveDraft(), TYPED_SAVE_MS);
  return s;
}
