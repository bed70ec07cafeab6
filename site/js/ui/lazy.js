// Screens and dialogs load on demand (the shell stays small and fast); a module that fails
// to load shows its error instead of a blank page.
import { html, useEffect, useState } from "../lib/html.js";

const cache = new Map();

function load(loader) {
  if (!cache.has(loader)) cache.set(loader, loader());
  return cache.get(loader);
}

export function Lazy({ loader, props, label }) {
  const [state, setState] = useState({ component: null, error: null });
  useEffect(() => {
    let live = true;
    setState({ component: null, error: null });
    load(loader).then(
      (component) => live && setState({ component, error: null }),
      (error) => {
        cache.delete(loader);
        console.error(`labelcore: ${label} failed to load`, error);
        if (live) setState({ component: null, error });
      },
    );
    return () => { live = false; };
  }, [loader]);
  if (state.error) return html`<div class="notice" role="alert"><p>${label} failed to load: ${String(state.error?.message ?? state.error)}</p></div>`;
  if (!state.component) return html`<p class="muted" aria-busy="true">Loading ${label}…</p>`;
  return html`<${state.component} ...${props} />`;
}
