// Reading task data the way config values name it ("$text", "$a.b", "$items[2].url", "Page $n").
// The core parses every value (labelcore/config/refs.py, the one reader of that syntax) and ships
// the parsed form in the parsed config: `refs[attr]` of each layout node, object and control is
//   {ref: [path, ...]}                 one reference: the first path the data has wins
//   {parts: ["Page ", {ref, text}]}    text with references (one the data lacks stays as `text`)
// where a path is a list of keys and list indexes. Here they are only followed.

// The parsed form this reader reads (labelcore.config.model.PARSED_VERSION; a contract test checks).
export const PARSED_VERSION = 4;

/** Whether a stored parsed config has the form this code reads (else it is parsed again). */
export const currentForm = (config) => config?.version === PARSED_VERSION;

function follow(data, path) {
  let cur = data;
  for (const step of path) {
    if (cur == null || typeof cur !== "object" || !Object.hasOwn(cur, step)) return [false, undefined];
    cur = cur[step];
  }
  return [true, cur];
}

function readRef(paths, data) {
  for (const path of paths) {
    const [found, value] = follow(data, path);
    if (found) return value;
  }
  return undefined;
}

/** The value attribute `attr` of `holder` (a layout node or config entry: {attrs, refs}) shows for `data`. */
export function readValue(holder, attr, data) {
  const written = holder?.attrs?.[attr];
  const form = holder?.refs?.[attr];
  if (!form) return written;
  if (form.ref) return readRef(form.ref, data);
  return form.parts.map((p) => {
    if (typeof p === "string") return p;
    const v = readRef(p.ref, data);
    return v === undefined ? p.text : String(v);
  }).join("");
}

/** A layout node with a Repeater index substituted in every attribute, parsed reference and child. */
export function substitute(node, flag, index) {
  const swap = (v) => (typeof v === "string" ? v.split(flag).join(String(index))
    : Array.isArray(v) ? v.map(swap) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)])) : v);
  return {
    ...node,
    attrs: Object.fromEntries(Object.entries(node.attrs ?? {}).map(([k, v]) => [k, swap(v)])),
    refs: swap(node.refs ?? {}),
    text: swap(node.text ?? ""),
    children: (node.children ?? []).map((c) => substitute(c, flag, index)),
  };
}

/** "a: b; font-size: 12px" -> {a: "b", fontSize: "12px"} (applied through element.style, CSP-safe). */
export function styleObject(css) {
  if (!css || typeof css !== "string") return undefined;
  const out = {};
  for (const decl of css.split(";")) {
    const at = decl.indexOf(":");
    if (at < 0) continue;
    const prop = decl.slice(0, at).trim();
    const val = decl.slice(at + 1).trim();
    if (!prop || !val || /url\s*\(|expression\s*\(/i.test(val)) continue;
    out[prop.startsWith("--") ? prop : prop.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = val;
  }
  return out;
}

export const truthy = (v) => v === true || v === "true";
