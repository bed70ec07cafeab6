// Builds a project's column index off the main thread (reading 100,000 tasks from IndexedDB
// deserializes them all: seconds of work that would freeze scrolling), keeps it in IndexedDB for
// the next session (task-index-store.js), then answers the index with its typed arrays
// transferred, not copied. Started by buildIndexOffThread in task-index.js.
import { buildIndex } from "./task-index.js";
import { saveSnapshot } from "./task-index-store.js";

self.onmessage = async (event) => {
  const { project } = event.data;
  try {
    const index = await buildIndex(project);
    try {
      await saveSnapshot(index, project);
    } catch (err) {
      console.warn("labelcore: could not keep the Data Manager index", err);  // e.g. quota: next time rebuilds
    }
    const buffers = new Set(Object.values(index.columns).filter((c) => c instanceof Float64Array).map((c) => c.buffer));
    self.postMessage({ index }, [...buffers]);
  } catch (err) {
    self.postMessage({ error: String(err?.message ?? err) });
  }
};
