// The side panel: Details of the selected region, the regions list grouped by label (select,
// hide, lock, delete), and the relations (direction, labels, delete).
import { html } from "../../lib/html.js";
import { useStore } from "./hooks.js";
import { labelColors } from "./colors.js";
import { regionSummary } from "./registry.js";
import { DIRECTION_SIGNS as DIRECTIONS, NEXT_DIRECTION, regionName } from "./relations.js";

// Small stroke icons (no emoji: they depend on the system's fonts).
const ICONS = {
  eye: "M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5zm7 2a2 2 0 1 0 0-4 2 2 0 0 0 0 4z",
  eyeOff: "M2 2l12 12M6.5 4.2A7 7 0 0 1 8 4c4.5 0 7 4 7 4a13 13 0 0 1-2 2.4M4 5.5A12 12 0 0 0 1 8s2.5 5 7 5a6.6 6.6 0 0 0 3-.7",
  lock: "M4 7V5a4 4 0 0 1 8 0v2M3 7h10v7H3z",
  unlock: "M4 7V5a4 4 0 0 1 7.5-2M3 7h10v7H3z",
};
const Icon = ({ name }) => html`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d=${ICONS[name]} /></svg>`;


function relationsNode(layout) {
  if (!layout) return null;
  if (layout.tag === "Relations") return layout;
  for (const c of layout.children ?? []) {
    const found = relationsNode(c);
    if (found) return found;
  }
  return null;
}

