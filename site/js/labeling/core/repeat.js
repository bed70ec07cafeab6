// The Repeater item a person works in, shared by the Repeater renderer (layout.js) and the
// hotkeys (hotkeys.js).
//
// A tag inside <Repeater on="$items" indexFlag="{{idx}}"> is written once with the flag
// (name="lang_{{idx}}" toName="text_{{idx}}") and shown once per item of the list, the flag
// replaced by the index: lang_0 -> text_0, lang_1 -> text_1, ... (results carry these names, as in
// Label Studio). A label/choice hotkey of such a control acts on the ACTIVE item of each Repeater
// around it: the item that last took focus, a click, or holds the selected region; the first item
// until then. Each Repeater publishes its active item per view (keyed by the view's region store):
//
//   repeatFocus(store)          Map repeatKey(on, flag) -> {index, count} (count: items shown)
//   repeatKey(on, flag)         a Repeater's key: its `on` as shown (outer flags already replaced)
//   repeatLevels(config)        Map name as written -> [{on, flag}] of the Repeaters around it, outermost first
//                               (the parsed config's `repeated`: the core derives names and patterns)
//   activeControl(store, config, control)
//                               the control as its active item ({...control, name: "lang_1",
//                               to_name: ["text_1"]}); the control itself outside Repeaters; null
//                               when a Repeater around it shows no item
//   shownCopies(store, config, control)   every copy of the control on screen (itself outside Repeaters)
//   fillFlags(text, [[flag, index], ...])   every flag in text replaced by its index
//   entryNamed(config, list, name)
//                               the entry of `list` (config.controls or .objects) that `name` is,
//                               or is a Repeater copy of ("lang_1", "q_0_a_2" with nested or custom
//                               flags): {...entry, name, to_name with the same indexes}; null if none

const FOCUS = new WeakMap();
const LEVELS = new WeakMap();

export const repeatKey = (on, flag) => `${flag}\u0000${on}`;

/** The active item of every Repeater shown by the view of `store`. */
export function repeatFocus(store) {
  let focus = FOCUS.get(store);
  if (!focus) FOCUS.set(store, (focus = new Map()));
  return focus;
}

export function fillFlags(text, indices) {
  let out = String(text);
  for (const [flag, index] of indices) out = out.split(flag).join(String(index));
  return out;
}

/** Name as written -> the Repeaters around it ([{on, flag}], outermost first), for every object and control in one. */
export function repeatLevels(config) {
  let levels = config && LEVELS.get(config);
  if (levels) return levels;
  levels = new Map((config?.repeated ?? []).map((r) => [r.name, r.levels]));
  if (config) LEVELS.set(config, levels);
  return levels;
}

/** The control a hotkey acts on: a repeated control as its active item, or null when there is none. */
export function activeControl(store, config, control) {
  const levels = repeatLevels(config).get(control.name);
  if (!levels) return control;
  const focus = repeatFocus(store);
  const indices = [];
  for (const { on, flag } of levels) {
    const shown = focus.get(repeatKey(fillFlags(on, indices), flag));
    if (!shown?.count) return null;
    indices.push([flag, Math.min(shown.index, shown.count - 1)]);
  }
  const fill = (text) => fillFlags(text, indices);
  return { ...control, name: fill(control.name), to_name: (control.to_name ?? []).map(fill) };
}

/**
 * Every copy of a control the view shows: the control itself outside Repeaters; inside, one per
 * item of each Repeater around it (as their renderers publish them: a Repeater not on screen,
 * e.g. inside another's page not shown, has none).
 */
export function shownCopies(store, config, control) {
  const levels = repeatLevels(config).get(control.name);
  if (!levels) return [control];
  const focus = repeatFocus(store);
  let combos = [[]];
  for (const { on, flag } of levels) {
    combos = combos.flatMap((indices) => {
      const count = focus.get(repeatKey(fillFlags(on, indices), flag))?.count ?? 0;
      return Array.from({ length: count }, (_, i) => [...indices, [flag, i]]);
    });
  }
  return combos.map((indices) => {
    const fill = (text) => fillFlags(text, indices);
    return { ...control, name: fill(control.name), to_name: (control.to_name ?? []).map(fill) };
  });
}

// A name as written inside Repeaters -> a RegExp matching its copies (the core's `pattern`: group k
// holds the index of flag `flags[k - 1]`).
const PATTERNS = new WeakMap();

function compiledPatterns(config) {
  let out = PATTERNS.get(config);
  if (!out) {
    out = (config.repeated ?? []).filter((r) => r.pattern).map((r) => ({ written: r.name, re: new RegExp(r.pattern), order: r.flags }));
    PATTERNS.set(config, out);
  }
  return out;
}

export function entryNamed(config, list, name) {
  const own = list.find((d) => d.name === name);
  if (own || !config) return own ?? null;
  for (const { written, re, order } of compiledPatterns(config)) {
    const m = re.exec(String(name));
    const entry = m && list.find((d) => d.name === written);
    if (!entry) continue;
    const indices = order.map((flag, i) => [flag, Number(m[i + 1])]);
    return { ...entry, name, to_name: entry.to_name?.map((t) => fillFlags(t, indices)) };
  }
  return null;
}
