// A modal dialog on the native <dialog> element: focus is trapped, Escape closes it.
import { html, useEffect, useRef, useId } from "../lib/html.js";

export function Modal({ title, onClose, children, footer }) {
  const ref = useRef(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.open && dialog.close();
  }, []);
  const onCancel = (event) => { event.preventDefault(); onClose(); };
  return html`
    <dialog class="modal" ref=${ref} aria-labelledby=${titleId} onCancel=${onCancel}>
      <div class="modal-head"><h2 id=${titleId}>${title}</h2>
        <button class="btn icon" type="button" aria-label="Close" onClick=${onClose}>✕</button></div>
      <div class="modal-body">${children}</div>
      ${footer && html`<div class="modal-foot">${footer}</div>`}
    </dialog>`;
}

export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = "Cancel", danger = false, onConfirm, onClose }) {
  return html`<${Modal} title=${title} onClose=${onClose} footer=${html`
      <button class="btn" type="button" onClick=${onClose}>${cancelLabel}</button>
      <button class=${"btn " + (danger ? "danger solid" : "primary")} type="button" onClick=${onConfirm}>${confirmLabel}</button>`}>
    <p>${message}</p>
  <//>`;
}
