// Boot: render the shell from IndexedDB at once, start the Python core in the background.
// Nothing here waits for Python.
import { html, render } from "./lib/html.js";
import { App } from "./ui/app.js";
import { CoreClient } from "./worker/client.js";
import * as store from "./store/db.js";
import * as projects from "./store/projects.js";
import { recoverImports } from "./store/imports.js";

const core = new CoreClient();
const root = document.getElementById("app");
// A handle for the console and the browser tests: the bridge and the store, nothing else.
window.labelcore = { core, store, projects };

// An import that died half-way (a crash, a closed tab) is undone before any screen reads tasks.
// With nothing to undo this is one small read.
try {
  await recoverImports();
} catch (err) {
  console.error("labelcore: undoing an unfinished import failed", err);
}
root.textContent = "";
render(html`<${App} core=${core} />`, root);
performance.mark("labelcore:shell");

store.requestPersistence().catch((err) => console.warn("labelcore: storage persistence not granted", err));

