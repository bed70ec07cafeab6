// How one cell of the Data Manager shows its value: by field for the fixed columns, by object tag
// (Image, Audio, Text, ...) for data columns. Registries, not branches over names.
import { html, useEffect, useState } from "../../lib/html.js";
import { isMediaRef, mediaUrl } from "../../store/media.js";
import { textOf } from "../../store/task-index.js";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

const empty = html`<span class="dm-empty" aria-label="empty">—</span>`;
const num = (v) => (Number.isNaN(v) ? empty : numberFormat.format(v));
const date = (v) => (Number.isNaN(v) ? empty : dateFormat.format(v));
const count = (v) => (v ? numberFormat.format(v) : html`<span class="dm-zero">0</span>`);

/** Fixed columns: field id -> (value) -> vnode. */
const FIELD_CELLS = {
  "tasks:id": (v) => html`<span class="dm-id">${v}</span>`,
  "tasks:completed_at": date,
  "tasks:total_annotations": count,
  "tasks:cancelled_annotations": count,
  "tasks:total_predictions": count,
  "tasks:predictions_score": num,
  "tasks:annotators": (list) => (list?.length
    ? html`<span class="dm-people">${list.map((who) => html`<span class="dm-person" title=${who}>${initials(who)}</span>`)}</span>`
    : empty),
  "tasks:created_at": date,
  "tasks:updated_at": date,
  "tasks:avg_lead_time": (v) => (Number.isNaN(v) ? empty : `${numberFormat.format(v)} s`),
};

function initials(name) {
  const parts = String(name).replace(/@.*/, "").split(/[\s._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

// ---- media: stored files are shown through store/media.js's object URLs (cached there)

/** A URL to show: as it is, or (media://...) an object URL for the stored Blob once read. */
function useMediaUrl(value) {
  const stored = isMediaRef(value);
  const [url, setUrl] = useState(null);
  useEffect(() => {
    if (!stored) return undefined;
    let live = true;
    mediaUrl(value).then((u) => live && setUrl(u), () => live && setUrl(null));
    return () => { live = false; };
  }, [value]);
  return stored ? url : typeof value === "string" ? value : null;
}

function ImageCell({ value }) {
  const url = useMediaUrl(Array.isArray(value) ? value[0] : value);
  if (value == null || value === "") return empty;
  if (!url) return html`<span class="dm-thumb dm-thumb-missing" aria-hidden="true"></span>`;
  return html`<img class="dm-thumb" src=${url} alt="" loading="lazy" decoding="async" />`;
}

function AudioCell({ value }) {
  const url = useMediaUrl(value);
  if (value == null || value === "") return empty;
  if (!url) return html`<span class="muted">…</span>`;
  return html`<audio class="dm-audio" controls preload="none" src=${url} onClick=${(e) => e.stopPropagation()}></audio>`;
}

const PREVIEW = 160;
function TextCell({ value }) {
  if (value == null || value === "") return empty;
  const text = textOf(value);
  return html`<span class="dm-text" title=${text.length > PREVIEW ? text.slice(0, 1000) : undefined}>${text.slice(0, PREVIEW)}</span>`;
}

/** HTML shown as its text only (tags stripped; nothing is ever parsed as markup here). */
function HtmlTextCell({ value }) {
  return html`<${TextCell} value=${typeof value === "string" ? value.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim() : value} />`;
}

/** Data columns: object tag -> component. */
const DATA_CELLS = {
  Image: ImageCell,
  Audio: AudioCell,
  AudioPlus: AudioCell,
  HyperText: HtmlTextCell,
  Text: TextCell,
};

export function Cell({ field, value }) {
  if (field.key !== undefined) {
    const Component = DATA_CELLS[field.kind] ?? TextCell;
    return html`<${Component} value=${value} />`;
  }
  return (FIELD_CELLS[field.id] ?? ((v) => textOf(v)))(value);
}

/** Default widths (px) by field id or data kind. */
const WIDTHS = { "tasks:id": 80, "tasks:annotators": 130, "tasks:predictions_score": 130, Image: 110, Audio: 260, AudioPlus: 260 };
export const defaultWidth = (field) => WIDTHS[field.id] ?? WIDTHS[field.kind] ?? (field.key !== undefined ? 260 : field.type === "Datetime" ? 170 : 120);
