// The template gallery: groups down the side, a search box, one card per template
// (title + description). The list comes from the core (`templates.list`), once per page. A
// template using a tag the labeling screen cannot draw yet (the core's `cannot_draw`) says so.
import { html, useEffect, useMemo, useState } from "../../lib/html.js";

let listing = null; // one request per page: the gallery does not change while the page lives

function loadList(core) {
  listing ??= core.call("templates.list", {}).catch((err) => { listing = null; throw err; });
  return listing;
}

const ALL = "All templates";

// A search word matches the start of a word of the template ("ner" finds the NER keyword, not
// "ge-ner-ation"; "class" finds "classification").
function matches(t, words) {
  const hay = [t.name, t.title, t.group, t.description, ...(t.keywords ?? [])].join(" ").toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.every((w) => hay.some((word) => word.startsWith(w)));
}

export function Gallery({ core, coreState, onPick, onCustom, picking }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [group, setGroup] = useState(ALL);
  const [query, setQuery] = useState("");
  useEffect(() => {
    let live = true;
    loadList(core).then((d) => live && setData(d), (err) => live && setError(err));
    return () => { live = false; };
  }, [core]);

  const shown = useMemo(() => {
    if (!data) return [];
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return data.templates.filter((t) => (group === ALL || t.group === group) && matches(t, words));
  }, [data, group, query]);

  if (error) return html`<p class="error-text" role="alert">The templates could not be listed: ${error.message}</p>`;
  if (!data) {
    const loading = coreState?.status !== "ready";
    return html`<div class="gallery-wait" aria-busy="true">
      <p class="muted">${loading ? "Python core loading… the templates appear in a few seconds." : "Loading the templates…"}</p>
      <button type="button" class="btn" onClick=${onCustom}>Write a config instead</button></div>`;
  }
  const groups = [ALL, ...data.groups.filter((g) => data.templates.some((t) => t.group === g))];
  const count = (g) => (g === ALL ? data.templates.length : data.templates.filter((t) => t.group === g).length);
  return html`<div class="gallery">
    <nav class="gallery-groups" aria-label="Template groups">
      ${groups.map((g) => html`<button type="button" aria-pressed=${g === group} onClick=${() => setGroup(g)}>
        <span>${g}</span><span class="muted">${count(g)}</span></button>`)}
    </nav>
    <div class="gallery-main">
      <input type="search" class="gallery-search" aria-label="Search templates" placeholder="Search templates: detection, NER, audio, ranking…"
        value=${query} onInput=${(e) => setQuery(e.target.value)} />
      ${shown.length === 0 && html`<div class="empty"><h2>No template matches</h2>
        <p>Try another word, look in “${ALL}”, or start from a blank config.</p>
        <button type="button" class="btn" onClick=${onCustom}>Custom template</button></div>`}
      <ul class="gallery-cards" aria-label="Templates">
        ${shown.map((t) => html`<li key=${t.name}>
          <button type="button" class="template-card" data-template=${t.name} aria-busy=${picking === t.name}
            aria-label=${t.title} aria-describedby=${`tc-${t.name}${t.cannot_draw?.length ? ` tcp-${t.name}` : ""}`} disabled=${Boolean(picking)} onClick=${() => onPick(t.name)}>
            <span class="tc-group muted" aria-hidden="true">${t.group}</span>
            <span class="tc-title">${t.title}</span>
            <span class="tc-desc" id=${`tc-${t.name}`}>${t.description}</span>
            ${t.cannot_draw?.length > 0 && html`<span class="tc-preview-only" id=${`tcp-${t.name}`}>Preview only: ${
              t.cannot_draw.map((tag) => `<${tag}>`).join(", ")} can't be labeled yet</span>`}
          </button></li>`)}
        ${shown.length > 0 && html`<li><button type="button" class="template-card custom" aria-label="Custom template" onClick=${onCustom}>
          <span class="tc-group muted">Your own</span><span class="tc-title">Custom template</span>
          <span class="tc-desc">Start from a blank config, or paste one from Label Studio.</span></button></li>`}
      </ul>
    </div>
  </div>`;
}
