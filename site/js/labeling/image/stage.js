// The drawing surface of one Image object: the image as an <img> moved by a CSS transform (the
// browser composites it, so pan and zoom never repaint an 8,000 px image), and two canvases over
// it: `base` with every region batched by colour (one path per colour), redrawn only when the
// view or the regions change, and `live` with what moves under the mouse (the region being
// edited, handles, the shape being drawn, the crosshair), redrawn on every pointer move.
import { SHAPES } from "./shapes.js";
import { decodeMask } from "./rle.js";

const RAD = Math.PI / 180;
const MAX_SCALE = 64;
const HANDLE = 4;

export function createStage(viewport, { onView, onDrawn } = {}) {
  const img = document.createElement("img");
  img.className = "lci-img"; img.alt = ""; img.draggable = false; img.decoding = "async";
  const base = layer("lci-base"), live = layer("lci-live");
  viewport.append(img, base, live);
  let dpr = window.devicePixelRatio || 1, cw = 0, ch = 0, frame = 0, baseDirty = true, liveDirty = true, rect = null, marks = 0;

  const view = {
    s: 1, rot: 0, tx: 0, ty: 0,
    toScreen(p) {
      const c = Math.cos(view.rot * RAD), n = Math.sin(view.rot * RAD);
      return { x: view.tx + view.s * (c * p.x - n * p.y), y: view.ty + view.s * (n * p.x + c * p.y) };
    },
    toImage(q) {
      const c = Math.cos(view.rot * RAD), n = Math.sin(view.rot * RAD), dx = q.x - view.tx, dy = q.y - view.ty;
      return { x: (c * dx + n * dy) / view.s, y: (-n * dx + c * dy) / view.s };
    },
  };

  const stage = {
    viewport, img, base, live, view,
    W: 0, H: 0, entries: [], excluded: null, overlay: null, minScale: 0.05, align: "left",
    stats: { base: [], live: [] },
    /** Point of a pointer event in viewport (CSS px) coordinates (the viewport's page box is
     * read once per gesture: reading it on every move would force a style and layout pass). */
    screenOf(e) { const r = rect ?? (rect = live.getBoundingClientRect()); return { x: e.clientX - r.left, y: e.clientY - r.top }; },
    /** Forget the viewport's page box (the page scrolled or a gesture starts). */
    moved() { rect = null; },
    imageOf(e) { return view.toImage(stage.screenOf(e)); },
    setImage(url) {
      return new Promise((resolve, reject) => {
        img.onload = () => {
          stage.W = img.naturalWidth; stage.H = img.naturalHeight;
          img.style.width = `${stage.W}px`; img.style.height = `${stage.H}px`;
          resolve({ width: stage.W, height: stage.H });
        };
        img.onerror = () => reject(new Error("The image could not be loaded."));
        img.src = url;
      });
    },
    /** Set the viewport height from the image's aspect ratio (capped), then fit. */
    layout(maxHeight) {
      const w = viewport.clientWidth || 600;
      const [rw, rh] = view.rot % 180 ? [stage.H, stage.W] : [stage.W, stage.H];
      viewport.style.height = `${Math.round(Math.max(240, Math.min(maxHeight, (w * rh) / (rw || 1))))}px`;
      resize(); stage.fit();
    },
    fit() {
      if (!stage.W) return;
      const [rw, rh] = view.rot % 180 ? [stage.H, stage.W] : [stage.W, stage.H];
      view.s = Math.min(cw / rw, ch / rh) || 1;
      stage.minScale = Math.min(view.s, 1) / 4;
      place(rw, rh);
    },
    actual() {
      const mid = view.toImage({ x: cw / 2, y: ch / 2 });
      view.s = 1;
      const at = view.toScreen(mid);
      view.tx += cw / 2 - at.x; view.ty += ch / 2 - at.y;
      changed();
    },
    /** Zoom by k about screen point q; `gesture` (wheel) defers the view attributes to a pause. */
    zoomAt(k, q = { x: cw / 2, y: ch / 2 }, gesture = false) {
      const s = Math.max(stage.minScale, Math.min(MAX_SCALE, view.s * k)), f = s / view.s;
      view.tx = q.x - f * (q.x - view.tx); view.ty = q.y - f * (q.y - view.ty); view.s = s;
      changed(gesture);
    },
    panBy(dx, dy, gesture = false) { view.tx += dx; view.ty += dy; changed(gesture); },
    rotateBy(deg) { view.rot = (((view.rot + deg) % 360) + 360) % 360; stage.fit(); },
    setFilter(brightness, contrast) { img.style.filter = `brightness(${brightness}%) contrast(${contrast}%)`; },
    setEntries(entries) { stage.entries = entries; stage.invalidate(true); },
    invalidate(all = false) {
      if (all) baseDirty = true;
      liveDirty = true;
      if (!frame) frame = requestAnimationFrame(draw);
    },
    /** The topmost region under image point p (hidden ones are not entries). */
    hitTest(p) {
      const tol = 5 / view.s;
      for (let i = stage.entries.length - 1; i >= 0; i--) {
        const e = stage.entries[i];
        if (e.kind === "brush" ? maskAt(e, p) : SHAPES[e.kind].hit(e.g, p, tol)) return e;
      }
      return null;
    },
    entry: (id) => stage.entries.find((e) => e.id === id) ?? null,
    /** A brush mask (and its coloured canvas) for an rle, decoded once per rle array. */
    brushOf,
    /** Trace and paint one entry (geometry g) on a context in screen space. */
    paint(ctx, e, g, { selected = false } = {}) {
      if (e.kind === "brush") return paintMask(ctx, e);
      ctx.beginPath(); SHAPES[e.kind].trace(ctx, g, view);
      ctx.globalAlpha = selected ? 0.35 : e.fill; ctx.fillStyle = e.color; if (e.kind !== "polygon" || g.closed) ctx.fill();
      ctx.globalAlpha = 1; ctx.strokeStyle = e.color; ctx.lineWidth = selected ? e.stroke + 1.5 : e.stroke; ctx.stroke();
    },
    drawHandles(ctx, handles) {
      ctx.fillStyle = "#fff"; ctx.strokeStyle = "#1f6feb"; ctx.lineWidth = 1.5;
      for (const h of handles) {
        if (h.from) { ctx.beginPath(); ctx.moveTo(h.from.x, h.from.y); ctx.lineTo(h.x, h.y); ctx.stroke(); }
        ctx.beginPath();
        if (h.name === "rotate") ctx.arc(h.x, h.y, HANDLE + 1, 0, 2 * Math.PI); else ctx.rect(h.x - HANDLE, h.y - HANDLE, 2 * HANDLE, 2 * HANDLE);
        ctx.fill(); ctx.stroke();
      }
    },
    destroy() { cancelAnimationFrame(frame); clearTimeout(marks); removeEventListener("scroll", stage.moved, true); observer.disconnect(); img.remove(); base.remove(); live.remove(); },
  };

  function layer(cls) { const c = document.createElement("canvas"); c.className = cls; return c; }
  function resize() {
    rect = null;
    dpr = window.devicePixelRatio || 1;
    cw = viewport.clientWidth; ch = viewport.clientHeight;
    for (const c of [base, live]) { c.width = Math.round(cw * dpr); c.height = Math.round(ch * dpr); c.style.width = `${cw}px`; c.style.height = `${ch}px`; }
    stage.invalidate(true);
  }
  function place(rw, rh) {
    view.tx = 0; view.ty = 0;
    const corners = [[0, 0], [stage.W, 0], [0, stage.H], [stage.W, stage.H]].map(([x, y]) => view.toScreen({ x, y }));
    const minX = Math.min(...corners.map((c) => c.x)), minY = Math.min(...corners.map((c) => c.y));
    const free = cw - rw * view.s;
    const left = stage.align === "center" ? free / 2 : stage.align === "right" ? free : 0;
    view.tx = left - minX; view.ty = Math.max(0, (ch - rh * view.s) / 2) - minY;
    changed();
  }
  function changed(gesture = false) {
    const c = Math.cos(view.rot * RAD), n = Math.sin(view.rot * RAD), s = view.s;
    img.style.transform = `matrix(${s * c}, ${s * n}, ${-s * n}, ${s * c}, ${view.tx}, ${view.ty})`;
    img.classList.toggle("lci-pixelated", s >= 4);
    // The view as data-* attributes (tests, benchmarks) and the zoom label: during a gesture
    // (pan, wheel) only once it pauses, so moves touch nothing but the transform and canvases.
    clearTimeout(marks);
    const mark = () => { Object.assign(viewport.dataset, { scale: view.s, tx: view.tx, ty: view.ty, rot: view.rot }); onView?.(view); };
    if (gesture) marks = setTimeout(mark, 60); else mark();
    stage.invalidate(true);
  }
  function draw() {
    frame = 0;
    if (baseDirty) {
      const t0 = performance.now();
      const ctx = base.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0); ctx.clearRect(0, 0, cw, ch);
      drawEntries(ctx);
      baseDirty = false;
      keep(stage.stats.base, performance.now() - t0);
      if (viewport.dataset.drawn !== String(stage.entries.length)) { viewport.dataset.drawn = String(stage.entries.length); onDrawn?.(); }
    }
    if (liveDirty) {
      const t0 = performance.now();
      const ctx = live.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0); ctx.clearRect(0, 0, cw, ch);
      stage.overlay?.(ctx);
      liveDirty = false;
      keep(stage.stats.live, performance.now() - t0);
    }
  }
  function drawEntries(ctx) {
    const groups = new Map();
    for (const e of stage.entries) {
      if (e.id === stage.excluded) continue;
      if (e.kind === "brush") { paintMask(ctx, e); continue; }
      const k = `${e.color}|${e.fill}|${e.stroke}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(e);
    }
    for (const list of groups.values()) {
      const { color, fill, stroke } = list[0];
      ctx.beginPath();
      for (const e of list) SHAPES[e.kind].trace(ctx, e.g, view);
      ctx.fillStyle = color; ctx.globalAlpha = fill; ctx.fill();
      ctx.globalAlpha = 1; ctx.strokeStyle = color; ctx.lineWidth = stroke; ctx.stroke();
    }
  }
  function paintMask(ctx, e) {
    const b = e.brush ?? brushOf(e.item.value.rle, e.color);
    if (!b) return;
    const c = Math.cos(view.rot * RAD), n = Math.sin(view.rot * RAD), s = view.s;
    ctx.save();
    ctx.setTransform(dpr * s * c, dpr * s * n, -dpr * s * n, dpr * s * c, dpr * view.tx, dpr * view.ty);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(b.canvas, 0, 0);
    ctx.restore();
  }
  const masks = new WeakMap();
  function brushOf(rle, color) {
    if (!Array.isArray(rle) || !stage.W) return null;
    let b = masks.get(rle);
    if (!b || b.color !== color) {
      let mask;
      try { mask = decodeMask(rle, stage.W, stage.H); } catch { return null; }
      b = { mask, color, canvas: maskCanvas(mask, color) };
      masks.set(rle, b);
    }
    return b;
  }
  function maskCanvas(mask, color) {
    const c = document.createElement("canvas");
    c.width = stage.W; c.height = stage.H;
    repaintMask(c, mask, color, { x0: 0, y0: 0, x1: stage.W - 1, y1: stage.H - 1 });
    return c;
  }
  function maskAt(e, p) {
    const b = e.brush ?? brushOf(e.item.value.rle, e.color);
    const x = Math.floor(p.x), y = Math.floor(p.y);
    return Boolean(b && x >= 0 && y >= 0 && x < stage.W && y < stage.H && b.mask[y * stage.W + x]);
  }
  stage.repaintMask = repaintMask;
  stage.maskCanvas = maskCanvas;

  const observer = new ResizeObserver(() => { const w = cw; resize(); if (w && stage.W && Math.abs(w - cw) > 1) stage.fit(); });
  observer.observe(viewport);
  addEventListener("scroll", stage.moved, { capture: true, passive: true });
  resize();
  return stage;
}

/** Copy a box of a mask into its canvas as the colour at 55% where the mask is set. */
export function repaintMask(canvas, mask, color, box) {
  const w = box.x1 - box.x0 + 1, h = box.y1 - box.y0 + 1;
  if (w <= 0 || h <= 0) return;
  const [r, g, b] = rgbOf(color);
  const data = new ImageData(w, h);
  const W = canvas.width;
  for (let y = 0; y < h; y++) {
    for (let x = 0, i = (box.y0 + y) * W + box.x0, o = y * w * 4; x < w; x++, i++, o += 4) {
      const a = mask[i];
      if (a) { data.data[o] = r; data.data[o + 1] = g; data.data[o + 2] = b; data.data[o + 3] = Math.round(a * 0.55); }
    }
  }
  canvas.getContext("2d").putImageData(data, box.x0, box.y0);
}

const RGB = new Map();
function rgbOf(color) {
  if (RGB.has(color)) return RGB.get(color);
  const c = document.createElement("canvas").getContext("2d");
  c.fillStyle = color; c.fillRect(0, 0, 1, 1);
  const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
  RGB.set(color, [r, g, b]);
  return [r, g, b];
}

function keep(list, ms) { list.push(ms); if (list.length > 2000) list.splice(0, list.length - 1000); }
