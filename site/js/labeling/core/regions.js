// The region store: one annotation being edited (result items, flags, selection, history).
//
// Model (the contract image tools plug into):
//   items     the annotation's result exactly as Label Studio writes it (an array of result
//             items, relations included). Items are immutable: an edit replaces the items it
//             changes, so an unchanged item keeps its identity (used for `prediction-changed`).
//   region    the FIRST item of an id whose control is a region control (registry: region:true).
//             Every other item with that id is one of the region's per-region results
//             (perRegion Choices/TextArea/Rating/...), whose value repeats the region's
//             positional keys (start/end/text, x/y/width/height, ...) followed by its own, and
//             the region's object keys (its region kind's objectKeys, registry.js: image size...).
//   relation  {from_id, to_id, type: "relation", direction: "right"|"left"|"bi", labels?}
//   flags     {[id]: {hidden, locked}} (UI state saved with the draft and undone like an edit)
//   selected  id of the selected region or null (not an edit: never in history)
//   active    {[controlName]: [label values]} labels picked for the next region (not history)
//   relating  id of the region a relation is being drawn from, or null
//   pending   {[key]: text} typed but not yet added (a TextArea's box, per control and region;
//             an editable TextArea line being changed). Not an edit: no undo entry and no
//             re-render (the control re-renders itself); `watchPending` listeners are told (the
//             screen saves it with the draft) and a Submit adds it (session.js).
//
// Every edit goes through `edit(label, fn)`, which pushes the previous {items, flags} on the
// undo stack, clears the redo stack, turns an edited `origin: "prediction"` item into
// `"prediction-changed"` and notifies subscribers (the screen saves a draft on each).
// `snapshot()` / `restore()` carry everything a draft needs, history included.

import { isRegionControl, objectKeys } from "./registry.js";
import { entryNamed } from "./repeat.js";

const ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const HISTORY_LIMIT = 200;

/** A 10-character random id, like Label Studio's region ids. */
export function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => ID_CHARS[b & 63]).join("");
}

/** A result item in Label Studio's key order. */
export function resultItem({ value, id, from_name, to_name, type, origin = "manual" }) {
  return { value, id, from_name, to_name, type, origin };
}

/**
 * A result item from elsewhere (a prediction, an import, another annotation) in Label Studio's
 * key order, as Label Studio writes it back: its object keys, then value, id, from_name, to_name,
 * type, origin, then whatever else it carries (score, readonly, meta, parentID, ...).
 */
export function inLsOrder(item) {
  if (item.type === "relation") return item;
  const out = {};
  for (const key of [...objectKeys(), "value", "id", "from_name", "to_name", "type", "origin"]) if (item[key] !== undefined) out[key] = item[key];
  for (const key of Object.keys(item)) if (!(key in out)) out[key] = item[key];
  return out;
}

