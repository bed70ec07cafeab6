// Annotation tabs, as Label Studio shows them above a task: the current annotator's own work
// (editable), every other annotation of the task (other annotators, earlier ones, skipped ones)
// and every prediction, each viewable read-only and copyable into a new annotation of the
// current annotator; and the project's instructions (expert_instruction, sanitized).
import { html, useEffect, useLayoutEffect, useRef, useState } from "../../lib/html.js";
import { listProfiles, displayName } from "../../store/profiles.js";
import { LabelingView } from "./view.js";
import { sanitize } from "../text/hypertext.js";
import { useDialogKeys } from "./hotkeys.js";

const MINE = "mine";

/** The tabs of a session: [{key, title, kind, record}] (the own tab first). */
export function tabsOf(session, loaded, profiles) {
  const own = session.annotation;
  const tabs = [{ key: MINE, kind: "mine", title: own ? `Yours #${own}` : "Yours (new)" }];
  for (const a of [...(loaded.annotations ?? [])].sort((x, y) => x.id - y.id)) {
    if (a.id === own) continue;
    const who = displayName(a.completed_by, profiles);
    tabs.push({ key: `a${a.id}`, kind: "annotation", record: a, title: `#${a.id} ${who}${a.was_cancelled ? " (skipped)" : ""}` });
  }
  for (const p of loaded.predictions ?? []) {
    tabs.push({ key: `p${p.id}`, kind: "prediction", record: p, title: `Prediction ${p.model_version ?? `#${p.id}`}${p.score != null ? ` (${p.score})` : ""}` });
  }
  return tabs;
}

/** Every annotator profile (for names on the tabs); [] until read. */
export function useProfiles() {
  const [profiles, setProfiles] = useState([]);
  useEffect(() => { listProfiles().then(setProfiles, () => setProfiles([])); }, []);
  return profiles;
}

export function AnnotationTabs({ session, loaded, profiles, current, onPick }) {
  const tabs = tabsOf(session, loaded, profiles);
  if (tabs.length < 2) return null;
  const onKeyDown = (e) => {
    const i = tabs.findIndex((t) => t.key === current);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    onPick(next.key);
    requestAnimationFrame(() => e.currentTarget?.querySelector(`[data-tab="${next.key}"]`)?.focus());
  };
  return html`<div class="lc-tabs" role="tablist" aria-label="Annotations" onKeyDown=${onKeyDown}>
    ${tabs.map((t) => html`<button type="button" role="tab" key=${t.key} data-tab=${t.key} class=${`lc-tab lc-tab-${t.kind}`}
      aria-selected=${t.key === current} tabIndex=${t.key === current ? 0 : -1} onClick=${() => onPick(t.key)}>${t.title}</button>`)}
  </div>`;
}

/** A read-only view of another annotation or a prediction, with Copy. */
export function OtherTab({ tab, config, task, onCopy }) {
  const record = tab.record;
  const what = tab.kind === "prediction" ? "prediction" : "annotation";
  return html`<div class="lc-other" role="tabpanel" aria-label=${tab.title}>
    <div class="lc-other-bar">
      <span>Viewing ${tab.title} · read-only${record.result?.length ? "" : " · empty"}</span>
      <button type="button" class="btn primary" onClick=${onCopy} title=${`Copy this ${what} into a new annotation of yours`}>Copy</button>
    </div>
    <${LabelingView} key=${tab.key} config=${config} task=${task} annotation=${record} readOnly=${true} hotkeys=${false} />
  </div>`;
}

/** The project's instructions in a dialog (HTML, sanitized: nothing runs or loads from elsewhere). */
export function Instructions({ text, onClose }) {
  const body = useRef(null);
  const close = useDialogKeys(onClose);
  useLayoutEffect(() => { body.current.replaceChildren(sanitize(text, { clickableLinks: true })); }, [text]);
  return html`<div class="lc-overlay" role="dialog" aria-modal="true" aria-label="Instructions">
    <div class="lc-help lc-instructions">
      <div class="modal-head"><h2>Instructions</h2><button type="button" class="btn icon" aria-label="Close" onClick=${onClose} ref=${close}>×</button></div>
      <div class="modal-body lc-instructions-body" ref=${body}></div>
    </div>
  </div>`;
}

export { MINE };
