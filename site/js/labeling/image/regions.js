// The region kinds of an Image (registry.js), one per shape: Label Studio's result types, the keys
// that position each, its value <-> pixel geometry (shapes.js), its summary and its box on screen.
import { registerRegionKind } from "../core/registry.js";
import { SHAPES, typesOf } from "./shapes.js";
import { IMAGE_KEYS } from "./model.js";
import { boundsOf, rectCorners } from "./geometry.js";

// The stage of each mounted Image viewport (object.js attaches it), for `box`.
const STAGES = new WeakMap();

/** Called by an Image object: `viewport` (its data-object element) shows `stage`. */
export function attachStage(viewport, stage) {
  STAGES.set(viewport, stage);
}

/** The client box of a drawn region, or null when it is not on this image now. */
function screenBox(stage, id) {
  const e = stage.entry(id);
  if (!e?.g) return null;
  const g = e.g;
  const pts = e.kind === "rect" ? rectCorners(g)
    : e.kind === "ellipse" ? [{ x: g.x - g.rx, y: g.y - g.ry }, { x: g.x + g.rx, y: g.y + g.ry }]
    : Array.isArray(g.points) ? g.points : [g];
  if (!pts.length) return null;
  const r = stage.viewport.getBoundingClientRect();
  const b = boundsOf(pts.map(stage.view.toScreen));
  return { left: r.left + b.x0, top: r.top + b.y0, right: r.left + b.x1, bottom: r.top + b.y1 };
}

/** A drawn region's box, seen through its image's viewport (panned or zoomed out of view: at its edge). */
function box(region, root) {
  const viewport = root.querySelector(`[data-object="${CSS.escape(region.to_name)}"]`);
  const stage = viewport && STAGES.get(viewport);
  const rect = stage && screenBox(stage, region.id);
  return rect ? { ...rect, frame: viewport.getBoundingClientRect() } : null;
}

function summary(region) {
  const v = region.value ?? {};
  if (typeof v.text === "string") return v.text;
  if ("x" in v && "y" in v) return `${region.type} at ${Math.round(v.x)}, ${Math.round(v.y)}`;
  return region.type;
}

// Region kind name -> [shape kind (shapes.js), keys of `value` that position it].
const KINDS = {
  rectangle: ["rect", ["x", "y", "width", "height", "rotation"]],
  ellipse: ["ellipse", ["x", "y", "radiusX", "radiusY", "rotation"]],
  polygon: ["polygon", ["points", "closed"]],
  keypoint: ["keypoint", ["x", "y", "width"]],
  brush: ["brush", ["format", "rle"]],
};

/** The names of the Image's region kinds. */
export const IMAGE_REGION_KINDS = Object.keys(KINDS);

for (const [name, [shape, positionKeys]] of Object.entries(KINDS)) {
  registerRegionKind(name, {
    types: typesOf(shape), objectKeys: IMAGE_KEYS, positionKeys, summary, box,
    // in pixels of the image ({width, height} as drawn); brush masks are decoded by the stage
    fromValue: SHAPES[shape].fromValue && ((value, { width, height }) => SHAPES[shape].fromValue(value, width, height)),
    toValue: SHAPES[shape].toValue && ((g, { width, height }) => SHAPES[shape].toValue(g, width, height)),
  });
}
