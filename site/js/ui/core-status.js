// The Python core's state in the top bar: loading / ready / failed (with the error).
import { html, useEffect, useState } from "../lib/html.js";

const WORDS = {
  loading: (s) => `Python core loading${s.phase ? ` (${s.phase})` : ""}…`,
  ready: (s) => `Python core ready · labelcore ${s.version?.labelcore ?? ""}`,
  failed: (s) => `Python core failed: ${s.error?.message ?? "unknown error"}`,
};

export function CoreStatus({ core }) {
  const [state, setState] = useState(core.state);
  useEffect(() => core.subscribe(setState), [core]);
  const text = WORDS[state.status]?.(state) ?? state.status;
  const title = state.status === "ready"
    ? `Python ${state.version?.python} in Pyodide, pydantic ${state.version?.pydantic}. Ready in ${Math.round(state.marks.ready - state.marks.start)} ms.`
    : text;
  return html`<span class="core-status" role="status" aria-live="polite" data-state=${state.status} title=${title}>
    <span class="dot" aria-hidden="true"></span><span class="detail">${text}</span></span>`;
}
