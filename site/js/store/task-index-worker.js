// Builds a project's column index off the main thread (reading 100,000 tasks from IndexedDB
// deserializes them all: seconds of work that would freeze scrolling). Answers the index with
// its typed arrays transferred, not copied. Started by buildIndexOffThread in task-index.js.
import { buildIndex } from "./task-index.js";

self.onmessage = async (event) => {
  const { project } = event.data;
  try {
    const index = await buildIndex(project);
    const buffers = new Set(Object.values(index.columns).filter((c) => c instanceof Float64Array).map((c) => c.buffer));
    self.postMessage({ index }, [...buffers]);
  } catch (err) {
    self.postMessage({ error: String(err?.message ?? err) });
  }
};
