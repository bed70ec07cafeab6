// The Data Manager's tabs (saved views): pick, add, rename (double-click or menu), duplicate, delete.
import { html, useEffect, useRef, useState } from "../../lib/html.js";

function TabTitle({ view, onRename, onDone }) {
  const [value, setValue] = useState(view.title);
  const input = useRef(null);
  useEffect(() => { input.current?.focus(); input.current?.select(); }, []);
  const finish = (save) => { if (save && value.trim() && value.trim() !== view.title) onRename(value.trim()); onDone(); };
  return html`<input class="dm-tab-edit" aria-label="Tab name" value=${value} ref=${input}
    onInput=${(e) => setValue(e.target.value)} onBlur=${() => finish(true)}
    onKeyDown=${(e) => { if (e.key === "Enter") finish(true); if (e.key === "Escape") finish(false); }} />`;
}

export function Tabs({ views, activeId, onPick, onAdd, onRename, onDuplicate, onDelete }) {
  const [editing, setEditing] = useState(null);
  const [menu, setMenu] = useState(false);
  const onKey = (e, i) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = views[(i + step + views.length) % views.length];
    onPick(next.id);
    requestAnimationFrame(() => document.getElementById(`dm-tab-${next.id}`)?.focus());
  };
  return html`<div class="dm-tabs">
    <div role="tablist" aria-label="Data Manager tabs" class="dm-tablist">
      ${views.map((v, i) => editing === v.id
        ? html`<${TabTitle} key=${v.id} view=${v} onRename=${(t) => onRename(v.id, t)} onDone=${() => setEditing(null)} />`
        : html`<button key=${v.id} id=${`dm-tab-${v.id}`} role="tab" type="button" class="dm-tab"
            aria-selected=${v.id === activeId} tabindex=${v.id === activeId ? 0 : -1}
            onClick=${() => onPick(v.id)} onDblClick=${() => setEditing(v.id)} onKeyDown=${(e) => onKey(e, i)}>${v.title}</button>`)}
    </div>
    <button class="btn icon" type="button" aria-label="Add tab" title="Add tab" onClick=${onAdd}>+</button>
    <span class="dm-menu-anchor">
      <button class="btn icon" type="button" aria-label="Tab actions" aria-haspopup="menu" aria-expanded=${menu}
        onClick=${() => setMenu(!menu)}>⋯</button>
      ${menu && html`<div class="menu" role="menu" onClick=${() => setMenu(false)}>
        <button role="menuitem" type="button" onClick=${() => setEditing(activeId)}>Rename</button>
        <button role="menuitem" type="button" onClick=${() => onDuplicate(activeId)}>Duplicate</button>
        <button role="menuitem" type="button" class="danger" disabled=${views.length < 2}
          onClick=${() => onDelete(activeId)}>Delete</button>
      </div>`}
    </span>
  </div>`;
}
