// Hotkeys: Label Studio's defaults (ls-keymap.json, the subset this screen acts on) plus the
// label/choice hotkeys of the config (and of choices read from the task). None fires while typing
// in a text field or while a dialog is open over the screen. The key of a
// control inside a <Repeater> acts on the Repeater's active item only (repeat.js). The help also
// lists the keys the config's objects act on themselves (their tags' `hotkeys`, registry.js).
import { html, useEffect, useRef } from "../../lib/html.js";
import { tagSpec, objectHotkeys } from "./registry.js";
import { activeControl, repeatLevels } from "./repeat.js";

export const KEYMAP = {
  "annotation:submit": { key: "ctrl+enter", mac: "command+enter", title: "Submit or Update" },
  "annotation:skip": { key: "ctrl+space", mac: "alt+enter", title: "Skip" },
  "annotation:undo": { key: "ctrl+z", mac: "command+z", title: "Undo" },
  "annotation:redo": { key: "ctrl+shift+z", mac: "command+shift+z", title: "Redo" },
  "region:delete": { key: "backspace", title: "Delete the selected region" },
  "region:delete-all": { key: "ctrl+backspace", mac: "command+backspace", title: "Delete every unlocked region" },
  "region:unselect": { key: "u", title: "Unselect the region" },
  "region:exit": { key: "escape", title: "Unselect / cancel the relation" },
  "region:relation": { key: "alt+r", title: "Start a relation from the selected region" },
  "region:visibility": { key: "alt+h", title: "Hide / show the selected region" },
  "region:lock": { key: "alt+l", title: "Lock / unlock the selected region" },
  "region:cycle": { key: "alt+.", title: "Select the next region" },
  "region:meta": { key: "alt+m", title: "Write the selected region's meta note" },
  "region:visibility-all": { key: "ctrl+h", mac: "command+h", title: "Hide / show every region" },
  "repeater:next-page": { key: "alt+right", title: "Next item of a paged Repeater" },
  "repeater:previous-page": { key: "alt+left", title: "Previous item of a paged Repeater" },
  "help": { key: "shift+?", title: "Show this list" },
};

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform ?? "");
const NAMES = { " ": "space", arrowleft: "left", arrowright: "right", arrowup: "up", arrowdown: "down", "+": "plus", "-": "minus" };

/** "ctrl+shift+z" for a keydown event (command on a Mac). */
export function comboOf(e) {
  const key = e.key.toLowerCase();
  const parts = [];
  if (e.ctrlKey) parts.push("ctrl");
  if (e.metaKey) parts.push("command");
  if (e.altKey) parts.push("alt");
  if (e.shiftKey) parts.push("shift");
  let name = NAMES[key] ?? key;
  if (e.altKey && e.code?.startsWith("Key")) name = e.code.slice(3).toLowerCase();
  if (e.code === "Period" && e.altKey) name = ".";
  if (["control", "meta", "alt", "shift"].includes(name)) return null;
  return [...parts, name].join("+");
}

const normalize = (combo) => String(combo).toLowerCase().split(",")[0].trim();

/** True when the event comes from a field where keys type text. */
export function typing(e) {
  const el = e.target;
  if (!el || !el.closest) return false;
  if (el.closest("[data-object]")) return false;        // Text objects take a caret but refuse edits
  return Boolean(el.closest("input, textarea, select, [contenteditable='true'], [contenteditable='']")) && el.type !== "checkbox" && el.type !== "radio";
}

/**
 * Config hotkeys: [{combo, control, item}] for every label/choice that has one — the items of a
 * control as its tag's spec lists them for this task (`items(def, task)`: Choices read from task
 * data), else as the config writes them — and [{combo, control, item: null}] for a control's own
 * `hotkey` when its tag acts on one (`controlHotkey`: Rating steps up).
 */
export function configHotkeys(config, task = null) {
  const out = [];
  for (const ctl of config?.controls ?? []) {
    const spec = tagSpec(ctl.tag);
    if (spec?.controlHotkey && ctl.attrs?.hotkey) out.push({ combo: normalize(ctl.attrs.hotkey), control: ctl, item: null });
    if (!spec?.hotkey) continue;
    const walk = (items) => {
      for (const it of items ?? []) {
        if (it.hotkey) out.push({ combo: normalize(it.hotkey), control: ctl, item: it });
        walk(it.children);
      }
    };
    walk(spec.items?.(ctl, task) ?? ctl.labels);
  }
  return out;
}

