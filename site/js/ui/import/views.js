// The Import dialog's read-only parts: the preview of a source, the error report, progress, summary.
import { html, useEffect, useMemo } from "../../lib/html.js";
import { isMediaRef, mediaName } from "../../store/media.js";
import { whereText } from "./run.js";

const BARE = { media: "each file", urls: "each URL", txt: "each line", html: "the document" };
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

/** Object URLs of the picked image files the preview rows show (revoked when the table goes). */
function useThumbs(tasks, files) {
  const urls = useMemo(() => {
    const byRef = new Map((files ?? []).map((f) => [f.ref, f.file]));
    const out = new Map();
    for (const t of tasks) {
      for (const v of Object.values(t.data ?? {})) {
        const file = byRef.get(v);
        if (file?.type.startsWith("image/")) out.set(v, URL.createObjectURL(file));
      }
    }
    return out;
  }, [tasks, files]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return urls;
}

function Cell({ value, thumbs }) {
  const thumb = thumbs.get(value);
  return html`<td title=${typeof value === "string" ? value.slice(0, 500) : undefined}>
    ${thumb && html`<img class="import-thumb" src=${thumb} alt="" />`}${cellText(value)}</td>`;
}

/** The first tasks as they will be imported, one row each (a thumbnail for picked images). */
export function TaskTable({ tasks, columns, files }) {
  const thumbs = useThumbs(tasks, files);
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
        ${keys.map((k) => html`<${Cell} value=${t.data?.[k]} thumbs=${thumbs} />`)}
        ${extras.map((k) => html`<td class="num">${t[k]?.length ?? 0}</td>`)}</tr>`)}</tbody>
    </table></div>`;
}

const UNDEFINED = "$undefined$";

/** Which column becomes which data key of the labeling config. A bare value (a file, a line, a
 *  URL: Label Studio's $undefined$) is shown as such, not as a column. */
export function Mapping({ mapping, hasConfig, format }) {
  const bare = mapping?.[UNDEFINED];
  const entries = Object.entries(mapping ?? {}).filter(([column]) => !bare || (column !== bare && column !== UNDEFINED));
  if (bare) entries.unshift([BARE[format] ?? "each value", bare]);
  if (!entries.length) return null;
  return html`<div class="import-mapping">
    <h4>Columns → data keys</h4>
    ${!hasConfig && html`<p class="muted">This project has no labeling config yet: every column is kept
      as a task data key as it is. Set up labeling afterwards in Settings → Labeling Setup.</p>`}
    <ul aria-label="Column mapping">${entries.map(([column, key], i) => html`<li>
      ${bare && i === 0 ? html`<span>${column}</span>` : html`<code>${column}</code>`}<span aria-hidden="true"> → </span>
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
    ["files", counts.files], ["bytes", (counts.bytes ?? 0) < 1024 ? counts.bytes ?? 0 : bytesText(counts.bytes)]];
  return html`<dl class="import-summary" aria-label="Import summary">
    ${items.map(([k, v]) => html`<div><dt>${k}</dt><dd>${typeof v === "number" ? fmt(v) : v}</dd></div>`)}
  </dl>`;
}

export { fmt };
