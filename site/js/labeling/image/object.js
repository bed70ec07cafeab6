// <Image>: the image of a task (a URL, or a file stored in the project as media://...), or a
// list of them with valueList, with its regions drawn on a stage (stage.js) and edited with the
// tools (tools.js). The toolbar and hotkeys follow Label Studio's names and keys.
import { html, useEffect, useMemo, useReducer, useRef, useState } from "../../lib/html.js";
import { isMediaRef, mediaUrl } from "../../store/media.js";
import { regionColor } from "../core/colors.js";
import { comboOf, configHotkeys, typing } from "../core/hotkeys.js";
import { truthy } from "../core/data.js";
import { createStage } from "./stage.js";
import { attachTools } from "./tools.js";
import { kindOf, SHAPES } from "./shapes.js";
import { imageUi, TOOLS, TOOL_OF_TAG, BRUSH_SIZES } from "./ui.js";
import { duplicateShape } from "./model.js";
import { attachStage } from "./regions.js";
import { regionsMoved } from "../core/relations.js";

let activeObject = null; // the Image object keyboard shortcuts act on (last used)

const Icon = ({ d }) => html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round"><path d=${d} /></svg>`;

export function ImageObject({ node, def, store, ctx }) {
  const attrs = { ...(def?.attrs ?? {}), ...node.attrs };
  const name = def?.name ?? attrs.name;
  const raw = ctx.read(node, node.attrs.valueList != null ? "valueList" : "value");
  const sources = (Array.isArray(raw) ? raw : raw == null ? [] : [raw]).map(String);
  const multi = Boolean(attrs.valueList) || sources.length > 1;
  const ui = imageUi(store);
  const [, bump] = useReducer((n) => n + 1, 0);
  const [index, setIndex] = useState(0);
  const [status, setStatus] = useState({ loading: true });
  const [hint, setHint] = useState("");
  const [filter, setFilter] = useState({ brightness: 100, contrast: 100 });
  const [zoom, setZoom] = useState(1);
  const viewport = useRef(null);
  const parts = useRef({});
  const controls = useMemo(() => drawingControls(ctx.config, name), [ctx.config, name]);
  const tools = toolsOf(controls);
  const me = parts.current;
  me.state = { index, multi, controls, attrs, readOnly: ctx.readOnly || store.readOnly, sources };

  useEffect(() => ui.subscribe(bump), [ui]);
  useEffect(() => {
    if (ui.tool == null && tools.length) ui.pick(tools.includes("rect") ? "rect" : tools[0]);
  }, []);

  // Stage and tools live as long as the component; they read the latest props through `me`.
  useEffect(() => {
    // A pan, a zoom or a new set of drawn regions moves them under the relation arrows.
    const moved = () => regionsMoved(viewport.current);
    const stage = createStage(viewport.current, { onView: (v) => { setZoom(v.s); moved(); }, onDrawn: moved });
    stage.align = attrs.horizontalAlignment ?? "left";
    const host = {
      store, ui, objectName: name,
      info: () => ({ width: stage.W, height: stage.H, rotation: stage.view.rot, itemIndex: me.state.multi ? me.state.index : null }),
      controlFor(tool) {
        const list = me.state.controls.filter((c) => TOOL_OF_TAG[c.tag] === tool);
        return list.find((c) => c.name === ui.controls[tool]) ?? list.find((c) => store.getState().active[c.name]?.length) ?? list[0] ?? null;
      },
      colorFor: (ctl) => labelColor(store, ctl),
      readOnly: () => me.state.readOnly,
      zoomable: () => truthy(me.state.attrs.zoom),
      zoomBy: () => Number(me.state.attrs.zoomBy) || 1.1,
      crosshair: () => truthy(me.state.attrs.crosshair),
      setHint, typing,
      activate: () => { activeObject = me; },
    };
    me.stage = stage;
    attachStage(viewport.current, stage); // where its regions are on screen (regions.js box)
    viewport.current.lcStats = stage.stats; // draw times, read by benchmarks/image.py
    me.tools = attachTools(stage, host);
    activeObject ??= me;
    const sync = () => stage.setEntries(entriesOf(store, name, stage, me.state));
    me.sync = sync;
    const off = store.subscribe(sync);
    return () => { off(); me.tools.detach(); stage.destroy(); if (activeObject === me) activeObject = null; };
  }, [store, name]);

  // Load the current image (a stored file through an object URL, or the URL itself).
  const source = sources[index];
  useEffect(() => {
    let live = true;
    const stage = me.stage;
    setStatus({ loading: true });
    if (!source) { setStatus({ error: `No image in this task's "${attrs.valueList ?? attrs.value}".` }); return undefined; }
    (isMediaRef(source) ? mediaUrl(source) : Promise.resolve(source))
      .then((url) => { if (!url) throw new Error("This image is not stored in the project any more."); return stage.setImage(url); })
      .then((size) => {
        if (!live) return;
        me.tools.cancel();
        stage.view.rot = 0;
        stage.layout(Math.max(320, window.innerHeight * 0.72));
        if (attrs.defaultZoom === "original") stage.actual();
        me.sync();
        setStatus({ size });
      }, (err) => live && setStatus({ error: err.message ?? String(err) }));
    return () => { live = false; };
  }, [source]);

  useEffect(() => { me.stage.setFilter(filter.brightness, filter.contrast); }, [filter]);
  useEffect(() => { me.sync?.(); }, [index]);

  useEffect(() => {
    const onKey = (e) => {
      if (activeObject !== me || typing(e) || !me.stage.W) return;
      const combo = comboOf(e);
      if (!combo || configHotkeys(ctx.config).some((h) => h.combo === combo)) return;
      const fn = keyAction(combo, me, store, ui, tools, setIndex);
      if (fn) { e.preventDefault(); e.stopImmediatePropagation(); fn(); }
    };
    addEventListener("keydown", onKey, true);
    return () => removeEventListener("keydown", onKey, true);
  }, [tools.join(), ctx.config]);

  const go = (i) => { setIndex(Math.max(0, Math.min(sources.length - 1, i))); store.select(null); };
  const toolButton = (t) => html`<button type="button" key=${t} class=${`btn icon lci-tool${ui.tool === t ? " lci-on" : ""}`} aria-pressed=${ui.tool === t}
    aria-label=${TOOLS[t].title} title=${`${TOOLS[t].title} (${TOOLS[t].key.toUpperCase()})`} onClick=${() => { ui.pick(t); me.tools.cancel(); }}><${Icon} d=${TOOLS[t].icon} /></button>`;
  return html`<div class="lc-object lci-object" data-image=${name}>
    <div class="lci-toolbar" role="toolbar" aria-label=${`Image tools ${name}`}>
      ${["move", "pan", ...tools].map(toolButton)}
      ${(ui.tool === "brush" || ui.tool === "eraser") && html`<label class="lci-field">Size <select aria-label="Brush size" value=${ui.brushSize}
        onChange=${(e) => ui.set({ brushSize: Number(e.currentTarget.value) })}>${BRUSH_SIZES.map((s) => html`<option value=${s}>${s}</option>`)}</select></label>`}
      <span class="lci-sep"></span>
      <button type="button" class="btn icon" aria-label="Zoom out" title="Zoom out (ctrl+minus)" onClick=${() => me.stage.zoomAt(1 / 1.25)}>−</button>
      <span class="lci-zoom" aria-live="polite" title="Zoom">${Math.round(zoom * 100)}%</span>
      <button type="button" class="btn icon" aria-label="Zoom in" title="Zoom in (ctrl+plus)" onClick=${() => me.stage.zoomAt(1.25)}>+</button>
      <button type="button" class="btn" title="Fit (shift+1)" onClick=${() => me.stage.fit()}>Fit</button>
      <button type="button" class="btn" title="Actual size (shift+2)" onClick=${() => me.stage.actual()}>1:1</button>
      ${truthy(attrs.rotateControl) && html`
        <button type="button" class="btn icon" aria-label="Rotate left" title="Rotate left (alt+left)" onClick=${() => rotate(me, -90)}>⟲</button>
        <button type="button" class="btn icon" aria-label="Rotate right" title="Rotate right (alt+right)" onClick=${() => rotate(me, 90)}>⟳</button>`}
      ${truthy(attrs.brightnessControl) && html`<label class="lci-field">Brightness <input type="range" min="10" max="300" value=${filter.brightness}
        aria-label="Brightness" onInput=${(e) => setFilter((f) => ({ ...f, brightness: Number(e.currentTarget.value) }))} /></label>`}
      ${truthy(attrs.contrastControl) && html`<label class="lci-field">Contrast <input type="range" min="10" max="300" value=${filter.contrast}
        aria-label="Contrast" onInput=${(e) => setFilter((f) => ({ ...f, contrast: Number(e.currentTarget.value) }))} /></label>`}
      ${multi && html`<span class="lci-sep"></span>
        <button type="button" class="btn icon" aria-label="Previous image" title="Previous image (ctrl+left)" disabled=${index === 0} onClick=${() => go(index - 1)}>‹</button>
        <span class="lci-zoom">${index + 1} / ${sources.length}</span>
        <button type="button" class="btn icon" aria-label="Next image" title="Next image (ctrl+right)" disabled=${index >= sources.length - 1} onClick=${() => go(index + 1)}>›</button>`}
    </div>
    <div class="lci-frame">
      <div class="lci-viewport" ref=${viewport} role="img" aria-label=${`Image ${name}`} data-object=${name} tabIndex="0"
        onPointerDown=${() => { activeObject = me; }}></div>
      ${status.loading && html`<p class="lci-status muted" aria-busy="true">Loading image…</p>`}
      ${status.error && html`<p class="lci-status error-text" role="alert">${status.error}</p>`}
    </div>
    ${status.size && html`<p class="lci-meta muted">${status.size.width} × ${status.size.height} px${multi ? ` · image ${index + 1} of ${sources.length}` : ""}</p>`}
    ${hint && html`<p class="lc-hint" role="status">${hint}</p>`}
  </div>`;
}

