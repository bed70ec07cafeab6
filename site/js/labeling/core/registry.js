// Renderers of the labeling screen, one per config tag, registered by name.
//
// Contract (how a later engineer adds Image, Audio, Video, TimeSeries, ...):
//
//   registerTag("Image", { kind: "object", component: ImageObject });
//   registerTag("RectangleLabels", { kind: "control", component: LabelsControl, region: true });
//
// kind       "object"  shows task data and owns the regions drawn on it (Text, HyperText, Image...)
//            "control" writes results (Labels, Choices, TextArea, ...)
//            "layout"  arranges its children (View, Header, Collapse, ...)
// component  a Preact component receiving RenderProps (below).
// region     (controls) true when the control's results ARE regions (Labels, RectangleLabels,
//            ParagraphLabels...): the region store treats the first item of an id written by such
//            a control as the region itself; items of other controls with the same id are that
//            region's per-region results (perRegion Choices, TextArea, ...).
//            The key of `value` holding the labels is the config entry's `value_key` (the core's
//            tag registry): object renderers build the positional part of the value (start/end,
//            x/y/width/height, ...), the store adds the labels under it.
// children   (layout) "self" when the component renders node.children itself (Repeater, Collapse).
// hotkey     (controls) (store, def, item) -> act on one of its items' hotkeys (a Label, a Choice)
// items      (controls) (def, task) -> the items it shows for a task, when not only the config's
//            (Choices value="$key"): their hotkeys work too
// controlHotkey (controls) (store, def) -> act on the control's own `hotkey` (Rating steps up)
//
// RenderProps given to every component:
//   node      the layout node ({tag, attrs, text, children}) with Repeater indexes substituted
//   def       the parsed config entry (object or control: {name, tag, to_name, type, labels, attrs})
//             or null for layout tags
//   store     the region store (regions.js): state, edits, history, selection
//   task      the task ({id, data, ...}); `ctx.read(holder, attr)` is what attribute `attr` of a
//             node or config entry shows for task.data ("$key" values read, see data.js)
//   ctx       {config, readOnly, read, renderChildren(nodes), filters, setFilter}
//
// An object component creates regions with
//   store.addRegion(objectName, positionalValue)    -> id (null when no label is active)
// which writes one result item per Labels-like control bound to the object that has active
// labels (LS key order: value, id, from_name, to_name, type, origin). It reads its regions with
//   store.regionsOf(objectName)                    -> region items (first item of each id)
// and shows `store.getState().flags[id]` (hidden/locked) and `.selected`.
// Tags with no renderer show a placeholder naming the tag.

const TAGS = new Map();

/** Register (or replace) the renderer of one config tag. */
export function registerTag(name, spec) {
  if (!spec || !["object", "control", "layout"].includes(spec.kind)) {
    throw new Error(`registerTag(${name}): kind must be object, control or layout`);
  }
  TAGS.set(name, { name, ...spec });
}

/** The renderer spec of a tag, or undefined. */
export const tagSpec = (name) => TAGS.get(name);

/** The names of every registered tag (for the hotkey help and tests). */
export const registeredTags = () => [...TAGS.keys()];

/** True when results of this control tag are regions (see `region` above). */
export const isRegionControl = (tag) => Boolean(TAGS.get(tag)?.region);
