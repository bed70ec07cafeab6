// The page's side of the bridge: one worker, requests by id, replies as promises,
// progress as callbacks, the core's state as an observable value.

const PROTOCOL = 1;

const isBinary = (value) => value instanceof ArrayBuffer || ArrayBuffer.isView(value);

function hasBinary(value) {
  if (value === null || typeof value !== "object") return false;
  if (isBinary(value)) return true;
  if (Array.isArray(value)) return value.some(hasBinary);
  for (const key in value) if (hasBinary(value[key])) return true;
  return false;
}

/** A copy of `value` with each ArrayBuffer / typed array replaced by {$binary: i}. */
function extractBinary(value, buffers) {
  if (value === null || typeof value !== "object") return value;
  if (isBinary(value)) {
    buffers.push(value instanceof ArrayBuffer ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    return { $binary: buffers.length - 1 };
  }
  if (Array.isArray(value)) return value.map((v) => extractBinary(v, buffers));
  const out = {};
  for (const key in value) out[key] = extractBinary(value[key], buffers);
  return out;
}

/** Put the reply's buffers back where {$binary: i} stands (in place). */
function reviveBinary(value, buffers) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveBinary(value[i], buffers);
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === "$binary") return buffers[value.$binary];
  for (const key of keys) value[key] = reviveBinary(value[key], buffers);
  return value;
}

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

  /**
   * Call a bridge op. Resolves with its result; rejects with a CoreError.
   * Uint8Arrays / ArrayBuffers anywhere in `args` go to Python as bytes (copied, or moved when
   * `transfer` is true), and bytes in the result come back as Uint8Arrays.
   */
  call(op, args = {}, { onProgress, timeoutMs, transfer = false } = {}) {
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
      const buffers = [];
      const payload = hasBinary(args) ? extractBinary(args, buffers) : args;
      this.worker.postMessage({ v: PROTOCOL, id, op, args: payload, buffers },
        transfer ? buffers.map((b) => b.buffer) : []);
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
    if (state.warm && !this.state.warm) performance.mark("labelcore:core-warm"); // every area of the core imported
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  #receive(data) {
    let msg = data;
    if (typeof data === "string") msg = JSON.parse(data);
    else if (typeof data.reply === "string") {
      msg = JSON.parse(data.reply);
      if (data.buffers?.length && msg.ok) reviveBinary(msg.result, data.buffers);
    }
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
