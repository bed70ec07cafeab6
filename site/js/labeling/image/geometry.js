// Region geometry in image pixels, from and to Label Studio's values (percent of the original
// size; rectangles and ellipses rotated in degrees, clockwise on screen, a rectangle about its
// top-left corner, an ellipse about its centre). Pure functions, no DOM.

const RAD = Math.PI / 180;
export const rot = (dx, dy, deg) => {
  const c = Math.cos(deg * RAD), s = Math.sin(deg * RAD);
  return { x: dx * c - dy * s, y: dx * s + dy * c };
};
export const pct = (px, size) => (px / size) * 100;
export const px = (p, size) => (p / 100) * size;
export const normDeg = (deg) => ((deg % 360) + 360) % 360;

/** A rectangle value as pixels {x, y, w, h, rotation}. */
export function rectPx(v, W, H) {
  return { x: px(v.x, W), y: px(v.y, H), w: px(v.width, W), h: px(v.height, H), rotation: v.rotation || 0 };
}
export function rectValue({ x, y, w, h, rotation = 0 }, W, H) {
  return { x: pct(x, W), y: pct(y, H), width: pct(w, W), height: pct(h, H), rotation: normDeg(rotation) };
}
/** The four corners (tl, tr, br, bl) of a pixel rectangle rotated about its top-left corner. */
export function rectCorners(r) {
  const a = rot(r.w, 0, r.rotation), b = rot(r.w, r.h, r.rotation), c = rot(0, r.h, r.rotation);
  return [{ x: r.x, y: r.y }, { x: r.x + a.x, y: r.y + a.y }, { x: r.x + b.x, y: r.y + b.y }, { x: r.x + c.x, y: r.y + c.y }];
}
export function rectCenter(r) {
  const c = rot(r.w / 2, r.h / 2, r.rotation);
  return { x: r.x + c.x, y: r.y + c.y };
}
/** A point in the rectangle's own frame (origin at its top-left, axes along its sides). */
export function toLocal(r, p) { return rot(p.x - r.x, p.y - r.y, -r.rotation); }

export function ellipsePx(v, W, H) {
  return { x: px(v.x, W), y: px(v.y, H), rx: px(v.radiusX, W), ry: px(v.radiusY, H), rotation: v.rotation || 0 };
}
export function ellipseValue({ x, y, rx, ry, rotation = 0 }, W, H) {
  return { x: pct(x, W), y: pct(y, H), radiusX: pct(rx, W), radiusY: pct(ry, H), rotation: normDeg(rotation) };
}
export const pointsPx = (points, W, H) => points.map(([x, y]) => ({ x: px(x, W), y: px(y, H) }));
export const pointsValue = (pts, W, H) => pts.map((p) => [pct(p.x, W), pct(p.y, H)]);

export function insidePolygon(pts, p) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i], b = pts[j];
    if ((a.y > p.y) !== (b.y > p.y) && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
export function segmentDistance(p, a, b) {
  const dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}
export function insideEllipse(e, p) {
  const l = rot(p.x - e.x, p.y - e.y, -e.rotation);
  return e.rx > 0 && e.ry > 0 && (l.x / e.rx) ** 2 + (l.y / e.ry) ** 2 <= 1;
}
/** Axis-aligned box {x0, y0, x1, y1} of points. */
export function boundsOf(pts) {
  const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
export const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
