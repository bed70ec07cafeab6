// LabelingView: the labeling interface of one task, rendered from the parsed config.
//   props {config (parsed JSON form), task, annotation?, readOnly, onChange?(result), store?,
//          actions? (keymap name -> function: the screen's submit/skip/help), hotkeys = true}
// The view handles the hotkeys (label/choice keys, undo/redo, region keys) while it is mounted.
// Used by the labeling screen (which passes its own store, to save drafts and submit) and by
// the Labeling Setup preview (which passes only config + task).
import { html, h, useMemo, useEffect, useLayoutEffect, useRef, useState } from "../../lib/html.js";
import { loadCss } from "../../lib/css.js";
import { tagSpec, isRegionControl } from "./registry.js";
import { createRegionStore } from "./regions.js";
import { useStore } from "./hooks.js";
import { readValue } from "./data.js";
import { isVisible } from "./visibility.js";
import { entryNamed } from "./repeat.js";
import { RegionsPanel } from "./panel.js";
import { RelationsOverlay } from "./relations.js";
import { handleKey, storeActions } from "./hotkeys.js";
import "../renderers.js";

loadCss("css/labeling.css");

// Tags read by their parent control, never rendered on their own.
const CHILD_TAGS = new Set(["Label", "Choice", "Relation", "Bucket", "Channel", "Shortcut", "Panel", "Path"]);

export function LabelingView({ config, task, annotation = null, readOnly = false, onChange, store: given, panel = true, actions, hotkeys = true }) {
  const own = useMemo(() => (given ? null : createRegionStore({ config, items: annotation?.result ?? [], readOnly })), [given, config, annotation, readOnly]);
  const store = given ?? own;
  useEffect(() => (onChange ? store.subscribe((s, edited) => edited && onChange(s.items)) : undefined), [store, onChange]);
  // Attached as the view is committed (not after paint), so a key pressed the moment the task shows counts.
  useLayoutEffect(() => {
    if (!hotkeys || readOnly) return undefined;
    const all = { ...storeActions(store), ...actions };
    const onKey = (e) => handleKey(e, { store, config, actions: all, task });
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [store, config, task, actions, hotkeys, readOnly]);
  const main = useRef(null);
  const regionsUsed = (config?.controls ?? []).some((c) => isRegionControl(c.tag));
  if (!config?.layout) return html`<div class="notice lc-empty"><p>This project has no labeling config yet. Open Settings → Labeling Setup to write one.</p></div>`;
  return html`<div class=${`lc-view${panel && regionsUsed ? "" : " lc-no-panel"}`}>
    <div class="lc-main" ref=${main}><${Tree} config=${config} task=${task} store=${store} readOnly=${readOnly || store.readOnly} />
      ${regionsUsed && html`<${RelationsOverlay} store=${store} root=${main} />`}</div>
    ${panel && regionsUsed && html`<${RegionsPanel} config=${config} task=${task} store=${store} />`}
  </div>`;
}

function Tree({ config, task, store, readOnly }) {
  useStore(store);
  const [filters, setFilters] = useState({});
  const ctx = useMemo(() => {
    const objects = new Map(config.objects.map((o) => [o.name, o]));
    const c = {
      config, readOnly, objects,
      read: (holder, attr) => readValue(holder, attr, task?.data ?? {}),
      filters: {},
      setFilter: (name, text) => setFilters((f) => ({ ...f, [name]: text })),
      renderChildren: (nodes, prefix = "") => nodes.map((n, i) => renderNode(n, c, `${prefix}${i}`)),
    };
    return c;
  }, [config, task, readOnly]);
  ctx.filters = filters;
  return html`<div class="lc-root">${renderNode(config.layout, ctx, "root")}</div>`;

  function renderNode(node, c, key) {
    if (CHILD_TAGS.has(node.tag)) return null;
    const spec = tagSpec(node.tag);
    if (!spec) return html`<div class="lc-placeholder" key=${key} role="note">No renderer for <code>${`<${node.tag}>`}</code> yet.</div>`;
    const def = lookup(c, spec.kind, node.attrs?.name);
    if (!isVisible(node, def, store)) return null;
    return h(spec.component, { key, node, def, store, task, ctx: c });
  }
}

function lookup(ctx, kind, name) {
  if (!name || kind === "layout") return null;
  return entryNamed(ctx.config, kind === "object" ? ctx.config.objects : ctx.config.controls, name);
}
