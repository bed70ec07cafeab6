// <Ranker> (order <List> items, optionally into <Bucket>s) and <Pairwise> (pick left or right),
// plus <Relations>, whose UI lives in the regions panel.
import { html } from "../../lib/html.js";
import { registerTag } from "../registry.js";
import { classificationOf } from "./common.js";
import { listItems } from "../objects/display.js";

function RankerControl({ def, store, ctx }) {
  if (!def) return null;
  const list = ctx.objects.get(def.to_name[0]);
  const items = listItems(ctx.resolve(list?.value));
  const byId = new Map(items.map((it) => [it.id, it]));
  const buckets = def.labels.length ? def.labels.map((b) => b.value) : [def.to_name[0]];
  const cls = classificationOf(store, def);
  const ranker = cls.value?.ranker ?? { [buckets[0]]: items.map((it) => it.id) };
  const placed = new Set(Object.values(ranker).flat());
  const state = { ...ranker };
  if (!def.labels.length) state[buckets[0]] = [...(state[buckets[0]] ?? []), ...items.map((it) => it.id).filter((id) => !placed.has(id))];
  const unplaced = def.labels.length ? items.map((it) => it.id).filter((id) => !placed.has(id)) : [];
  const save = (next) => { if (!ctx.readOnly) cls.set({ ranker: next }); };
  const move = (bucket, i, delta) => {
    const arr = [...state[bucket]];
    const j = i + delta;
    if (j < 0 || j >= arr.length) return;
    [arr[i], arr[j]] = [arr[j], arr[i]];
    save({ ...state, [bucket]: arr });
  };
  const put = (id, bucket) => {
    const next = Object.fromEntries(Object.entries(state).map(([k, v]) => [k, v.filter((x) => x !== id)]));
    if (bucket) next[bucket] = [...(next[bucket] ?? []), id];
    save(next);
  };
  const row = (bucket, id, i, arr) => html`<li key=${id} class="lc-rank-item">
    <span class="lc-rank-title"><b>${byId.get(id)?.title ?? id}</b> ${byId.get(id)?.body ?? ""}</span>
    ${bucket && html`<button type="button" class="btn icon" aria-label=${`Move ${byId.get(id)?.title || id} up`} disabled=${i === 0} onClick=${() => move(bucket, i, -1)}>↑</button>
    <button type="button" class="btn icon" aria-label=${`Move ${byId.get(id)?.title || id} down`} disabled=${i === arr.length - 1} onClick=${() => move(bucket, i, 1)}>↓</button>`}
    ${def.labels.length > 0 && html`<select aria-label=${`Bucket of ${byId.get(id)?.title || id}`} value=${bucket ?? ""} onChange=${(e) => put(id, e.currentTarget.value)}>
      <option value="">(none)</option>${buckets.map((b) => html`<option value=${b}>${b}</option>`)}</select>`}
  </li>`;
  return html`<div class="lc-ranker" role="group" aria-label=${def.name}>
    ${unplaced.length > 0 && html`<section><h4>Items</h4><ol>${unplaced.map((id, i, arr) => row(null, id, i, arr))}</ol></section>`}
    ${buckets.map((b) => html`<section key=${b}><h4>${b}</h4><ol>${(state[b] ?? []).map((id, i, arr) => row(b, id, i, arr))}</ol></section>`)}
  </div>`;
}

function PairwiseControl({ def, store, ctx }) {
  if (!def) return null;
  const cls = classificationOf(store, def);
  const selected = cls.value?.selected;
  const pick = (side) => { if (!ctx.readOnly) cls.set(selected === side ? null : { selected: side }); };
  return html`<div class="lc-pairwise" role="group" aria-label=${def.name}>
    ${["left", "right"].map((side, i) => html`<button type="button" key=${side} class=${`btn${selected === side ? " primary" : ""}`}
      aria-pressed=${selected === side} onClick=${() => pick(side)}>${side === "left" ? "← " : ""}${def.to_name[i] ?? side}${side === "right" ? " →" : ""}</button>`)}
  </div>`;
}

registerTag("Ranker", { kind: "control", component: RankerControl });
registerTag("Pairwise", { kind: "control", component: PairwiseControl });
registerTag("Relations", { kind: "layout", component: () => null });
