// Layout tags: View, Header, Collapse, Style, Filter, Repeater.
import { html, useEffect, useState } from "../lib/html.js";
import { registerTag } from "./registry.js";
import { styleObject, substitute, truthy } from "./data.js";

function View({ node, ctx }) {
  const a = node.attrs;
  const cls = ["lc-layout", a.display === "inline" || a.inline ? "lc-inline" : "", a.className ?? ""].join(" ").trim();
  return html`<div class=${cls} style=${styleObject(a.style)}>${ctx.renderChildren(node.children)}</div>`;
}

function Header({ node, ctx }) {
  const a = node.attrs;
  const size = Math.min(6, Math.max(1, Number(a.size) || 4));
  const text = ctx.resolve(a.value ?? node.text ?? "");
  const Tag = `h${size}`;
  return html`<${Tag} class=${`lc-header${truthy(a.underline) ? " lc-underline" : ""}`} style=${styleObject(a.style)}>${String(text ?? "")}<//>`;
}

function Collapse({ node, ctx }) {
  const panels = node.children.filter((c) => c.tag === "Panel");
  return html`<div class="lc-collapse">${panels.map((p, i) => html`
    <details key=${i} open=${truthy(node.attrs.open) || undefined}>
      <summary>${ctx.resolve(p.attrs.value ?? "")}</summary>
      <div class="lc-collapse-body">${ctx.renderChildren(p.children, `p${i}-`)}</div>
    </details>`)}</div>`;
}

// <Style> CSS applies while the view is mounted, through a constructed stylesheet (CSP-safe:
// no inline <style>); url() loads are dropped so the config cannot fetch anything remote.
function Style({ node }) {
  useEffect(() => {
    if (!("adoptedStyleSheets" in document)) return undefined;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(String(node.text ?? "").replace(/url\s*\([^)]*\)/gi, "none").replace(/@import[^;]*;/gi, ""));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet); };
  }, [node.text]);
  return null;
}

function Filter({ node, ctx }) {
  const a = node.attrs;
  const [text, setText] = useState("");
  const min = Number(a.minlength ?? 3);
  const target = a.toName;
  const onInput = (e) => {
    setText(e.currentTarget.value);
    ctx.setFilter(target, e.currentTarget.value.length >= min || !e.currentTarget.value ? e.currentTarget.value : "");
  };
  return html`<input class="lc-filter" type="search" aria-label=${`Filter ${target}`} placeholder=${String(a.placeholder ?? "Quick Filter").replace(/^"|"$/g, "")}
    value=${text} onInput=${onInput} style=${styleObject(a.style)} />`;
}

function Repeater({ node, ctx }) {
  const a = node.attrs;
  const list = ctx.resolve(a.on);
  const flag = a.indexFlag ?? "{{idx}}";
  if (!Array.isArray(list)) return html`<div class="lc-placeholder" role="note">Repeater: <code>${a.on}</code> is not a list in this task.</div>`;
  return html`<div class="lc-repeater">${list.map((_, i) => html`
    <div class="lc-repeat" key=${i}>${ctx.renderChildren(node.children.map((c) => substitute(c, flag, i)), `r${i}-`)}</div>`)}</div>`;
}

registerTag("View", { kind: "layout", component: View });
registerTag("Header", { kind: "layout", component: Header });
registerTag("Collapse", { kind: "layout", component: Collapse });
registerTag("Style", { kind: "layout", component: Style });
registerTag("Filter", { kind: "layout", component: Filter });
registerTag("Repeater", { kind: "layout", component: Repeater });