/** The drawing controls bound to Image `name`. */
const drawingControls = (config, name) => (config.controls ?? []).filter((c) => TOOL_OF_TAG[c.tag] && c.to_name.includes(name));

/** The drawing tools of those controls (the eraser with the brush). */
function toolsOf(controls) {
  const tools = [...new Set(controls.map((c) => TOOL_OF_TAG[c.tag]))];
  if (tools.includes("brush")) tools.push("eraser");
  return tools;
}

function rotate(me, deg) {
  me.stage.rotateBy(deg);
}

/** The regions of this object (on the current image of a list) as stage entries. */
function entriesOf(store, name, stage, { index, multi }) {
  if (!stage.W) return [];
  const st = store.getState();
  const out = [];
  for (const r of store.regionsOf(name)) {
    const kind = kindOf(r.type);
    if (!kind || st.flags[r.id]?.hidden) continue;
    if (multi && (r.item_index ?? 0) !== index) continue;
    const ctl = store.control(r.from_name);
    const color = ctl && !ctl.labels?.length ? ctl.attrs?.strokeColor || ctl.attrs?.fillColor || "#f48a42" : regionColor(store, r);
    out.push({ id: r.id, item: r, kind, color, g: geometry(r, kind, stage), fill: kind === "keypoint" ? 0.9 : 0.18, stroke: Number(ctl?.attrs?.strokeWidth) > 1 ? Number(ctl.attrs.strokeWidth) : 1.5 });
  }
  return out;
}

