// <Taxonomy>: a nested tree of choices with search; leafsOnly; maxUsages; perRegion.
// Value: {taxonomy: [["A", "A1"], ["B"]]} (one path per pick).
import { html, useState } from "../../lib/html.js";
import { registerTag } from "../core/registry.js";
import { classificationOf, pickInput } from "./common.js";
import { storedAs } from "./choices.js";
import { truthy } from "../core/data.js";

const same = (p, q) => p.length === q.length && p.every((v, i) => v === q[i]);

function matches(node, q) {
  return !q || node.value.toLowerCase().includes(q) || (node.children ?? []).some((c) => matches(c, q));
}

function TaxonomyControl({ def, store, ctx }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState({});
  if (!def) return null;
  const a = def.attrs;
  const cls = classificationOf(store, def);
  const picked = cls.value?.taxonomy ?? [];
  const max = Number(a.maxUsages) || 0;
  const sep = a.pathSeparator ?? "/";
  const q = query.trim().toLowerCase();
  const toggle = (path) => {
    if (ctx.readOnly || (truthy(a.perRegion) && !cls.regionId) || (cls.regionId && store.flag(cls.regionId, "locked"))) return;
    const has = picked.some((p) => same(p, path));
    if (!has && max && picked.length >= max) return;
    const next = has ? picked.filter((p) => !same(p, path)) : [...picked, path];
    cls.set(next.length ? { taxonomy: next } : null);
  };
  const tree = (nodes, prefix) => html`<ul role=${prefix.length ? "group" : "tree"} aria-label=${prefix.length ? undefined : def.name}>
    ${nodes.filter((n) => matches(n, q)).map((n) => {
      const path = [...prefix, storedAs(n)]; // an alias stands for its Choice in the result (shown: the value)
      const key = path.join(sep);
      const kids = n.children ?? [];
      const expanded = Boolean(q) || open[key];
      const checked = picked.some((p) => same(p, path));
      const selectable = !(truthy(a.leafsOnly) && kids.length) && (checked || !max || picked.length < max);
      return html`<li key=${key} role="treeitem" aria-expanded=${kids.length ? Boolean(expanded) : undefined} aria-selected=${checked}>
        ${kids.length ? html`<button type="button" class="lc-twist" aria-label=${`${expanded ? "Collapse" : "Expand"} ${n.value}`}
          onClick=${() => setOpen({ ...open, [key]: !open[key] })}>${expanded ? "▾" : "▸"}</button>` : html`<span class="lc-twist"></span>`}
        <label><input type="checkbox" value=${key} checked=${checked} disabled=${!selectable || ctx.readOnly}
          onClick=${pickInput(() => toggle(path), (el) => (classificationOf(store, def).value?.taxonomy ?? []).some((p) => p.join(sep) === el.value))} />
          ${n.value}</label>
        ${kids.length && expanded ? tree(kids, path) : null}
      </li>`;
    })}</ul>`;
  return html`<div class="lc-taxonomy" role="group" aria-label=${`${def.name}${truthy(a.required) ? " (required)" : ""}`}>
    ${picked.length > 0 && html`<div class="lc-picked">${picked.map((p) => html`<span class="lc-chip" key=${p.join(sep)}>
      ${truthy(a.showFullPath) ? p.join(sep) : p.at(-1)}
      ${!ctx.readOnly && html`<button type="button" aria-label=${`Remove ${p.join(sep)}`} onClick=${() => toggle(p)}>×</button>`}</span>`)}</div>`}
    <input type="search" class="lc-filter" placeholder="Search" aria-label=${`Search ${def.name}`} value=${query} onInput=${(e) => setQuery(e.currentTarget.value)} />
    ${tree(def.labels, [])}
  </div>`;
}

registerTag("Taxonomy", { kind: "control", component: TaxonomyControl });
