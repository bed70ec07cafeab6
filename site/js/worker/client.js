// The page's side of the bridge: one worker, requests by id, replies as promises,
// progress as callbacks, the core's state as an observable value.

const PROTOCOL = 1;

export class CoreError extends Error {
  constructor({ type, message, where = {}, details }) {
    super(message);
    this.name = type;
    this.type = type;
    this.where = where;
    this.details = details;
  }
}

export class CoreClient {
  constructor(workerUrl = new URL("./worker.js", import.meta.url)) {
    this.state = { status: "loading", phase: "starting" };
    this.listeners = new Set();
    this.pending = new Map();
    this.nextId = 1;
    this.worker = new Worker(workerUrl, { type: "module", name: "labelcore-core" });
    this.worker.onmessage = (event) => this.#receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.#setState({ status: "failed", error: { type: "CoreUnavailable", message: event.message || "the worker script failed to load" } });
    };
  }

  /** Call a bridge op. Resolves with its result; rejects with a CoreError. */
  call(op, args = {}, { onProgress, timeoutMs } = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject, onProgress, timer: null };
      if (timeoutMs) {
        entry.timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new CoreError({ type: "Timeout", message: `${op} did not answer within ${timeoutMs} ms` }));
        }, timeoutMs);
      }
      this.pending.set(id, entry);
      this.worker.postMessage({ v: PROTOCOL, id, op, args });
    });
  }

  /** Resolves when the core is ready; rejects if it failed to start. */
  whenReady() {
    return new Promise((resolve, reject) => {
      const check = (state) => {
        if (state.status === "ready") { off(); resolve(state); }
        if (state.status === "failed") { off(); reject(new CoreError(state.error)); }
      };
      const off = this.subscribe(check);
    });
  }

  subscribe(listener) {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  #setState(state) {
    if (state.status !== this.state.status && state.status !== "loading") performance.mark(`labelcore:core-${state.status}`);
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  #receive(data) {
    const msg = typeof data === "string" ? JSON.parse(data) : data;
    if (msg.status) {
      this.#setState({ ...msg });
      return;
    }
    const entry = this.pending.get(msg.id);
    if (!entry) return;
    if (msg.progress) {
      entry.onProgress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    clearTimeout(entry.timer);
    if (msg.ok) entry.resolve(msg.result);
    else entry.reject(new CoreError(msg.error));
  }
}
