// The Python core in a module Web Worker. Loads Pyodide and the wheels listed in
// the site's own pyodide-lock.json (never a CDN), then answers bridge requests.
// Start-up: the lock and labelcore's wheels download while the runtime does, and are written
// into site-packages before Python starts (wheels.js); ready means the bridge answered
// core.version with every package installed; warm() then imports every area of the core.
//
// Messages in:  {v, id, op, args, buffers}              (one bridge request; {"$binary": i} in
//                                                        args stands for buffers[i], a Uint8Array)
// Messages out: {reply: JSON text, buffers}              (the reply; {"$binary": i} -> buffers[i])
//               JSON text of progress                    ({v, id, progress})
//               {v, status: "loading" | "ready" | "failed", ...}   (the core's state)

import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { fetchWheel, installWheels } from "./wheels.js";

const PYODIDE_URL = new URL("../../pyodide/", import.meta.url).href;
const PROTOCOL = 1;
const marks = { start: performance.now() };

function status(state, extra = {}) {
  self.postMessage({ v: PROTOCOL, status: state, marks, ...extra });
}

/** A distribution name as the lock writes it (PEP 503). */
const normalize = (name) => name.replace(/[-_.]+/g, "-").toLowerCase();

/** The package and everything it depends on, by the lock's `depends`. */
function closure(lock, root) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const entry = lock.packages[name];
    if (!entry) throw new Error(`pyodide-lock.json has no package ${name}`);
    seen.add(name);
    entry.depends.forEach(visit);
  };
  visit(root);
  return [...seen];
}

async function boot() {
  status("loading", { phase: "runtime" });
  // The lock, then the wheels of labelcore's closure, download and inflate while the runtime
  // downloads and compiles (loadPyodide takes the lock as a promise); fsInit writes them into
  // site-packages before Python starts (wheels.js says why not loadPackage).
  const lockPromise = fetch(PYODIDE_URL + "pyodide-lock.json", { cache: "no-cache" }).then((response) => {
    if (!response.ok) throw new Error(`pyodide-lock.json: HTTP ${response.status}`);
    return response.json();
  });
  const wanted = lockPromise.then((lock) => closure(lock, "labelcore"));
  const wheels = Promise.all([lockPromise, wanted]).then(([lock, names]) =>
    Promise.all(names.map((name) => fetchWheel(lock, name, PYODIDE_URL))));
  let installError = null; // an error thrown in fsInit would not stop loadPyodide: keep it
  const pyodide = await loadPyodide({
    indexURL: PYODIDE_URL,
    lockFileContents: lockPromise,
    packageBaseUrl: PYODIDE_URL,
    fsInit: async (FS, { sitePackages }) => {
      marks.fsInit = performance.now(); // the runtime is compiled; Python's main waits for this
      try {
        await installWheels(FS, sitePackages, await wheels);
        marks.installed = performance.now();
      } catch (err) {
        installError = err;
      }
    },
    stdout: (line) => console.log("[python]", line),
    stderr: (line) => console.warn("[python]", line),
  });
  marks.runtime = performance.now();
  if (installError) throw new Error(`packages did not load: ${installError.message}`);
  // Pyodide lists what it found in site-packages: every package of the closure must be there.
  const loaded = new Set(Object.keys(pyodide.loadedPackages).map(normalize));
  const missing = (await wanted).filter((name) => !loaded.has(name));
  if (missing.length) throw new Error(`packages did not load: ${missing.join(", ")}`);
  marks.packages = performance.now();

  const bridge = pyodide.pyimport("labelcore.bridge");
  const version = JSON.parse(bridge.handle(JSON.stringify({ v: PROTOCOL, id: 0, op: "core.version" })));
  if (!version.ok) throw new Error(`core.version failed: ${version.error.message}`);
  marks.ready = performance.now();
  status("ready", { version: version.result });
  // Import every area of the core now, before the first request needs it.
  setTimeout(() => {
    try {
      bridge.warm();
      marks.warm = performance.now();
      status("ready", { version: version.result, warm: true });
    } catch (err) {
      console.error("labelcore worker: importing the core's ops failed", err);
    }
  }, 0);
  return bridge;
}

const ready = boot();
ready.catch((err) => {
  marks.failed = performance.now();
  console.error("labelcore worker: the Python core failed to start", err);
  status("failed", { error: { type: "CoreUnavailable", message: String(err?.message ?? err) } });
});

self.onmessage = async (event) => {
  const { buffers = [], ...request } = event.data;
  let bridge;
  try {
    bridge = await ready;
  } catch (err) {
    self.postMessage(JSON.stringify({
      v: PROTOCOL, id: request?.id ?? null, ok: false,
      error: { type: "CoreUnavailable", message: `The Python core is not running: ${err?.message ?? err}`, where: {} },
    }));
    return;
  }
  const progress = (text) => self.postMessage(text);
  // [reply JSON, ...bytes]: binary values of the result travel as transferred buffers.
  const out = bridge.handle_binary(JSON.stringify(request), progress, buffers);
  const reply = out.get(0);
  const binaries = [];
  for (let i = 1; i < out.length; i++) {
    const item = out.get(i);
    const view = item.getBuffer("u8");
    binaries.push(view.data.slice());
    view.release();
    item.destroy();
  }
  out.destroy();
  if (reply.includes('"InternalError"')) {
    const parsed = JSON.parse(reply);
    if (parsed.error?.type === "InternalError") {
      console.error(`labelcore core: ${parsed.error.message}\n${parsed.error.details?.traceback ?? ""}`);
    }
  }
  self.postMessage({ reply, buffers: binaries }, binaries.map((b) => b.buffer));
};