export function createRegionStore({ config, items = [], flags = {}, past = [], future = [], readOnly = false }) {
  const controls = new Map((config?.controls ?? []).map((c) => [c.name, c]));
  // A Repeater's control ("lang_1" from "lang_{{idx}}") with its index put into its toName too.
  const controlNamed = (name) => controls.get(name) ?? entryNamed(config, config?.controls ?? [], name) ?? undefined;
  const controlOf = (item) => controlNamed(item.from_name);
  const objects = new Map((config?.objects ?? []).map((o) => [o.name, o]));
  const objectNamed = (name) => objects.get(name) ?? entryNamed(config, config?.objects ?? [], name) ?? undefined;
  const isRegionItem = (item) => item.type !== "relation" && isRegionControl(controlOf(item)?.tag);
  let state = { items, flags, selected: null, active: {}, relating: null, pending: {} };
  let history = { past, future };
  let lastMerge = null; // the merge key of the last edit (see edit)
  const listeners = new Set();
  const pendingListeners = new Set();

  const emit = (edited) => { for (const fn of listeners) fn(state, edited); };
  const set = (changes, edited = false) => { state = { ...state, ...changes }; emit(edited); };

  function markChanged(before, after) {
    const kept = new Set(before);
    return after.map((it) => (!kept.has(it) && it.origin === "prediction" ? { ...it, origin: "prediction-changed" } : it));
  }

  const store = {
    readOnly,
    getState: () => state,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    control: controlNamed,
    /** The config entry of an object by name (a Repeater's copy too), or undefined. */
    object: objectNamed,
    isRegionItem,

    /**
     * Apply fn({items, flags}) -> {items?, flags?} as one undoable edit. `loaded: true` (a
     * prediction or annotation loaded whole) keeps the items' origins as they are.
     */
    edit(label, fn, { loaded = false, merge = null } = {}) {
      if (readOnly) return;
      const before = { items: state.items, flags: state.flags };
      const out = fn(before) || {};
      const items = out.items ? (loaded ? out.items : markChanged(before.items, out.items)) : before.items;
      const next = { items, flags: out.flags ?? before.flags };
      if (next.items === before.items && next.flags === before.flags) return;
      // `merge`: consecutive edits with the same key (typing in one field) are one undo step
      const same = merge && merge === lastMerge && history.past.length && !history.future.length;
      if (!same) history = { past: [...history.past, { ...before, label }].slice(-HISTORY_LIMIT), future: [] };
      lastMerge = merge;
      const selected = state.selected && items.some((it) => it.id === state.selected) ? state.selected : null;
      set({ ...next, selected }, true);
    },
    canUndo: () => history.past.length > 0,
    canRedo: () => history.future.length > 0,
    undo() {
      const last = history.past.at(-1);
      if (!last || readOnly) return;
      lastMerge = null;
      history = { past: history.past.slice(0, -1), future: [{ items: state.items, flags: state.flags, label: last.label }, ...history.future] };
      set({ items: last.items, flags: last.flags, selected: null, relating: null }, true);
    },
    redo() {
      const next = history.future[0];
      if (!next || readOnly) return;
      lastMerge = null;
      history = { past: [...history.past, { items: state.items, flags: state.flags, label: next.label }], future: history.future.slice(1) };
      set({ items: next.items, flags: next.flags, selected: null, relating: null }, true);
    },
    snapshot: () => ({ items: state.items, flags: state.flags, past: history.past, future: history.future, pending: state.pending }),
    /** Replace the whole state (a loaded draft, an annotation) without an undo entry. */
    reset({ items = [], flags = {}, past = [], future = [] }) {
      history = { past, future };
      set({ items, flags, selected: null, relating: null, active: {} }, false);
    },

    // -- selection and picked labels (not edits) --------------------------------------------
    select(id) { lastMerge = null; set({ selected: id ?? null }); },
    setActive(controlName, values) { set({ active: { ...state.active, [controlName]: values } }); },
    startRelation(id) { set({ relating: id ?? null }); },

    // -- typed text not yet added (see `pending` above) ------------------------------------------
    /** The text typed for control (+ region, + line of an editable TextArea), or undefined. */
    pending: (control, regionId = null, line = null) => state.pending[pendingKey(control, regionId, line)],
    /** Every pending text: [{control, regionId, line, text}]. */
    pendingEntries: () => Object.entries(state.pending).map(([key, text]) => {
      const [control, regionId, line] = JSON.parse(key);
      return { control, regionId, line, text };
    }),
    /** Set (or with text null, drop) a pending text. */
    setPending(control, regionId, line, text) {
      if (readOnly) return;
      const key = pendingKey(control, regionId, line);
      if ((state.pending[key] ?? null) === (text ?? null)) return;
      const next = { ...state.pending };
      if (text == null) delete next[key]; else next[key] = String(text);
      state = { ...state, pending: next };
      for (const fn of pendingListeners) fn(next);
    },
    /** Restore the pending texts of a draft (tells no one). */
    loadPending(pending) { state = { ...state, pending: { ...(pending ?? {}) } }; },
    watchPending(fn) { pendingListeners.add(fn); return () => pendingListeners.delete(fn); },

    // -- reading ------------------------------------------------------------------------------
    regions() {
      const seen = new Set();
      return state.items.filter((it) => isRegionItem(it) && !seen.has(it.id) && seen.add(it.id));
    },
    regionsOf(objectName) { return store.regions().filter((r) => r.to_name === objectName); },
    region: (id) => state.items.find((it) => it.id === id && isRegionItem(it)) ?? null,
    itemsOf: (id) => state.items.filter((it) => it.id === id),
    /** Every label of a region, over all its region-control items. */
    labelsOf(id) {
      return state.items.filter((it) => it.id === id && isRegionItem(it)).flatMap((it) => it.value[controlOf(it)?.value_key] ?? []);
    },
    relations: () => state.items.filter((it) => it.type === "relation"),
    /** The classification item of a control (for one region, or global when regionId is null). */
    classification(controlName, regionId = null) {
      return state.items.find((it) => it.from_name === controlName && (regionId ? it.id === regionId : !isRegionItem(it) && it.type !== "relation" && !isPerRegionOf(it))) ?? null;
    },
    flag: (id, name) => Boolean(state.flags[id]?.[name]),
    /**
     * Whether label `value` of region control `controlName` may go on no more regions: its
     * maxUsages (the Label's own, else its control's, as in Label Studio) counts the regions
     * that carry that label.
     */
    labelAtLimit(controlName, value) {
      const ctl = controlNamed(controlName);
      const max = Number(ctl?.labels?.find((l) => l.value === value)?.attrs?.maxUsages) || Number(ctl?.attrs?.maxUsages) || 0;
      if (!max) return false;
      const key = ctl?.value_key;
      return state.items.filter((it) => it.from_name === controlName && (it.value?.[key] ?? []).includes(value)).length >= max;
    },
    /** Unpick the labels that reached their maxUsages (after a region was made with them). */
    releaseFullLabels() {
      const active = Object.fromEntries(Object.entries(state.active).map(([name, values]) => [name, values.filter((v) => !store.labelAtLimit(name, v))]));
      if (Object.entries(active).some(([name, values]) => values.length !== state.active[name].length)) set({ active });
    },

    // -- edits ----------------------------------------------------------------------------------
    /** Create a region on `objectName` with the active labels of every region control bound to it. */
    addRegion(objectName, positional, { labels } = {}) {
      const picked = (labels ?? pickedLabels(objectName))
        .map(([ctl, values]) => [ctl, values.filter((v) => !store.labelAtLimit(ctl.name, v))]).filter(([, values]) => values.length);
      if (!picked.length) return null;
      const id = newId();
      store.edit("add region", ({ items }) => ({
        items: [...items, ...picked.map(([ctl, values]) => resultItem({
          value: { ...positional, [ctl.value_key]: values }, id, from_name: ctl.name, to_name: objectName, type: ctl.type,
        }))],
      }));
      store.releaseFullLabels();
      return id;
    },
    /** Set the labels a region control gives a region (removes the item when labels is empty and another remains). */
    setRegionLabels(id, controlName, labels) {
      const ctl = store.control(controlName);
      const key = ctl.value_key;
      store.edit("change labels", ({ items }) => {
        const region = items.find((it) => it.id === id && isRegionItem(it));
        if (!region) return {};
        const mine = items.find((it) => it.id === id && it.from_name === controlName);
        if (mine) return { items: items.map((it) => (it === mine ? { ...it, value: { ...it.value, [key]: labels } } : it)) };
        const value = { ...positionalOf(region), [key]: labels };
        return { items: [...items, resultItem({ value, id, from_name: controlName, to_name: region.to_name, type: ctl.type })] };
      });
    },
    /** A region's meta text (Label Studio's `meta: {text: [...]}` on each of its items); "" removes it. One undo step per field visit. */
    setRegionMeta(id, text) {
      store.edit("region meta", ({ items }) => ({
        items: items.map((it) => {
          if (it.id !== id || it.type === "relation") return it;
          const { meta, ...rest } = it;
          return text ? { ...rest, meta: { ...meta, text: [text] } } : (meta && Object.keys(meta).some((k) => k !== "text") ? { ...rest, meta: Object.fromEntries(Object.entries(meta).filter(([k]) => k !== "text")) } : rest);
        }),
      }), { merge: `meta:${id}` });
    },
    deleteRegion(id) {
      store.edit("delete region", ({ items, flags }) => {
        const rest = { ...flags }; delete rest[id];
        return { items: items.filter((it) => it.id !== id && !(it.type === "relation" && (it.from_id === id || it.to_id === id))), flags: rest };
      });
    },
    deleteAll() {
      store.edit("delete all regions", ({ items }) => {
        const gone = new Set(store.regions().filter((r) => !store.flag(r.id, "locked")).map((r) => r.id));
        return { items: items.filter((it) => !gone.has(it.id) && !(it.type === "relation" && (gone.has(it.from_id) || gone.has(it.to_id)))) };
      });
    },
    toggleFlag(id, name) {
      store.edit(name === "hidden" ? "hide region" : "lock region", ({ flags }) => ({
        flags: { ...flags, [id]: { ...flags[id], [name]: !flags[id]?.[name] } },
      }));
    },
    /**
     * Set the value of a classification control (Choices, TextArea, Rating, ...). `value` is the
     * control's own value ({choices: [...]}, {text: [...]}, ...) or null to remove the result.
     * With regionId the result is per-region: it shares the region's id and repeats its position.
     * A whole-task result names the control's first object (Pairwise toName="a,b" -> "a"), as LS does.
     */
    setClassification(controlName, value, regionId = null) {
      const ctl = store.control(controlName);
      store.edit(`set ${controlName}`, ({ items }) => {
        const current = store.classification(controlName, regionId);
        if (!value) return current ? { items: items.filter((it) => it !== current) } : {};
        if (current) return { items: items.map((it) => (it === current ? { ...it, value: { ...positionalOfValue(it.value, ctl), ...value } } : it)) };
        const region = regionId ? items.find((it) => it.id === regionId && isRegionItem(it)) : null;
        if (regionId && !region) return {};
        const item = {
          ...objectKeysOf(region),
          ...resultItem({
            value: region ? { ...positionalOf(region), ...value } : value,
            id: regionId ?? newId(), from_name: controlName,
            to_name: region ? region.to_name : ctl.to_name[0], type: ctl.type,
          }),
        };
        return { items: [...items, item] };
      });
    },
    addRelation(fromId, toId) {
      if (!fromId || !toId || fromId === toId) return;
      const exists = store.relations().some((r) => r.from_id === fromId && r.to_id === toId);
      set({ relating: null });
      if (!exists) store.edit("add relation", ({ items }) => ({ items: [...items, { from_id: fromId, to_id: toId, type: "relation", direction: "right" }] }));
    },
    updateRelation(rel, changes) {
      store.edit("change relation", ({ items }) => ({
        items: items.map((it) => {
          if (it !== rel) return it;
          const next = { ...it, ...changes };
          if (Array.isArray(next.labels) && !next.labels.length) delete next.labels;
          return next;
        }),
      }));
    },
    deleteRelation(rel) { store.edit("delete relation", ({ items }) => ({ items: items.filter((it) => it !== rel) })); },
  };

  function isPerRegionOf(item) {
    return state.items.some((other) => other !== item && other.id === item.id && isRegionItem(other));
  }
  function positionalOf(region) {
    return positionalOfValue(region.value, controlOf(region));
  }
  function positionalOfValue(value, ctl) {
    const out = { ...value };
    const key = ctl?.value_key;
    if (key) delete out[key];
    return out;
  }
  function pickedLabels(objectName) {
    // Picked by name as shown: a Repeater's copy ("label_1") is bound to its own object ("text_1").
    return Object.entries(state.active).filter(([, values]) => values?.length)
      .map(([name, values]) => [controlNamed(name), values])
      .filter(([c]) => c && isRegionControl(c.tag) && c.to_name.includes(objectName));
  }
  return store;
}

// Keys a region item carries about its object (its region kind's objectKeys), repeated first on
// its per-region results as Label Studio writes them.
function objectKeysOf(region) {
  const out = {};
  for (const key of objectKeys()) if (region && region[key] !== undefined) out[key] = region[key];
  return out;
}

const pendingKey = (control, regionId, line) => JSON.stringify([control, regionId ?? null, line ?? null]);
