// Shape kinds, keyed by result type: each turns a value into pixel geometry and back, traces
// itself on a canvas (in screen space through `view.toScreen`), hit-tests, moves, and offers
// the handles its selected form can be edited with.
import {
  rectPx, rectValue, rectCorners, rectCenter, toLocal, rot, ellipsePx, ellipseValue, pointsPx, pointsValue,
  insidePolygon, segmentDistance, insideEllipse, normDeg,
} from "./geometry.js";

const RAD = Math.PI / 180;
const ROTATE_GAP = 22; // screen px between a shape and its rotation handle

const rect = {
  fromValue: rectPx,
  toValue: rectValue,
  trace(ctx, g, view) {
    const [a, b, c, d] = rectCorners(g).map(view.toScreen);
    ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.lineTo(c.x, c.y); ctx.lineTo(d.x, d.y); ctx.closePath();
  },
  hit: (g, p) => insidePolygon(rectCorners(g), p),
  move: (g, dx, dy) => ({ ...g, x: g.x + dx, y: g.y + dy }),
  handles(g, view, canRotate) {
    const [tl, tr, br, bl] = rectCorners(g).map(view.toScreen);
    const mid = (p, q) => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
    const out = [
      { name: "nw", ...tl, ex: 0, ey: 0 }, { name: "ne", ...tr, ex: 1, ey: 0 }, { name: "se", ...br, ex: 1, ey: 1 }, { name: "sw", ...bl, ex: 0, ey: 1 },
      { name: "n", ...mid(tl, tr), ey: 0 }, { name: "e", ...mid(tr, br), ex: 1 }, { name: "s", ...mid(bl, br), ey: 1 }, { name: "w", ...mid(tl, bl), ex: 0 },
    ];
    if (canRotate) out.push(rotateHandle(mid(tl, tr), mid(bl, br)));
    return out;
  },
  /** Drag handle `h` to image point p: sides follow in the rectangle's own frame. */
  drag(g, h, p) {
    if (h.name === "rotate") {
      const c = rectCenter(g);
      const rotation = Math.atan2(p.y - c.y, p.x - c.x) / RAD + 90;
      const off = rot(g.w / 2, g.h / 2, rotation);
      return { ...g, x: c.x - off.x, y: c.y - off.y, rotation: normDeg(rotation) };
    }
    const l = toLocal(g, p);
    let x0 = 0, y0 = 0, x1 = g.w, y1 = g.h;
    if (h.ex === 0) x0 = l.x; else if (h.ex === 1) x1 = l.x;
    if (h.ey === 0) y0 = l.y; else if (h.ey === 1) y1 = l.y;
    const o = rot(Math.min(x0, x1), Math.min(y0, y1), g.rotation);
    return { ...g, x: g.x + o.x, y: g.y + o.y, w: Math.abs(x1 - x0), h: Math.abs(y1 - y0) };
  },
};

function rotateHandle(top, bottom) {
  const dx = top.x - bottom.x, dy = top.y - bottom.y, len = Math.hypot(dx, dy) || 1;
  return { name: "rotate", x: top.x + (dx / len) * ROTATE_GAP, y: top.y + (dy / len) * ROTATE_GAP, from: top };
}

const ellipse = {
  fromValue: ellipsePx,
  toValue: ellipseValue,
  trace(ctx, g, view) {
    const c = view.toScreen(g);
    ctx.moveTo(c.x + Math.max(0, g.rx * view.s) * Math.cos((g.rotation + view.rot) * RAD), c.y + g.rx * view.s * Math.sin((g.rotation + view.rot) * RAD));
    ctx.ellipse(c.x, c.y, Math.max(0, g.rx * view.s), Math.max(0, g.ry * view.s), (g.rotation + view.rot) * RAD, 0, 2 * Math.PI);
  },
  hit: insideEllipse,
  move: (g, dx, dy) => ({ ...g, x: g.x + dx, y: g.y + dy }),
  handles(g, view, canRotate) {
    const at = (dx, dy) => { const o = rot(dx, dy, g.rotation); return view.toScreen({ x: g.x + o.x, y: g.y + o.y }); };
    const out = [{ name: "e", ...at(g.rx, 0), axis: "x" }, { name: "w", ...at(-g.rx, 0), axis: "x" },
      { name: "s", ...at(0, g.ry), axis: "y" }, { name: "n", ...at(0, -g.ry), axis: "y" }];
    if (canRotate) out.push(rotateHandle(at(0, -g.ry), at(0, g.ry)));
    return out;
  },
  drag(g, h, p) {
    if (h.name === "rotate") return { ...g, rotation: normDeg(Math.atan2(p.y - g.y, p.x - g.x) / RAD + 90) };
    const l = rot(p.x - g.x, p.y - g.y, -g.rotation);
    return h.axis === "x" ? { ...g, rx: Math.abs(l.x) } : { ...g, ry: Math.abs(l.y) };
  },
};

