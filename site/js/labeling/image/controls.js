// The drawing controls bound to an Image: RectangleLabels, PolygonLabels, EllipseLabels,
// KeyPointLabels, BrushLabels (label buttons that also pick the control's tool) and the plain
// Rectangle, Polygon, Ellipse, KeyPoint, Brush (no labels: their tool is in the image toolbar).
import { registerTag } from "../core/registry.js";
import { labelsControl, toggleLabel } from "../controls/labels.js";
import { imageUi, TOOL_OF_TAG } from "./ui.js";
import { kindOf } from "./shapes.js";

function pickLabel(store, ctl, item) {
  // A label of another kind of tool starts a new region instead of relabelling the selected one.
  const selected = store.getState().selected && store.region(store.getState().selected);
  if (selected && kindOf(selected.type) !== TOOL_OF_TAG[ctl.tag]) store.select(null);
  toggleLabel(store, ctl, item);
  if (store.getState().active[ctl.name]?.length) imageUi(store).pick(TOOL_OF_TAG[ctl.tag], ctl.name);
}

const NONE = () => null;

for (const tag of ["RectangleLabels", "PolygonLabels", "EllipseLabels", "KeyPointLabels", "BrushLabels"]) {
  const spec = { toggle: pickLabel };
  registerTag(tag, {
    kind: "control", component: labelsControl(spec), region: true,
    hotkey: pickLabel,
  });
}
for (const tag of ["Rectangle", "Polygon", "Ellipse", "KeyPoint", "Brush"]) {
  registerTag(tag, { kind: "control", component: NONE, region: true });
}
