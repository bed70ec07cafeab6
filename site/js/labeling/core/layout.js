// Layout tags: View, Header, Collapse, Style, Filter, Repeater (every item, or mode="pagination": one at a time).
import { html, useEffect, useLayoutEffect, useMemo, useState } from "../../lib/html.js";
import { registerTag } from "./registry.js";
import { styleObject, substitute, truthy } from "./data.js";
import { repeatFocus, repeatKey } from "./repeat.js";
import { typing } from "./hotkeys.js";

function View({ node, ctx }) {
  const a = node.attrs;
  const cls = ["lc-layout", a.display === "inline" || a.inline ? "lc-inline" : "", a.className ?? ""].join(" ").trim();
  return html`<div class=${cls} style=${styleObject(a.style)}>${ctx.renderChildren(node.children)}</div>`;
}

function Header({ node, ctx }) {
  const a = node.attrs;
  const size = Math.min(6, Math.max(1, Number(a.size) || 4));
  const text = a.value != null ? ctx.read(node, "value") : node.text ?? "";
  const Tag = `h${size}`;
  return html`<${Tag} class=${`lc-header${truthy(a.underline) ? " lc-underline" : ""}`} style=${styleObject(a.style)}>${String(text ?? "")}<//>`;
}

function Collapse({ node, ctx }) {
  const panels = node.children.filter((c) => c.tag === "Panel");
  return html`<div class="lc-collapse">${panels.map((p, i) => html`
    <details key=${i} open=${truthy(node.attrs.open) || undefined}>
      <summary>${ctx.read(p, "value") ?? ""}</summary>
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

/** The names of the tags in `nodes` (one repeated item, flags replaced). */
function namesIn(nodes, out = new Set()) {
  for (const n of nodes) {
    if (typeof n.attrs?.name === "string") out.add(n.attrs.name);
    namesIn(n.children ?? [], out);
  }
  return out;
}

// One block per item of the list. With several items, one is ACTIVE (outlined, aria-current):
// the one last focused or clicked in, or holding the selected region; the first until then.
// Hotkeys of the controls inside act on it (repeat.js).
function Repeater({ node, ctx, store }) {
  const a = node.attrs;
  const list = ctx.read(node, "on");
  const flag = a.indexFlag ?? "{{idx}}";
  const count = Array.isArray(list) ? list.length : 0;
  const key = repeatKey(a.on, flag);
  const [chosen, setChosen] = useState(() => repeatFocus(store).get(key)?.index ?? 0);
  const active = Math.min(chosen, Math.max(0, count - 1));
  const items = useMemo(() => Array.from({ length: count }, (_, i) => node.children.map((c) => substitute(c, flag, i))), [node, flag, count]);
  useLayoutEffect(() => {
    const focus = repeatFocus(store);
    const mine = { index: active, count };
    focus.set(key, mine);
    return () => { if (focus.get(key) === mine) focus.delete(key); };
  }, [store, key, active, count]);
  const selected = store.getState().selected;
  useEffect(() => {
    const region = selected && store.region(selected);
    const at = region ? items.findIndex((nodes) => namesIn(nodes).has(region.to_name)) : -1;
    if (at >= 0) setChosen(at);
  }, [selected, store]); // only a newly selected region moves it (not every re-render)
  const paged = a.mode === "pagination" && count > 0;
  // alt+right / alt+left turn the pages (Label Studio's repeater:next-page / previous-page).
  useEffect(() => {
    if (!paged) return undefined;
    const onKey = (e) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || typing(e) || document.querySelector("[aria-modal='true']")) return;
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      setChosen((i) => Math.max(0, Math.min(count - 1, Math.min(i, count - 1) + step)));
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [paged, count]);
  if (!Array.isArray(list)) return html`<div class="lc-placeholder" role="note">Repeater: <code>${a.on}</code> is not a list in this task.</div>`;
  const marked = count > 1;
  const item = (nodes, i) => html`
    <div key=${i} class=${`lc-repeat${marked && i === active ? " lc-repeat-active" : ""}`} role="group" aria-label=${`Item ${i + 1} of ${count}`}
      aria-current=${marked && i === active ? "true" : undefined} onFocusIn=${() => setChosen(i)} onPointerDown=${() => setChosen(i)}>
      ${ctx.renderChildren(nodes, `r${i}-`)}</div>`;
  // mode="pagination": one item at a time (the active one), with a pager, as Label Studio shows it.
  if (paged) {
    return html`<div class="lc-repeater lc-paged">
      <nav class="lc-pager" aria-label=${`Pages of ${a.on}`}>
        <button type="button" class="btn" disabled=${active === 0} onClick=${() => setChosen(active - 1)}>‹ Previous item</button>
        <span class="muted">${active + 1} / ${count}</span>
        <button type="button" class="btn" disabled=${active >= count - 1} onClick=${() => setChosen(active + 1)}>Next item ›</button>
      </nav>
      ${item(items[active], active)}</div>`;
  }
  return html`<div class="lc-repeater">${items.map(item)}</div>`;
}

registerTag("View", { kind: "layout", component: View });
registerTag("Header", { kind: "layout", component: Header });
registerTag("Collapse", { kind: "layout", component: Collapse });
registerTag("Style", { kind: "layout", component: Style });
registerTag("Filter", { kind: "layout", component: Filter });
registerTag("Repeater", { kind: "layout", component: Repeater });