function shortText(s, n = 48) {
  const t = String(s ?? "");
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

export function RegionsPanel({ config, store }) {
  const st = useStore(store);
  const regions = store.regions();
  const groups = new Map();
  for (const r of regions) {
    const labels = store.labelsOf(r.id);
    const key = labels[0] ?? "(no label)";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const relations = store.relations();
  const selected = st.selected && store.region(st.selected);
  const relNode = relationsNode(config.layout);
  const relLabels = config.relations ?? [];
  const multiRel = relNode?.attrs?.choice === "multiple";
  const name = (id) => regionName(store, id);
  return html`<aside class="lc-side" aria-label="Regions panel">
    <section class="lc-details" aria-label="Details">
      <h3>Details</h3>
      ${selected ? html`<div>
        <p class="lc-region-text">“${shortText(regionSummary(selected, store), 200)}”</p>
        <p class="muted">${store.labelsOf(selected.id).join(", ") || "no label"} · id <code>${selected.id}</code>${selected.origin !== "manual" ? ` · ${selected.origin}` : ""}${selected.score !== undefined ? ` · score ${selected.score}` : ""}</p>
        ${store.itemsOf(selected.id).filter((it) => !store.isRegionItem(it)).map((it) => html`<p class="lc-per-region" key=${it.from_name}><b>${it.from_name}</b>: ${describe(it, store.control(it.from_name))}</p>`)}
        <label class="lc-meta">Meta <span class="muted">(alt+m)</span>
          <textarea rows="2" placeholder="A note on this region" value=${selected.meta?.text?.join("\n") ?? ""} disabled=${store.readOnly || store.flag(selected.id, "locked")}
            onInput=${(e) => store.setRegionMeta(selected.id, e.currentTarget.value)}
            onKeyDown=${(e) => { if (e.key === "Escape") e.currentTarget.blur(); }}></textarea></label>
        <div class="lc-row">
          <button type="button" class="btn" onClick=${() => store.startRelation(st.relating ? null : selected.id)} aria-pressed=${Boolean(st.relating)}>${st.relating ? "Cancel relation" : "Create relation"}</button>
          <button type="button" class="btn" onClick=${() => store.select(null)}>Unselect</button>
        </div>
        ${st.relating && html`<p class="lc-hint" role="status">Click the region the relation goes to (Escape cancels).</p>`}
      </div>` : html`<p class="muted">Select a region to see its details, labels and per-region fields.</p>`}
    </section>
    <section aria-label="Regions">
      <h3>Regions <span class="muted">${regions.length}</span></h3>
      ${!regions.length && html`<p class="muted">No regions yet: pick a label, then select text or draw on the image.</p>`}
      ${[...groups].map(([label, rs]) => html`<div class="lc-group" key=${label}>
        <h4>${label} <span class="muted">${rs.length}</span></h4>
        <ul class="lc-regions" role="list">
          ${rs.map((r) => {
            const hidden = store.flag(r.id, "hidden");
            const locked = store.flag(r.id, "locked");
            return html`<li key=${r.id} class=${`lc-region${r.id === st.selected ? " lc-selected" : ""}${hidden ? " lc-hidden" : ""}`} aria-label=${`Region ${name(r.id)}`}>
              <span class="lc-dots" title=${store.labelsOf(r.id).join(", ")}>${labelColors(store, r.id).map((l) => html`<span class="lc-dot" key=${l.label} style=${{ background: l.color }}></span>`)}</span>
              <button type="button" class="lc-region-name" aria-pressed=${r.id === st.selected}
                onClick=${() => (st.relating ? store.addRelation(st.relating, r.id) : store.select(r.id === st.selected ? null : r.id))}>${shortText(regionSummary(r, store))}</button>
              ${r.origin !== "manual" && html`<span class="lc-origin" title=${r.origin}>${r.origin === "prediction" ? "P" : "P*"}</span>`}
              <button type="button" class="btn icon" aria-pressed=${hidden} aria-label=${`${hidden ? "Show" : "Hide"} region`} title="Hide (alt+h)" disabled=${store.readOnly} onClick=${() => store.toggleFlag(r.id, "hidden")}><${Icon} name=${hidden ? "eyeOff" : "eye"} /></button>
              <button type="button" class="btn icon" aria-pressed=${locked} aria-label=${`${locked ? "Unlock" : "Lock"} region`} title="Lock (alt+l)" disabled=${store.readOnly} onClick=${() => store.toggleFlag(r.id, "locked")}><${Icon} name=${locked ? "lock" : "unlock"} /></button>
              <button type="button" class="btn icon danger" aria-label="Delete region" title="Delete (backspace)" disabled=${locked || store.readOnly} onClick=${() => store.deleteRegion(r.id)}>×</button>
            </li>`;
          })}
        </ul></div>`)}
    </section>
    <section aria-label="Relations">
      <h3>Relations <span class="muted">${relations.length}</span></h3>
      ${!relations.length && html`<p class="muted">Select a region, press alt+r (or Create relation), then click another region.</p>`}
      <ul class="lc-relations" role="list">${relations.map((rel, i) => html`<li key=${`${rel.from_id}-${rel.to_id}-${i}`} aria-label=${`Relation ${name(rel.from_id)} to ${name(rel.to_id)}`}>
        <span class="lc-rel-end">${name(rel.from_id)}</span>
        <button type="button" class="btn icon" aria-label=${`Direction ${rel.direction}`} title="Change direction" onClick=${() => store.updateRelation(rel, { direction: NEXT_DIRECTION[rel.direction] ?? "right" })}>${DIRECTIONS[rel.direction] ?? "→"}</button>
        <span class="lc-rel-end">${name(rel.to_id)}</span>
        ${relLabels.length > 0 && html`<select aria-label="Relation label" multiple=${multiRel} onChange=${(e) => store.updateRelation(rel, { labels: [...e.currentTarget.selectedOptions].map((o) => o.value).filter(Boolean) })}>
          ${!multiRel && html`<option value="">(no label)</option>`}
          ${relLabels.map((l) => html`<option value=${l.value} selected=${(rel.labels ?? []).includes(l.value)}>${l.value}</option>`)}</select>`}
        <button type="button" class="btn icon danger" aria-label="Delete relation" onClick=${() => store.deleteRelation(rel)}>×</button>
      </li>`)}</ul>
    </section>
  </aside>`;
}

/** A per-region result as text: what its control put under its value key (a Taxonomy path as "A/A1"). */
function describe(item, ctl) {
  const v = item.value?.[ctl?.value_key];
  if (v === undefined) return item.type;
  return Array.isArray(v) ? v.map((x) => (Array.isArray(x) ? x.join("/") : x)).join(", ") : String(v);
}
