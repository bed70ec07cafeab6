// One labeling session of a task: what it starts from (draft > own annotation > prediction >
// the config's defaults, defaults.js), draft saving on every edit, and Submit / Update / Skip.
// Typed text not yet added (store.pending: a TextArea's box, an editable line being changed) is
// saved too: at once to localStorage, and with the draft a moment after the typing stops; a
// Submit adds it first, as Label Studio's TextArea does before it sends, and stores the
// defaults a Submit stores (Number defaultValue). `preview()` shows what a Submit would send
// without changing anything (the screen checks required fields and emptiness on it).
// A Submit / Update / Skip closes the session: nothing it writes after that (a draft due after
// typing, an edit made while the annotation is being written) can bring a draft back.
// A draft due or being written holds <html data-saved="false"> (lib/saved.js) until it is in IndexedDB.
import { db } from "../../store/db.js";
import { annotationsOfTask, createAnnotation, updateAnnotation } from "../../store/annotations.js";
import { getDraft, saveDraft, draftsSettled } from "../../store/drafts.js";
import { createRegionStore, inLsOrder } from "./regions.js";
import { loadTask } from "./stream.js";
import { sameAnnotator } from "../../store/status.js";
import { repeatFocus } from "./repeat.js";
import { tagSpec } from "./registry.js";
import { submittable } from "./visibility.js";
import { freshItems, pickSelectedLabels, fillSubmitDefaults } from "./defaults.js";
import { holdUnsaved, whileWriting } from "../../lib/saved.js";

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

/**
 * What a Submit does to the store before it reads the result: every pending text added as its
 * control's Enter would (the tag's `addPending`, registry.js), then the defaults a Submit stores.
 * Returns why some typed text is not in what is sent: refused (a duplicate, over maxSubmissions,
 * a locked region) or typed in a control that is hidden now.
 */
function prepare(store, config) {
  const notes = [];
  const added = [];
  for (const entry of store.pendingEntries()) {
    const def = store.control(entry.control);
    const note = tagSpec(def?.tag)?.addPending?.(store, def, entry);
    if (note) notes.push(note);
    else if (entry.line == null && entry.text) added.push(entry);
  }
  fillSubmitDefaults(store, config);
  const sent = submittable(store);
  for (const { control, regionId, text } of added) {
    const item = store.classification(control, regionId);
    if (item && !sent.includes(item)) notes.push(`Not kept: "${text}" was typed in ${control}, which is hidden now.`);
  }
  return notes;
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
    start = { items: freshItems(project.parsed_config, task), lead: 0 };
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
  pickSelectedLabels(store, config);
  const opened = performance.now();
  let typing = null; // the draft save due after typing
  let due = () => {}; // its mark on <html data-saved> (lib/saved.js)
  const cancelTyping = () => { clearTimeout(typing); due(); };
  const saveAfterTyping = () => {
    cancelTyping();
    due = holdUnsaved();
    typing = setTimeout(() => s.saveDraft(), TYPED_SAVE_MS);
  };
  let closed = false; // a Submit / Update / Skip is under way or done: no more drafts
  const s = {
    store,
    annotation: start.annotation ?? null,
    prediction: start.prediction ?? null,
    leadTime: () => (start.lead ?? 0) + (performance.now() - opened) / 1000,
    saveDraft() {
      cancelTyping();
      if (closed) return Promise.resolve();
      const snap = store.snapshot();
      const draft = {
        task: task.id, project: project.id, annotator: me?.id ?? 0, annotation: s.annotation, prediction: s.prediction,
        result: snap.items, flags: snap.flags, history: { past: snap.past, future: snap.future }, lead_time: s.leadTime(),
        pending: snap.pending,
      };
      if (writePending(task.id, me, draft)) clearTyped(task.id, me);
      return whileWriting(saveDraft(draft)).then(() => { clearPending(task.id, me, draft); clearTyped(task.id, me, snap.pending); onSaved?.(); }, (err) => onSaved?.(err));
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
    /** What a Submit would send now, on a copy of the store: {store, items, notes}. */
    preview() {
      const snap = store.snapshot();
      const copy = createRegionStore({ config, items: snap.items, flags: snap.flags });
      copy.loadPending(snap.pending);
      copy.select(store.getState().selected);
      for (const [key, item] of repeatFocus(store)) repeatFocus(copy).set(key, item); // the Repeater items the view shows
      const notes = prepare(copy, config);
      return { store: copy, items: submittable(copy), notes };
    },
    /** Submit, Update (an own annotation) or Skip: {annotation, notes} (notes: typed text not sent, and why). */
    async submit({ skip = false } = {}) {
      closed = true;
      cancelTyping();
      try {
        const notes = prepare(store, config);
        const fields = { result: submittable(store), lead_time: s.leadTime(), was_cancelled: skip };
        await draftsSettled();
        clearPending(task.id, me, null);
        clearTyped(task.id, me);
        const draft = [task.id, me?.id ?? 0];
        const annotation = await (s.annotation && !skip
          ? updateAnnotation(s.annotation, fields, draft)
          : createAnnotation({ ...fields, task: task.id, project: project.id, completed_by: me?.id ?? null, parent_prediction: s.prediction }, draft));
        return { annotation, notes };
      } catch (err) {
        closed = false; // not saved: the work stays a draft
        s.saveDraft();
        throw err;
      }
    },
  };
  store.subscribe((_st, edited) => { if (edited) s.saveDraft(); });
  store.watchPending((pending) => {
    if (closed) return;
    writeTyped(task.id, me, pending);
    saveAfterTyping();
  });
  // typed text restored from localStorage alone (a reload came first): into the draft too
  if (readTyped(task.id, me)) saveAfterTyping();
  return s;
}
