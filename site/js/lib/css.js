// Per-area stylesheets, loaded once when the area's module first loads.
const loaded = new Set();

/** Add <link rel="stylesheet" href=url> once (url relative to index.html, e.g. "css/import.css"). */
export function loadCss(url) {
  if (loaded.has(url)) return;
  loaded.add(url);
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = url;
  document.head.append(link);
}
