// Display-only objects: <Table> (key/value rows), <List> (items for Ranker), <Markdown>.
import { html, useLayoutEffect, useRef } from "../../lib/html.js";
import DOMPurify from "../../../vendor/purify.mjs";
import { registerTag } from "../core/registry.js";
import { styleObject } from "../core/data.js";

function TableObject({ node, ctx }) {
  const value = ctx.read(node, "value");
  const rows = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value ?? {});
  return html`<table class="lc-table"><tbody>${rows.map(([k, v]) => html`
    <tr key=${k}><th scope="row">${k}</th><td>${typeof v === "object" ? JSON.stringify(v) : String(v)}</td></tr>`)}</tbody></table>`;
}

/** The items of a <List>: [{id, title, body}] from the task value. */
export function listItems(value) {
  return (Array.isArray(value) ? value : []).map((it, i) => (typeof it === "object" && it
    ? { id: String(it.id ?? i), title: it.title ?? "", body: it.body ?? it.text ?? "" }
    : { id: String(i), title: String(it), body: "" }));
}

function ListObject({ node, ctx }) {
  // A List ranked by a <Ranker> is shown (and reordered) by the Ranker itself.
  if (ctx.config.controls.some((c) => c.tag === "Ranker" && c.to_name.includes(node.attrs.name))) {
    return node.attrs.title ? html`<h4 class="lc-list-title">${node.attrs.title}</h4>` : null;
  }
  const items = listItems(ctx.read(node, "value"));
  return html`<div class="lc-list">${node.attrs.title && html`<h4>${node.attrs.title}</h4>`}
    <ol>${items.map((it) => html`<li key=${it.id}><b>${it.title}</b> ${it.body}</li>`)}</ol></div>`;
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** A small Markdown subset (headings, lists, emphasis, code, links) to sanitized HTML. */
export function markdownToHtml(md) {
  const inline = (s) => escapeHtml(s)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>")
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" rel="noopener noreferrer">$1</a>');
  const out = [];
  let list = null;
  for (const line of String(md ?? "").split(/\r?\n/)) {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) { if (!list) { list = []; } list.push(`<li>${inline(item[1])}</li>`); continue; }
    if (list) { out.push(`<ul>${list.join("")}</ul>`); list = null; }
    const head = /^(#{1,6})\s+(.*)$/.exec(line);
    if (head) out.push(`<h${head[1].length}>${inline(head[2])}</h${head[1].length}>`);
    else if (line.trim()) out.push(`<p>${inline(line)}</p>`);
  }
  if (list) out.push(`<ul>${list.join("")}</ul>`);
  return DOMPurify.sanitize(out.join(""), { ALLOWED_TAGS: ["h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "li", "strong", "em", "code", "a"], ALLOWED_ATTR: ["href", "rel"] });
}

function MarkdownObject({ node, ctx }) {
  const ref = useRef(null);
  const text = ctx.read(node, "value");
  useLayoutEffect(() => { ref.current.innerHTML = markdownToHtml(text); }, [text]);
  return html`<div class=${`lc-markdown ${node.attrs.className ?? ""}`} ref=${ref} style=${styleObject(node.attrs.style)}></div>`;
}

registerTag("Table", { kind: "object", component: TableObject, data: ["value"] });
registerTag("List", { kind: "object", component: ListObject, data: ["value"] });
registerTag("Markdown", { kind: "object", component: MarkdownObject, data: ["value"] });
