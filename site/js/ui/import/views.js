// The Import dialog's read-only parts: the preview of a source, the error report, progress, summary.
import { html } from "../../lib/html.js";
import { isMediaRef, mediaName } from "../../store/media.js";
import { whereText } from "./run.js";

const fmt = (n) => Number(n ?? 0).toLocaleString("en-US");

export function bytesText(n) {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return unit === 0 ? `${fmt(n)} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function cellText(value) {
  if (isMediaRef(value)) return mediaName(value);
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

/** The first tasks as they will be imported, one row each. */
export function TaskTable({ tasks, columns }) {
  if (!tasks.length) return html`<p class="muted">No valid task in the part of the file read so far.</p>`;
  const keys = [...new Set([...(columns ?? []), ...tasks.flatMap((t) => Object.keys(t.data ?? {}))])]
    .filter((k) => tasks.some((t) => t.data && k in t.data));
  const extras = ["annotations", "predictions"].filter((k) => tasks.some((t) => t[k]?.length));
  return html`<div class="import-table-wrap">
    <table class="import-table" aria-label="First tasks">
      <thead><tr><th scope="col">#</th>${keys.map((k) => html`<th scope="col">${k}</th>`)}
        ${extras.map((k) => html`<th scope="col">${k}</th>`)}</tr></thead>
      <tbody>${tasks.map((t, i) => html`<tr>
        <td class="num">${i + 1}</td>
        ${keys.map((k) => html`<td title=${typeof t.data?.[k] === "string" ? t.data[k].slice(0, 500) : undefined}>${cellText(t.data?.[k])}</td>`)}
        ${extras.map((k) => html`<td class="num">${t[k]?.length ?? 0}</td>`)}</tr>`)}</tbody>
    </table></div>`;
}

/** Which column becomes which data key of the labeling config. */
export function Mapping({ mapping, hasConfig }) {
  const entries = Object.entries(mapping ?? {});
  if (!entries.length) return null;
  return html`<div class="import-mapping">
    <h4>Columns → data keys</h4>
    ${!hasConfig && html`<p class="muted">This project has no labeling config yet: every column is kept
      as a task data key as it is. Set up labeling afterwards in Settings → Labeling Setup.</p>`}
    <ul aria-label="Column mapping">${entries.map(([column, key]) => html`<li>
      <code>${column}</code><span aria-hidden="true"> → </span>
      ${key ? html`<code class="key">$${key}</code>` : html`<span class="muted">${hasConfig ? "kept, not read by the labeling config" : "kept as data"}</span>`}
    </li>`)}</ul></div>`;
}

/** The list of problems: where (source, row/line/path) and why. */
export function ErrorReport({ errors, total, title = "Problems found" }) {
  if (!total) return null;
  return html`<section class="import-errors" aria-label="Error report">
    <h4 class="error-text">${title}: ${fmt(total)} ${total === 1 ? "error" : "errors"}</h4>
    <ol>${errors.map((e) => html`<li>
      <span class="where">${[e.source, whereText(e.where)].filter(Boolean).join(" · ")}</span>
      <span class="message">${e.message}</span></li>`)}</ol>
    ${total > errors.length && html`<p class="muted">…and ${fmt(total - errors.length)} more.</p>`}
  </section>`;
}

/** A labelled progress bar with counts. */
export function Progress({ label, done, total, detail }) {
  const pct = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return html`<div class="import-progress">
    <div class="import-progress-label"><span>${label}</span><span class="muted">${detail}</span></div>
    <div class="progress" role="progressbar" aria-label=${label} aria-valuemin="0" aria-valuemax="100"
      aria-valuenow=${pct}><span style=${{ width: `${pct}%` }}></span></div>
  </div>`;
}

/** What an import wrote. */
export function Summary({ counts }) {
  const items = [["tasks", counts.tasks], ["annotations", counts.annotations], ["predictions", counts.predictions],
    ["files", counts.files], ["bytes", bytesText(counts.bytes ?? 0)]];
  return html`<dl class="import-summary" aria-label="Import summary">
    ${items.map(([k, v]) => html`<div><dt>${k}</dt><dd>${typeof v === "number" ? fmt(v) : v}</dd></div>`)}
  </dl>`;
}

export { fmt };
