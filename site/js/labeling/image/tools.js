// Pointer and keyboard interaction on one stage: select, move, resize and rotate regions, edit
// polygon vertices, draw new shapes, paint and erase brush masks, pan. Everything under the
// mouse is a preview on the live layer; one store edit is made when the mouse is released.
import { SHAPES } from "./shapes.js";
import { createShape, updateShape } from "./model.js";
import { paintSegment, encodeMask } from "./rle.js";
import { clamp } from "./geometry.js";

const CLICK = 3;        // screen px under which a press is a click, not a drag
const NEAR = 8;         // screen px to grab a handle or close a polygon

export function attachTools(stage, host) {
  const { store, ui } = host;
  const view = stage.view;
  let act = null;       // the current gesture
  let drawing = null;   // polygon being drawn: {ctl, points}
  let hover = null;     // screen point of the mouse (crosshair, brush cursor)
  let spaceDown = false;

  const snap = (ctl, p) => (ctl?.attrs?.snap === "pixel" ? { x: Math.round(p.x), y: Math.round(p.y) } : p);
  const inImage = (p) => ({ x: clamp(p.x, 0, stage.W), y: clamp(p.y, 0, stage.H) });
  const selected = () => { const id = store.getState().selected; return id ? stage.entry(id) : null; };
  const editable = (e) => e && !host.readOnly() && !store.flag(e.id, "locked");
  const canRotate = (e) => e && e.kind !== "polygon" && store.control(e.item.from_name)?.attrs?.canRotate !== false;

  function handleAt(e, q) {
    if (!editable(e)) return null;
    return SHAPES[e.kind].handles(e.g, view, canRotate(e)).find((h) => Math.hypot(h.x - q.x, h.y - q.y) <= NEAR) ?? null;
  }

  function down(ev) {
    if (!stage.W || (ev.button !== 0 && ev.button !== 1)) return;
    host.activate();
    stage.moved();
    stage.live.setPointerCapture(ev.pointerId);
    const q = stage.screenOf(ev), p = view.toImage(q);
    const tool = ui.tool;
    if (ev.button === 1 || spaceDown || tool === "pan") { act = { type: "pan", last: q }; return; }
    if (drawing) return addVertex(q, p);
    const sel = selected();
    const h = sel && handleAt(sel, q);
    if (h && sel.kind === "polygon" && ev.altKey) {
      if (sel.g.points.length > 3) commit(sel, { ...sel.g, points: sel.g.points.filter((_, i) => i !== h.index) }, "delete point");
      return;
    }
    if (h) { act = { type: "handle", entry: sel, h, g: sel.g }; begin(sel); return; }
    if (tool === "brush" || tool === "eraser") return startPaint(tool, p);
    const hit = stage.hitTest(p);
    const { relating } = store.getState();
    if (relating && hit) { store.addRelation(relating, hit.id); return; }
    if (hit && hit.id === sel?.id && editable(sel) && tool !== "keypoint") { act = { type: "move", entry: sel, from: p, q, g: sel.g, moved: false }; return; }
    const ctl = drawTool(tool) ? host.controlFor(tool) : null;
    if (ctl && tool === "keypoint") { act = { type: "keypoint", ctl, p: snap(ctl, inImage(p)), q, hit }; return; }
    if (ctl && tool === "polygon") { act = { type: "click", hit, q, then: () => startPolygon(ctl, q, p) }; return; }
    if (ctl) { act = { type: "create", ctl, tool, from: snap(ctl, inImage(p)), to: snap(ctl, inImage(p)), q, hit }; return; }
    act = hit ? { type: "click", hit, q, move: { entry: hit, from: p, g: hit.g } } : { type: "pan", last: q, q, deselect: true };
  }

  function move(ev) {
    const q = stage.screenOf(ev), p = view.toImage(q);
    hover = q;
    if (!act) { stage.invalidate(); updateCursor(q); return; }
    if (act.type === "pan") { stage.panBy(q.x - act.last.x, q.y - act.last.y, true); act.last = q; act.panned = true; return; }
    if (act.type === "click" && act.move && far(act.q, q) && editable(act.move.entry)) {
      store.select(act.move.entry.id);
      act = { type: "move", ...act.move, moved: false };
    }
    if (act.type === "move" && (act.moved || far(act.q ?? view.toScreen(act.from), q))) {
      if (!act.moved) begin(act.entry);
      act.moved = true;
      const ctl = store.control(act.entry.item.from_name);
      const d = snap(ctl, { x: p.x - act.from.x, y: p.y - act.from.y });
      act.preview = SHAPES[act.entry.kind].move(act.g, d.x, d.y);
    } else if (act.type === "handle") {
      act.preview = SHAPES[act.entry.kind].drag(act.g, act.h, snap(store.control(act.entry.item.from_name), p));
    } else if (act.type === "create") {
      act.to = snap(act.ctl, inImage(p));
    } else if (act.type === "paint") {
      paintTo(p);
    }
    stage.invalidate();
  }

  function up(ev) {
    const q = stage.screenOf(ev);
    const a = act; act = null;
    if (!a) return;
    if (a.type === "pan") { if (a.deselect && !a.panned) store.select(null); stage.invalidate(); return; }
    if (a.type === "click") {
      if (!far(a.q, q) && a.hit) store.select(a.hit.id);
      else if (a.then) a.then();
      return;
    }
    if (a.type === "move" || a.type === "handle") {
      stage.excluded = null;
      if (a.preview) commit(a.entry, a.preview, a.type === "move" ? "move region" : a.h.name === "rotate" ? "rotate region" : "resize region");
      stage.invalidate(true);
      return;
    }
    if (a.type === "keypoint") return create(a.ctl, "keypoint", { x: a.p.x, y: a.p.y, width: Number(a.ctl.attrs.strokeWidth ?? 1) || 1 });
    if (a.type === "create") {
      if (!far(a.q, q)) { if (a.hit) store.select(a.hit.id); else store.select(null); return; }
      const x0 = Math.min(a.from.x, a.to.x), y0 = Math.min(a.from.y, a.to.y), w = Math.abs(a.to.x - a.from.x), h = Math.abs(a.to.y - a.from.y);
      if (w <= 0 || h <= 0) return;
      if (a.tool === "rect") create(a.ctl, "rect", { x: x0, y: y0, w, h, rotation: 0 });
      else create(a.ctl, "ellipse", { x: x0 + w / 2, y: y0 + h / 2, rx: w / 2, ry: h / 2, rotation: 0 });
      return;
    }
    if (a.type === "paint") finishPaint(a);
  }

  function dblclick(ev) {
    const q = stage.screenOf(ev), p = view.toImage(q);
    if (drawing) { closePolygon(); return; }
    const sel = selected();
    if (sel?.kind !== "polygon" || !editable(sel)) return;
    const at = SHAPES.polygon.edgeAt(sel.g, p, NEAR / view.s);
    if (at < 0) return;
    const points = [...sel.g.points];
    points.splice(at, 0, snap(store.control(sel.item.from_name), p));
    commit(sel, { ...sel.g, points }, "add point");
  }

  function wheel(ev) {
    if (!stage.W || !host.zoomable()) return;
    ev.preventDefault();
    const q = stage.screenOf(ev);
    if (ev.shiftKey) { stage.panBy(-ev.deltaX, -ev.deltaY, true); return; }
    const by = host.zoomBy();
    stage.zoomAt(ev.deltaY < 0 ? by : 1 / by, q, true);
  }

  // -- creating -----------------------------------------------------------------------------
  function drawTool(tool) { return ["rect", "ellipse", "polygon", "keypoint"].includes(tool); }
  function create(ctl, kind, g) {
    const { width: W, height: H } = host.info();
    const id = createShape(store, { ctl, objectName: host.objectName, info: host.info(), positional: SHAPES[kind].toValue(g, W, H) });
    host.setHint(id ? "" : "Pick a label first (click it or press its hotkey), then draw.");
    stage.invalidate();
  }
  function startPolygon(ctl, q, p) {
    drawing = { ctl, points: [snap(ctl, inImage(p))] };
    stage.invalidate();
  }
  function addVertex(q, p) {
    const first = view.toScreen(drawing.points[0]);
    if (drawing.points.length > 2 && Math.hypot(first.x - q.x, first.y - q.y) <= NEAR) return closePolygon();
    drawing.points.push(snap(drawing.ctl, inImage(p)));
    stage.invalidate();
  }
  function closePolygon() {
    const d = drawing; drawing = null;
    if (d && d.points.length > 2) create(d.ctl, "polygon", { points: d.points, closed: true });
    stage.invalidate();
  }

  // -- editing ------------------------------------------------------------------------------
  function begin(entry) { stage.excluded = entry.id; stage.invalidate(true); }
  function commit(entry, g, label) {
    const { width: W, height: H } = host.info();
    updateShape(store, entry.id, SHAPES[entry.kind].toValue(g, W, H), label);
  }

  // -- brush ----------------------------------------------------------------------------------
  function startPaint(tool, p) {
    const ctl = host.controlFor("brush");
    const sel = selected();
    const target = sel?.kind === "brush" && editable(sel) ? sel : null;
    if (tool === "eraser" && !target) { host.setHint("Select a brush region to erase from."); return; }
    if (!target && !ctl) return;
    const color = target ? target.color : host.colorFor(ctl);
    const source = target && stage.brushOf(target.item.value.rle, target.color);
    const mask = source ? source.mask.slice() : new Uint8Array(stage.W * stage.H);
    const canvas = source ? cloneCanvas(source.canvas) : stage.maskCanvas(mask, color);
    act = { type: "paint", tool, ctl, target, mask, canvas, color, last: null };
    if (target) begin(target);
    paintTo(p);
  }
  function paintTo(p) {
    const c = { x: Math.floor(p.x) + 0.5, y: Math.floor(p.y) + 0.5 };
    const from = act.last ?? c;
    const box = paintSegment(act.mask, stage.W, stage.H, from, c, ui.brushSize / 2, act.tool === "eraser" ? 0 : 255);
    act.last = c;
    if (act.tool === "eraser") clearBox(act.canvas, box);
    stage.repaintMask(act.canvas, act.mask, act.color, box);
  }
  function finishPaint(a) {
    stage.excluded = null;
    const rle = encodeMask(a.mask, stage.W, stage.H);
    if (a.target) updateShape(store, a.target.id, { format: "rle", rle }, a.tool === "eraser" ? "erase" : "paint");
    else if (a.mask.some((v) => v)) {
      const id = createShape(store, { ctl: a.ctl, objectName: host.objectName, info: host.info(), positional: { format: "rle", rle } });
      host.setHint(id ? "" : "Pick a label first (click it or press its hotkey), then paint.");
      if (id) store.select(id);
    }
    stage.invalidate(true);
  }

  // -- the live layer -------------------------------------------------------------------------
  stage.overlay = (ctx) => {
    const sel = selected();
    if (act?.type === "paint") stage.paint(ctx, { kind: "brush", brush: { canvas: act.canvas } }, null);
    if (sel) {
      const g = (act?.entry?.id === sel.id && act.preview) || sel.g;
      if (sel.kind === "brush") { if (act?.type !== "paint") outlineBrush(ctx, sel); } else {
        stage.paint(ctx, sel, g, { selected: true });
        if (editable(sel)) stage.drawHandles(ctx, SHAPES[sel.kind].handles(g, view, canRotate(sel)));
      }
    }
    if (act?.type === "create" && far(view.toScreen(act.from), view.toScreen(act.to), 0)) {
      const x0 = Math.min(act.from.x, act.to.x), y0 = Math.min(act.from.y, act.to.y), w = Math.abs(act.to.x - act.from.x), h = Math.abs(act.to.y - act.from.y);
      const g = act.tool === "rect" ? { x: x0, y: y0, w, h, rotation: 0 } : { x: x0 + w / 2, y: y0 + h / 2, rx: w / 2, ry: h / 2, rotation: 0 };
      stage.paint(ctx, { kind: act.tool, color: host.colorFor(act.ctl), fill: 0.2, stroke: 1.5 }, g);
    }
    if (drawing) {
      const pts = hover ? [...drawing.points, view.toImage(hover)] : drawing.points;
      stage.paint(ctx, { kind: "polygon", color: host.colorFor(drawing.ctl), fill: 0.2, stroke: 1.5 }, { points: pts, closed: false });
      stage.drawHandles(ctx, drawing.points.map((p) => view.toScreen(p)));
    }
    if (hover && (ui.tool === "brush" || ui.tool === "eraser")) {
      ctx.beginPath(); ctx.arc(hover.x, hover.y, Math.max(1, (ui.brushSize / 2) * view.s), 0, 2 * Math.PI);
      ctx.strokeStyle = "#fff"; ctx.lineWidth = 1; ctx.stroke();
    }
    if (hover && host.crosshair()) {
      ctx.strokeStyle = "rgba(255,255,255,0.8)"; ctx.lineWidth = 1; ctx.setLineDash([4, 4]);
      ctx.beginPath(); ctx.moveTo(0, hover.y); ctx.lineTo(ctx.canvas.width, hover.y); ctx.moveTo(hover.x, 0); ctx.lineTo(hover.x, ctx.canvas.height); ctx.stroke();
      ctx.setLineDash([]);
    }
  };
  function outlineBrush(ctx, e) {
    ctx.save(); ctx.globalAlpha = 0.6; stage.paint(ctx, e, null); ctx.restore();
  }

  function updateCursor(q) {
    const sel = selected();
    const h = sel && handleAt(sel, q);
    const tool = ui.tool;
    stage.live.style.cursor = spaceDown || tool === "pan" ? "grab" : h ? (h.name === "rotate" ? "alias" : "pointer")
      : drawTool(tool) || tool === "brush" || tool === "eraser" ? "crosshair" : "default";
  }

  // -- keys (called by the object's key handler; true when used) --------------------------------
  function key(combo) {
    if (drawing && (combo === "enter")) { closePolygon(); return true; }
    if (drawing && combo === "escape") { drawing = null; stage.invalidate(); return true; }
    if (drawing && (combo === "ctrl+z" || combo === "command+z")) {
      drawing.points.pop(); if (!drawing.points.length) drawing = null; stage.invalidate(); return true;
    }
    if (combo === "[" || combo === "]") { stepBrush(combo === "]" ? 1 : -1); return true; }
    return false;
  }
  function stepBrush(dir) {
    const sizes = [1, 3, 5, 10, 15, 20, 30, 40, 50];
    const i = sizes.findIndex((s) => s >= ui.brushSize);
    ui.set({ brushSize: sizes[clamp((i < 0 ? sizes.length - 1 : i) + dir, 0, sizes.length - 1)] });
  }
  const onSpace = (ev) => { if (ev.code === "Space" && !ev.ctrlKey && !host.typing(ev)) spaceDown = ev.type === "keydown"; };
  const leave = () => { hover = null; stage.moved(); stage.invalidate(); };

  const L = stage.live;
  L.addEventListener("pointerdown", down); L.addEventListener("pointermove", move); L.addEventListener("pointerup", up);
  L.addEventListener("pointercancel", up); L.addEventListener("dblclick", dblclick); L.addEventListener("pointerleave", leave);
  stage.viewport.addEventListener("wheel", wheel, { passive: false });
  addEventListener("keydown", onSpace); addEventListener("keyup", onSpace);
  return {
    key,
    busy: () => Boolean(act || drawing),
    cancel() { drawing = null; act = null; stage.excluded = null; stage.invalidate(true); },
    detach() { removeEventListener("keydown", onSpace); removeEventListener("keyup", onSpace); },
  };
}

function far(a, b, min = CLICK) { return Math.hypot(a.x - b.x, a.y - b.y) > min; }
function cloneCanvas(src) {
  const c = document.createElement("canvas"); c.width = src.width; c.height = src.height;
  c.getContext("2d").drawImage(src, 0, 0);
  return c;
}
function clearBox(canvas, box) { canvas.getContext("2d").clearRect(box.x0, box.y0, box.x1 - box.x0 + 1, box.y1 - box.y0 + 1); }
