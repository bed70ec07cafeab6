// Renderers of the labeling screen, one per config tag, registered by name: the whole contract
// an object kind (Text, Image, and next Audio, Video, TimeSeries, ...) implements. A modality is
// one folder under labeling/ whose index registers its tags and region kinds on import, and one
// line in renderers.js. Core code (view, panel, relations, region store, hotkeys, session) asks
// this registry: it knows no object kind's tags, result types or position keys.
//
// Contract:
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
// (store.control(name) / store.object(name): the config entries, a Repeater's copies too)
// and shows `store.getState().flags[id]` (hidden/locked) and `.selected`.
// Tags with no renderer show a placeholder naming the tag.
//
// Object kinds (kind "object") also give:
// data       the attributes whose "$key" value it reads from task.data (["value"], Image
//            ["value", "valueList"]), through ctx.resolve; nothing else of the task.
// regions    the names of the region kinds its regions are (registerRegionKind below); a region
//            is of the kind, among its object's, whose `types` holds its result type.
// hotkeys    (def, config) -> [{combo, title}]: the keys the object acts on itself while it is
//            the one in use (Image: tools, zoom, rotate), listed in the hotkey help. Its own
//            keydown listener must leave alone the config's hotkeys (configHotkeys, hotkeys.js)
//            and keys typed in fields (typing, hotkeys.js).
// The element showing the task data carries data-object=<name>: keys pressed in it are not
// typing (a Text caret), and region kinds find their object's element by it.
//
// Controls also give:
// addPending (controls with typed text) (store, def, {regionId, line, text}) -> "" or why not:
//            add a pending text (store.pending) as the control's Enter would; a Submit calls
//            it for every pending entry before it reads the result (session.js).
//
// Region kinds: registerRegionKind(name, spec), one per shape of region an object draws:
//   registerRegionKind("rectangle", { types: ["rectangle", "rectanglelabels"],
//     objectKeys: ["original_width", ...], positionKeys: ["x", "y", "width", "height", "rotation"],
//     toValue, fromValue, summary, box });
// types        result types of its items (any, when left out); the object picks by these
// objectKeys   keys of a result item about its object (image size and rotation, item_index of a
//              valueList): Label Studio writes them first, before `value`, and repeats them on
//              the region's per-region results (regions.js)
// positionKeys keys of `value` that position it (the rest is its labels); per-region results
//              repeat them before their own
// toValue(geometry, ctx) -> value, fromValue(value, ctx) -> geometry: to and from Label
//              Studio's result value (ctx as the object needs: image size, the text shown, ...);
//              the object calls them, the core never reads a position
// summary(region, store) -> string   the region in the regions panel and relation names
//              (default: its value's text, else its type)
// box(region, root) -> {left, top, right, bottom, frame?} | null   where it is on screen (client
//              coordinates) inside `root` (the labeling view), for the relation arrows; with
//              `frame` (the client rect it is seen through: a panned image) the part in view is
//              used. An object whose regions move without a store change (pan, zoom, a redraw)
//              calls regionsMoved(el) (relations.js) with its element.

const TAGS = new Map();
const REGION_KINDS = new Map();

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

/** Register (or replace) a region kind (see "Region kinds" above). */
export function registerRegionKind(name, spec) {
  REGION_KINDS.set(name, { name, objectKeys: [], positionKeys: [], ...spec });
}

/** The spec of a region kind by name, or undefined. */
export const regionKind = (name) => REGION_KINDS.get(name);

/** The region kind of a region item (through its object's tag), or null when none is registered. */
export function regionKindOf(store, region) {
  const names = TAGS.get(store.object(region.to_name)?.tag)?.regions ?? [];
  const kinds = names.map((n) => REGION_KINDS.get(n)).filter(Boolean);
  return kinds.find((k) => !k.types || k.types.includes(region.type)) ?? null;
}

/** Every region kind's objectKeys, in registration order (Label Studio writes them first). */
export const objectKeys = () => [...new Set([...REGION_KINDS.values()].flatMap((k) => k.objectKeys))];

/** A short description of a region for lists: its kind's summary, else its text, else its type. */
export function regionSummary(region, store) {
  const kind = regionKindOf(store, region);
  if (kind?.summary) return kind.summary(region, store);
  return typeof region.value?.text === "string" ? region.value.text : region.type;
}

/** Where a region is on screen (its kind's box), or null. */
export const regionBoxOf = (store, region, root) => regionKindOf(store, region)?.box?.(region, root) ?? null;

/** The hotkeys the objects of a config act on themselves, once per tag and combo: [{object, combo, title}]. */
export function objectHotkeys(config) {
  const seen = new Set();
  return (config?.objects ?? []).flatMap((def) => (TAGS.get(def.tag)?.hotkeys?.(def, config) ?? []).map((h) => ({ object: def.tag, ...h })))
    .filter((h) => !seen.has(`${h.object} ${h.combo}`) && seen.add(`${h.object} ${h.combo}`));
}