const GEOMETRY = new WeakMap();
function geometry(item, kind, stage) {
  if (kind === "brush") return null;
  const hit = GEOMETRY.get(item);
  if (hit && hit.W === stage.W && hit.H === stage.H) return hit.g;
  const g = SHAPES[kind].fromValue(item.value, stage.W, stage.H);
  GEOMETRY.set(item, { W: stage.W, H: stage.H, g });
  return g;
}

function labelColor(store, ctl) {
  if (!ctl) return "#617ADA";
  const picked = store.getState().active[ctl.name]?.[0];
  const entry = ctl.labels?.find((l) => l.value === picked);
  return entry?.background || ctl.attrs?.strokeColor || "#617ADA";
}

// The keys of the view (besides the tools'): `on(attrs)` when the config offers them, `act` ->
// what the key does now, or null when it does nothing (the key then goes on to the screen).
const rotates = (attrs) => truthy(attrs.rotateControl);
const lists = (attrs) => Boolean(attrs.valueList);
const VIEW_KEYS = [
  { combos: ["ctrl+plus", "ctrl+=", "command+plus"], title: "Zoom in", act: (me) => () => me.stage.zoomAt(1.25) },
  { combos: ["ctrl+minus", "command+minus"], title: "Zoom out", act: (me) => () => me.stage.zoomAt(1 / 1.25) },
  { combos: ["shift+1", "shift+!"], title: "Fit the image", act: (me) => () => me.stage.fit() },
  { combos: ["shift+2", "shift+@"], title: "Actual size", act: (me) => () => me.stage.actual() },
  { combos: ["ctrl+d", "command+d"], title: "Duplicate the selected region", act(me, store) {
    const sel = store.getState().selected;
    return sel && me.stage.entry(sel) ? () => store.select(duplicateShape(store, sel)) : null;
  } },
  { combos: ["alt+left"], title: "Rotate left", on: rotates, act: (me) => (rotates(me.state.attrs) ? () => rotate(me, -90) : null) },
  { combos: ["alt+right"], title: "Rotate right", on: rotates, act: (me) => (rotates(me.state.attrs) ? () => rotate(me, 90) : null) },
  { combos: ["ctrl+left"], title: "Previous image", on: lists,
    act: (me, store, setIndex) => (me.state.multi ? () => { setIndex((i) => Math.max(0, i - 1)); store.select(null); } : null) },
  { combos: ["ctrl+right"], title: "Next image", on: lists,
    act: (me, store, setIndex) => (me.state.multi ? () => { setIndex((i) => Math.min(me.state.sources.length - 1, i + 1)); store.select(null); } : null) },
];

/** The keys an Image acts on (registry.js `hotkeys`): its tools' and its view's, for the hotkey help. */
export function imageHotkeys(def, config) {
  const attrs = def.attrs ?? {};
  const tools = ["move", "pan", ...toolsOf(drawingControls(config, def.name))];
  return [...tools.map((t) => ({ combo: TOOLS[t].key, title: TOOLS[t].title })),
    ...VIEW_KEYS.filter((k) => !k.on || k.on(attrs)).map((k) => ({ combo: k.combos[0], title: k.title }))];
}

function keyAction(combo, me, store, ui, tools, setIndex) {
  if (me.tools.key(combo)) return () => {};
  const toolKey = Object.entries(TOOLS).find(([t, spec]) => spec.key === combo && (t === "move" || t === "pan" || tools.includes(t)));
  if (toolKey) return () => { ui.pick(toolKey[0]); me.tools.cancel(); };
  return VIEW_KEYS.find((k) => k.combos.includes(combo))?.act(me, store, setIndex) ?? null;
}
