// Reading task data the way config values name it: "$text", "$a.b", "$items[2].url", plain text.

/** The value at a "$key" path of `data` (a flat dotted key wins over nesting, like LS); non-$ strings as they are. */
export function resolveValue(value, data) {
  if (typeof value !== "string") return value;
  if (!value.startsWith("$")) return value.includes("$") ? interpolate(value, data) : value;
  const path = value.slice(1);
  if (data && Object.hasOwn(data, path)) return data[path];
  let cur = data;
  for (const part of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (cur == null) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** "Hello $name" -> "Hello Ann" (Header/Markdown values mixing text and keys). */
function interpolate(text, data) {
  return text.replace(/\$([A-Za-z_][\w.]*(?:\[\d+\])*)/g, (m, key) => {
    const v = resolveValue(`$${key}`, data);
    return v === undefined ? m : String(v);
  });
}

/** A layout node with a Repeater index substituted in every attribute and child. */
export function substitute(node, flag, index) {
  const swap = (v) => (typeof v === "string" ? v.split(flag).join(String(index)) : v);
  return {
    ...node,
    attrs: Object.fromEntries(Object.entries(node.attrs ?? {}).map(([k, v]) => [k, swap(v)])),
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
