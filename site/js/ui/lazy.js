// Screens and dialogs load on demand (the shell stays small and fast); a module that fails
// to load shows its error instead of a blank page. A component is only ever rendered for the
// loader it came from: when the loader changes (another section at the same place in the tree),
// the old screen is not rendered with the new screen's props, even for one frame (the labeling
// screen, handed the Data Manager's route, would start the label stream).
import { html, useEffect, useState } from "../lib/html.js";

const cache = new Map();

function load(loader) {
  if (!cache.has(loader)) cache.set(loader, loader());
  return cache.get(loader);
}

export function Lazy({ loader, props, label }) {
  const [state, setState] = useState({ loader: null, component: null, error: null });
  useEffect(() => {
    let live = true;
    setState({ loader, component: null, error: null });
    load(loader).then(
      (component) => live && setState({ loader, component, error: null }),
      (error) => {
        cache.delete(loader);
        console.error(`labelcore: ${label} failed to load`, error);
        if (live) setState({ loader, component: null, error });
      },
    );
    return () => { live = false; };
  }, [loader]);
  if (state.loader !== loader) return html`<p class="muted" aria-busy="true">Loading ${label}…</p>`;
  if (state.error) return html`<div class="notice" role="alert"><p>${label} failed to load: ${String(state.error?.message ?? state.error)}</p></div>`;
  if (!state.component) return html`<p class="muted" aria-busy="true">Loading ${label}…</p>`;
  return html`<${state.component} ...${props} />`;
}
