// Where the text of a Text, HyperText or Paragraphs object comes from, as Label Studio reads it:
//
//   valueType="text" (Paragraphs: "json")  the task value itself
//   valueType="url"                        the value names a file to load:
//       media://<id>/<name>   a file stored in this browser (store/media.js): its Blob is read
//       /path, ./path         same-origin: fetched (the CSP allows connect-src 'self' only)
//       http(s)://elsewhere   NOT fetched: this app works offline and sends nothing out, so the
//                             object says where the text is and how to bring it in
//   encoding="base64" | "base64unicode"    the text (loaded or not) is decoded first;
//                                          base64unicode = UTF-8 bytes in base64
//
// useSource() gives {status, value, message}: "ready" (value = the text, or the parsed JSON for
// Paragraphs), "loading", "remote" (message = where the text lives) or "error" (message = why).
// SourceNotice shows every status but "ready".
import { html, useEffect, useMemo, useState } from "../../lib/html.js";
import { getMedia, isMediaRef } from "../../store/media.js";

/** Decode a value stored with encoding="base64" or "base64unicode"; other values unchanged. */
export function decodeValue(value, encoding) {
  if (encoding !== "base64" && encoding !== "base64unicode") return value;
  let binary;
  try {
    binary = atob(String(value ?? ""));
  } catch {
    throw new Error(`This task's value is not valid base64 (encoding="${encoding}").`);
  }
  if (encoding === "base64") return binary;
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    // ignoreBOM: a leading U+FEFF stays in the text, so offsets match Label Studio's decoder
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error('This task\'s value decodes to bytes that are not UTF-8 (encoding="base64unicode").');
  }
}

/** Whether a span's value carries its `text` (saveTextResult; by default yes, no for valueType="url"). */
export function savesText(attrs, byDefault = attrs.valueType !== "url") {
  const say = String(attrs.saveTextResult ?? "").toLowerCase();
  return say === "yes" ? true : say === "no" ? false : byDefault;
}

class SourceProblem extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

const SAME_ORIGIN_PATH = /^\.{0,2}\//;

/** The text of the file a valueType="url" value names (see the header for what is read how). */
export async function loadUrl(url) {
  if (typeof url !== "string" || !url.trim()) {
    throw new SourceProblem("error", 'valueType="url" needs a URL in the task data, and this task has none.');
  }
  if (isMediaRef(url)) {
    const record = await getMedia(url);
    if (!record?.blob) throw new SourceProblem("error", `The file ${url} is not stored in this project any more.`);
    return record.blob.text();
  }
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
  const target = absolute || SAME_ORIGIN_PATH.test(url) ? new URL(url, document.baseURI) : null;
  if (!target) {
    throw new SourceProblem("error", `"${url.slice(0, 80)}" is not a URL: with valueType="url" the task must hold a link to the text, not the text itself.`);
  }
  if (!/^https?:$/.test(target.protocol)) {
    throw new SourceProblem("error", `${url.slice(0, 80)} is not loaded: only files stored in this project (media://) and this site's own files are.`);
  }
  if (target.origin !== location.origin) throw new SourceProblem("remote", url);
  let response;
  try {
    response = await fetch(target, { credentials: "same-origin" });
  } catch (err) {
    throw new SourceProblem("error", `Could not load ${url}: ${err.message ?? err}`);
  }
  if (!response.ok) throw new SourceProblem("error", `Could not load ${url}: ${response.status} ${response.statusText}`.trim());
  return response.text();
}

const settle = (fn) => {
  try {
    return { status: "ready", value: fn() };
  } catch (err) {
    return { status: err.status ?? "error", message: err.message ?? String(err) };
  }
};

/**
 * The value an object shows, loaded and decoded. `parse` turns the final text into the value
 * (Paragraphs: JSON.parse); values given inline are passed to it as they are unless encoded.
 */
export function useSource(node, ctx, { parse = (v) => v, parseLoaded = parse } = {}) {
  const attrs = node.attrs;
  const raw = ctx.read(node, "value");
  const fromUrl = attrs.valueType === "url";
  const encoding = attrs.encoding;
  const inline = useMemo(() => (fromUrl ? null : settle(() => parse(decodeValue(raw, encoding)))), [raw, fromUrl, encoding]);
  const [loaded, setLoaded] = useState(null);
  useEffect(() => {
    if (!fromUrl) return undefined;
    let live = true;
    loadUrl(raw).then(
      (text) => live && setLoaded({ raw, ...settle(() => parseLoaded(decodeValue(text, encoding))) }),
      (err) => live && setLoaded({ raw, status: err.status ?? "error", message: err.message ?? String(err) }),
    );
    return () => { live = false; };
  }, [raw, fromUrl, encoding]);
  if (!fromUrl) return inline;
  return loaded && loaded.raw === raw ? loaded : { status: "loading", message: typeof raw === "string" ? raw : "" };
}

const FIRST = { marginTop: 0 };
const LAST = { marginBottom: 0 };

/** What an object shows instead of its text while it loads, when it is elsewhere, or broken. */
export function SourceNotice({ source, kind = "text" }) {
  if (source.status === "loading") {
    return html`<div class="lc-placeholder" role="status" aria-busy="true">Loading the ${kind} from <code>${source.message}</code>…</div>`;
  }
  if (source.status === "remote") {
    const title = `${kind[0].toUpperCase()}${kind.slice(1)} not loaded`;
    return html`<div class="lc-placeholder" role="note" aria-label=${title}>
      <p style=${FIRST}>The ${kind} of this task lives at <code>${source.message}</code>, which this offline app does
        not fetch: nothing you label leaves this computer.</p>
      <p style=${LAST}>To label it, download the file and bring its content in through <b>Import</b>, or put
        the ${kind} itself in the task data and leave out <code>valueType="url"</code>.</p></div>`;
  }
  if (source.status === "error") return html`<div class="lc-placeholder" role="alert"><span class="error-text">${source.message}</span></div>`;
  return null;
}