/** Handle a keydown; `actions` maps keymap names to functions. Returns true when handled. */
export function handleKey(e, { store, config, actions, task = null }) {
  // A dialog over the screen (the hotkey list, the instructions) takes the keys itself.
  if (document.querySelector("[aria-modal='true']")) return false;
  if (typing(e) && !(e.key === "Escape")) {
    const combo = comboOf(e);
    // Submit still works from a text field, as in Label Studio.
    if (combo !== KEYMAP["annotation:submit"].key && combo !== KEYMAP["annotation:submit"].mac) return false;
  }
  const combo = comboOf(e);
  if (!combo) return false;
  for (const [name, spec] of Object.entries(KEYMAP)) {
    if ((isMac ? spec.mac ?? spec.key : spec.key) === combo || spec.key === combo) {
      const fn = actions[name];
      if (!fn) continue;
      e.preventDefault();
      fn();
      return true;
    }
  }
  const hit = configHotkeys(config, task).find((h) => h.combo === combo);
  const control = hit && activeControl(store, config, hit.control);
  if (control) {
    e.preventDefault();
    const spec = tagSpec(hit.control.tag);
    if (hit.item) spec.hotkey(store, control, hit.item);
    else spec.controlHotkey(store, control);
    return true;
  }
  return false;
}

/** The keymap actions on the region store (the screen adds submit, skip and help). */
export function storeActions(store) {
  const sel = () => store.getState().selected;
  return {
    "annotation:undo": () => store.undo(),
    "annotation:redo": () => store.redo(),
    "region:delete": () => sel() && !store.flag(sel(), "locked") && store.deleteRegion(sel()),
    "region:delete-all": () => store.deleteAll(),
    "region:unselect": () => store.select(null),
    "region:exit": () => { store.startRelation(null); store.select(null); },
    "region:relation": () => sel() && store.startRelation(sel()),
    "region:visibility": () => sel() && store.toggleFlag(sel(), "hidden"),
    "region:lock": () => sel() && store.toggleFlag(sel(), "locked"),
    "region:meta": () => sel() && document.querySelector(".lc-meta textarea")?.focus(),
    "region:visibility-all": () => {
      const ids = store.regions().map((r) => r.id);
      const hide = ids.some((id) => !store.flag(id, "hidden"));
      if (ids.length) store.edit(hide ? "hide all regions" : "show all regions", ({ flags }) => ({
        flags: Object.fromEntries([...Object.entries(flags), ...ids.map((id) => [id, { ...flags[id], hidden: hide }])]),
      }));
    },
    "region:cycle": () => {
      const ids = store.regions().map((r) => r.id);
      if (ids.length) store.select(ids[(ids.indexOf(sel()) + 1) % ids.length]);
    },
  };
}

/**
 * For a dialog over the labeling screen, whose keys are off while it is open (handleKey):
 * focuses the returned ref's element (its Close button) and closes on Escape from anywhere.
 */
export function useDialogKeys(onClose) {
  const close = useRef(null);
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    close.current?.focus();
    const onKey = (e) => { if (e.key === "Escape") { e.preventDefault(); latest.current(); } };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);
  return close;
}

export function HotkeyHelp({ config, task = null, onClose }) {
  const own = configHotkeys(config, task);
  const repeated = repeatLevels(config);
  const anyRepeated = own.some((h) => repeated.has(h.control.name));
  const close = useDialogKeys(onClose);
  return html`<div class="lc-overlay" role="dialog" aria-modal="true" aria-label="Hotkeys">
    <div class="lc-help">
      <div class="modal-head"><h2>Hotkeys</h2><button type="button" class="btn icon" aria-label="Close" onClick=${onClose} ref=${close}>×</button></div>
      <div class="modal-body">
        ${anyRepeated && html`<p class="lc-keys-note">Keys marked <em>active item</em> belong to a repeated block: they act on the active
          item only, the one outlined (the item you last clicked or moved the focus into; the first one until then).</p>`}
        <table class="lc-keys"><tbody>
        ${Object.entries(KEYMAP).map(([name, spec]) => html`<tr key=${name}><td><kbd>${isMac ? spec.mac ?? spec.key : spec.key}</kbd></td><td>${spec.title}</td></tr>`)}
        ${objectHotkeys(config).map((h) => html`<tr key=${`${h.object}:${h.combo}`}><td><kbd>${h.combo}</kbd></td><td>${h.object}: ${h.title}</td></tr>`)}
        ${own.map((h) => html`<tr key=${`${h.control.name}:${h.item?.value ?? ""}`}><td><kbd>${h.combo}</kbd></td>
          <td>${h.control.name}${h.item ? `: ${h.item.value}` : ` (${h.control.tag})`}${repeated.has(h.control.name) && html` <span class="lc-keys-scope">(active item)</span>`}</td></tr>`)}
      </tbody></table></div>
    </div>
  </div>`;
}
