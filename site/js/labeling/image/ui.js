// Per-annotation tool state shared by the image controls (label buttons pick a tool) and the
// Image objects (toolbars, hotkeys): the current tool, the control it draws with, brush size.
// Not part of the annotation: never in history or drafts.

// Tool of each drawing control tag; key = Label Studio's tool hotkey.
export const TOOLS = {
  move: { key: "v", title: "Select and move", icon: "M3 2l10 6-4.5 1.2L11 14l-2 1-2.4-4.6L3 13z" },
  pan: { key: "h", title: "Pan image", icon: "M8 1v14M1 8h14M8 1l-2 2m2-2l2 2M8 15l-2-2m2 2l2-2M1 8l2-2M1 8l2 2m12-2l-2-2m2 2l-2 2" },
  rect: { key: "r", title: "Rectangle", icon: "M2.5 3.5h11v9h-11z" },
  polygon: { key: "p", title: "Polygon", icon: "M3 12l2-9 8 3-2 7z" },
  ellipse: { key: "o", title: "Ellipse", icon: "M8 3c3.6 0 6 2.2 6 5s-2.4 5-6 5-6-2.2-6-5 2.4-5 6-5z" },
  keypoint: { key: "k", title: "Key point", icon: "M8 5.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM8 1v3M8 12v3M1 8h3M12 8h3" },
  brush: { key: "b", title: "Brush", icon: "M13.5 2.5l-7 7M6 10c-2 0-3 1.5-3 3.5 2 0 4-1 3.5-3.5z" },
  eraser: { key: "e", title: "Eraser", icon: "M9 3l4 4-6 6H4l-2-2zM6 13h8" },
};

export const TOOL_OF_TAG = {
  Rectangle: "rect", RectangleLabels: "rect", Polygon: "polygon", PolygonLabels: "polygon",
  Ellipse: "ellipse", EllipseLabels: "ellipse", KeyPoint: "keypoint", KeyPointLabels: "keypoint",
  Brush: "brush", BrushLabels: "brush",
};

export const BRUSH_SIZES = [1, 3, 5, 10, 15, 20, 30, 40, 50];
const STATES = new WeakMap();

/** The tool state of a region store (made on first use). */
export function imageUi(store) {
  let ui = STATES.get(store);
  if (ui) return ui;
  const listeners = new Set();
  ui = {
    tool: null,          // a TOOLS key, or null before anything is picked
    controls: {},        // tool -> control name it draws with
    brushSize: 10,
    set(changes) { Object.assign(ui, changes); for (const fn of listeners) fn(ui); },
    /** Pick a tool (and the control it draws with, for drawing tools). */
    pick(tool, controlName) { ui.set({ tool, controls: controlName ? { ...ui.controls, [tool]: controlName } : ui.controls }); },
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  };
  STATES.set(store, ui);
  return ui;
}
