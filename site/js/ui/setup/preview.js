// The live preview: the labeling interface (LabelingView from js/labeling/view.js, loaded on
// demand) rendering the config's parsed form on a sample task; people can try the tools, and
// nothing they do there is stored. Until the labeling code is there, an outline names each tag instead. A renderer
// that throws shows its error here and leaves the rest of the screen working.
import { html } from "../../lib/html.js";
import { useErrorBoundary } from "../../../vendor/preact-hooks.mjs";
import { Lazy } from "../lazy.js";

function Outline({ config }) {
  const node = (n, k) => {
    const labels = n.children?.filter((c) => ["Label", "Choice", "Relation"].includes(c.tag)) ?? [];
    const rest = n.children?.filter((c) => !labels.includes(c)) ?? [];
    return html`<div class="pv-node" key=${k}>
      ${n.tag !== "View" && html`<div class="pv-tag"><code>${`<${n.tag}>`}</code> ${n.attrs?.name ?? n.attrs?.value ?? ""}
        ${labels.length > 0 && html`<span class="pv-chips">${labels.map((l) => html`<span class="pv-chip">${l.attrs?.value}</span>`)}</span>`}</div>`}
      ${rest.map(node)}
    </div>`;
  };
  return html`<div class="pv-outline" data-preview="outline">
    <p class="muted">The labeling interface is not available in this build; this outline shows the config's tags.</p>
    ${config?.layout ? node(config.layout, 0) : null}</div>`;
}

const loadView = () => import("../../labeling/core/view.js").then(
  (m) => m.LabelingView ?? Outline,
  (err) => { console.warn("labelcore: the labeling view is not available, the preview shows an outline", err); return Outline; },
);

function Guarded({ config, task }) {
  const [error, reset] = useErrorBoundary((err) => console.error("labelcore: the preview failed", err));
  if (error) {
    return html`<div class="notice setup-preview-error" role="alert"><p>The preview failed: ${String(error?.message ?? error)}</p>
      <button type="button" class="btn" onClick=${reset}>Try again</button></div>`;
  }
  return html`<${Lazy} loader=${loadView} label="the preview" props=${{ config, task, readOnly: false, onChange: () => {} }} />`;
}

/** data-state: "ready", "empty" (nothing parsed yet), "stale" (the text has errors: the last good parse is shown). */
export function Preview({ config, task, stale, waiting, version }) {
  let body;
  if (!config) {
    body = html`<div class="empty pv-empty"><h2>${waiting ? "Preparing the preview…" : "Nothing to preview yet"}</h2>
      <p>${waiting ? "The preview appears as soon as the config is checked." : "Pick a template or write a config: the labeling interface shows here."}</p></div>`;
  } else {
    // A new key per config text remounts the boundary, so a fixed config renders again.
    body = html`<${Guarded} key=${version} config=${config} task=${task} />`;
  }
  return html`<section class="setup-preview" aria-label="Preview" data-state=${!config ? "empty" : stale ? "stale" : "ready"}>
    <div class="setup-preview-head"><h2>UI Preview</h2>
      ${stale && html`<span class="muted">showing the last valid config; fix the errors to update it</span>`}</div>
    <div class="setup-preview-body">${body}</div>
  </section>`;
}