const polygon = {
  fromValue: (v, W, H) => ({ points: pointsPx(v.points ?? [], W, H), closed: v.closed !== false }),
  toValue: (g, W, H) => ({ points: pointsValue(g.points, W, H), closed: g.closed }),
  trace(ctx, g, view) {
    g.points.forEach((p, i) => { const q = view.toScreen(p); if (i) ctx.lineTo(q.x, q.y); else ctx.moveTo(q.x, q.y); });
    if (g.closed) ctx.closePath();
  },
  hit(g, p, tol) {
    if (g.closed && g.points.length > 2 && insidePolygon(g.points, p)) return true;
    const n = g.points.length;
    return g.points.some((a, i) => (i || g.closed) && n > 1 && segmentDistance(p, g.points[(i + n - 1) % n], a) <= tol);
  },
  move: (g, dx, dy) => ({ ...g, points: g.points.map((q) => ({ x: q.x + dx, y: q.y + dy })) }),
  handles: (g, view) => g.points.map((p, i) => ({ name: `v${i}`, index: i, ...view.toScreen(p) })),
  drag: (g, h, p) => ({ ...g, points: g.points.map((q, i) => (i === h.index ? p : q)) }),
  /** The edge (index of its second vertex) within tol of p, or -1. */
  edgeAt(g, p, tol) {
    const n = g.points.length;
    for (let i = 0; i < n; i++) {
      const a = g.points[i], b = g.points[(i + 1) % n];
      if ((i + 1 < n || g.closed) && segmentDistance(p, a, b) <= tol) return i + 1;
    }
    return -1;
  },
};

const keypoint = {
  fromValue: (v, W, H) => ({ x: (v.x / 100) * W, y: (v.y / 100) * H, width: ((v.width ?? 0) / 100) * W }),
  toValue: (g, W, H) => ({ x: (g.x / W) * 100, y: (g.y / H) * 100, width: (g.width / W) * 100 }),
  radius: (g, view) => Math.max(4, (g.width * view.s) / 2),
  trace(ctx, g, view) {
    const c = view.toScreen(g), r = keypoint.radius(g, view);
    ctx.moveTo(c.x + r, c.y); ctx.arc(c.x, c.y, r, 0, 2 * Math.PI);
  },
  hit: (g, p, tol) => Math.hypot(p.x - g.x, p.y - g.y) <= Math.max(tol, g.width / 2),
  move: (g, dx, dy) => ({ ...g, x: g.x + dx, y: g.y + dy }),
  handles: () => [],
};

// Brush masks are drawn and hit-tested by the stage from their decoded masks.
const brush = { brush: true, handles: () => [] };

export const SHAPES = { rect, ellipse, polygon, keypoint, brush };

const KIND_OF_TYPE = {
  rectangle: "rect", rectanglelabels: "rect", ellipse: "ellipse", ellipselabels: "ellipse",
  polygon: "polygon", polygonlabels: "polygon", keypoint: "keypoint", keypointlabels: "keypoint",
  brush: "brush", brushlabels: "brush",
};
/** The shape kind of a result type ("rectanglelabels" -> "rect"), or null. */
export const kindOf = (type) => KIND_OF_TYPE[type] ?? null;
export const shapeOf = (type) => SHAPES[kindOf(type)] ?? null;
/** The result types of a shape kind ("rect" -> ["rectangle", "rectanglelabels"]). */
export const typesOf = (kind) => Object.keys(KIND_OF_TYPE).filter((type) => KIND_OF_TYPE[type] === kind);
