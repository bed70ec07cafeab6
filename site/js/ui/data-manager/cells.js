// How one cell of the Data Manager shows its value, written straight into the cell's element (the
// table recycles a fixed pool of row elements: no virtual DOM per cell while scrolling). By field
// for the fixed columns, by object tag (Image, Audio, Text, ...) for data columns. Registries,
// not branches over names. Each renderer is (cell element, value) -> void and may assume the cell
// is reused: it replaces what the cell showed before.
import { isMediaRef, cachedMediaUrl, mediaUrl } from "../../store/media.js";
import { textOf } from "../../store/task-index.js";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** Replace the cell's content with one element of `tag` and `className` (reused if it is already there). */
function only(td, tag, className) {
  const el = td.firstChild;
  if (el && el.nodeType === 1 && el.tagName === tag.toUpperCase() && el.className === className && !el.nextSibling) return el;
  const made = document.createElement(tag);
  made.className = className;
  td.replaceChildren(made);
  return made;
}

function setEmpty(td) {
  only(td, "span", "dm-empty").textContent = "—";
}

function setText(td, text, className = "dm-text") {
  only(td, "span", className).textContent = text;
}

const numberCell = (fmt) => (td, v) => (v !== v || v == null ? setEmpty(td) : setText(td, fmt(v), "dm-num"));
const num = numberCell((v) => numberFormat.format(v));
const date = numberCell((v) => dateFormat.format(v));
const count = (td, v) => (v ? setText(td, numberFormat.format(v), "dm-num") : setText(td, "0", "dm-zero"));
const yesNo = (td, v) => setText(td, v ? "yes" : "no", v ? "dm-yes" : "dm-zero");

function initials(name) {
  const parts = String(name).replace(/@.*/, "").split(/[\s._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

function people(td, list) {
  if (!list?.length) { setEmpty(td); return; }
  const box = only(td, "span", "dm-people");
  box.replaceChildren(...list.slice(0, 6).map((who) => {
    const badge = document.createElement("span");
    badge.className = "dm-person";
    badge.title = who;
    badge.textContent = initials(who);
    return badge;
  }));
}

function listText(td, list) {
  if (!list?.length) setEmpty(td); else setText(td, list.join(", "));
}

const PREVIEW = 160;
function text(td, value) {
  if (value == null || value === "") { setEmpty(td); return; }
  const s = textOf(value);
  const span = only(td, "span", "dm-text");
  span.textContent = s.length > PREVIEW ? s.slice(0, PREVIEW) : s;
  span.title = s.length > 40 ? s.slice(0, 1000) : "";
}

/** HTML shown as its text only (tags stripped; nothing is ever parsed as markup here). */
function htmlText(td, value) {
  text(td, typeof value === "string" ? value.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim() : value);
}

// ---- media: stored files are shown through store/media.js's object URLs (cached there)

/** Put the URL of `ref` into `el[attr]`: at once when known, else when read (if the cell still shows `ref`). */
function setMediaSource(el, attr, ref) {
  el.dataset.ref = ref;
  const known = isMediaRef(ref) ? cachedMediaUrl(ref) : ref;
  if (known) { if (el.getAttribute(attr) !== known) el.setAttribute(attr, known); return; }
  el.removeAttribute(attr);
  mediaUrl(ref).then((url) => { if (url && el.dataset.ref === ref) el.setAttribute(attr, url); }, () => {});
}

function image(td, value) {
  const ref = Array.isArray(value) ? value[0] : value;
  if (ref == null || ref === "" || typeof ref !== "string") { setEmpty(td); return; }
  const img = only(td, "img", "dm-thumb");
  if (img.getAttribute("decoding") !== "async") { img.decoding = "async"; img.alt = ""; img.draggable = false; }
  if (img.dataset.ref !== ref) setMediaSource(img, "src", ref);
}

function audio(td, value) {
  if (value == null || value === "" || typeof value !== "string") { setEmpty(td); return; }
  const el = only(td, "audio", "dm-audio");
  if (!el.controls) { el.controls = true; el.preload = "none"; }
  if (el.dataset.ref !== value) setMediaSource(el, "src", value);
}

/** Fixed columns: field id -> renderer. */
const FIELD_CELLS = {
  "tasks:id": (td, v) => setText(td, String(v), "dm-id"),
  "tasks:completed_at": date,
  "tasks:total_annotations": count,
  "tasks:cancelled_annotations": count,
  "tasks:total_predictions": count,
  "tasks:predictions_score": num,
  "tasks:annotators": people,
  "tasks:predictions_model_versions": listText,
  "tasks:ground_truth": yesNo,
  "tasks:draft_exists": yesNo,
  "tasks:created_at": date,
  "tasks:updated_at": date,
  "tasks:avg_lead_time": numberCell((v) => `${numberFormat.format(v)} s`),
};

/** Data columns: object tag -> renderer. */
const DATA_CELLS = { Image: image, Audio: audio, AudioPlus: audio, HyperText: htmlText, Text: text };

/** The renderer for a field. */
export function rendererOf(field) {
  if (field.key !== undefined) return DATA_CELLS[field.kind] ?? text;
  return FIELD_CELLS[field.id] ?? text;
}

/** Default widths (px) by field id or data kind. */
const WIDTHS = {
  "tasks:id": 80, "tasks:annotators": 130, "tasks:predictions_score": 130, "tasks:annotations_results": 220,
  "tasks:predictions_results": 220, "tasks:predictions_model_versions": 150, Image: 110, Audio: 260, AudioPlus: 260,
};
export const defaultWidth = (field) => WIDTHS[field.id] ?? WIDTHS[field.kind] ?? (field.key !== undefined ? 260 : field.type === "Datetime" ? 170 : 120);
