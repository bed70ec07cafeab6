// The visual editor: the labels (and choices, relations) of every control in the config, to
// add, remove, rename, recolour and give hotkeys. Every change is a splice of the XML text
// (xml-edit.js), so the code keeps its formatting; the code editor and this one show one text.
import { html, useState } from "../../lib/html.js";
import { labelControls, setAttr, removeElement, appendChild, itemMarkup } from "./xml-edit.js";

const PALETTE = ["#E5484D", "#3E63DD", "#30A46C", "#FFB224", "#8E4EC6", "#12A594", "#F76B15", "#D6409F", "#687076", "#0091FF"];

let probe = null;
/** Any CSS colour as #rrggbb for <input type=color> (black when the browser cannot read it). */
export function toHex(colour) {
  if (!colour) return "#000000";
  if (/^#[0-9a-f]{6}$/i.test(colour)) return colour.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(colour)) return `#${[...colour.slice(1)].map((c) => c + c).join("")}`.toLowerCase();
  probe ??= document.createElement("canvas").getContext("2d");
  probe.fillStyle = "#000000";
  probe.fillStyle = colour;
  return /^#[0-9a-f]{6}$/i.test(probe.fillStyle) ? probe.fillStyle : "#000000";
}

function uniqueValue(items, base) {
  const taken = new Set(items.map((i) => i.value));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base} ${k}`)) return `${base} ${k}`;
}

/** Colour and hotkey the core gave a label that sets none (from the last parse; may be stale). */
function parsedItem(parsed, controlName, index) {
  return parsed?.controls?.find((c) => c.name === controlName)?.labels?.[index] ?? null;
}

function ItemRow({ control, item, index, parsed, edit }) {
  const { spec } = control;
  const fallback = parsedItem(parsed, control.name, index);
  const what = spec.item.toLowerCase();
  const named = item.value || `${what} ${index + 1}`;
  return html`<li class="ve-item">
    ${spec.colour && html`<input type="color" class="ve-colour" aria-label=${`Colour of ${named}`}
        value=${toHex(item.colour ?? fallback?.background)} title=${item.colour ?? "default colour"}
        onInput=${(e) => edit((xml, c) => setAttr(xml, c.items[index].el, spec.colour, e.target.value))} />`}
    <input type="text" class="ve-value" aria-label=${`Name of ${what} ${index + 1}`} value=${item.value}
      onInput=${(e) => edit((xml, c) => setAttr(xml, c.items[index].el, "value", e.target.value))} />
    ${spec.hotkey && html`<input type="text" class="ve-hotkey" maxlength="12" aria-label=${`Hotkey of ${named}`}
        placeholder=${fallback?.hotkey ?? ""} title="Hotkey (empty: assigned automatically)" value=${item.hotkey ?? ""}
        onInput=${(e) => edit((xml, c) => setAttr(xml, c.items[index].el, spec.hotkey, e.target.value.trim() || null))} />`}
    <button type="button" class="btn icon ve-remove" aria-label=${`Remove ${named}`}
      onClick=${() => edit((xml, c) => removeElement(xml, c.items[index].el))}>✕</button>
  </li>`;
}

function AddItems({ control, edit }) {
  const [text, setText] = useState("");
  const what = control.spec.item.toLowerCase();
  const add = (event) => {
    event.preventDefault();
    const values = text.split(/\n/).map((v) => v.trim()).filter(Boolean);
    if (!values.length) return;
    edit((xml, c, controlIndex) => {
      let out = xml;
      const taken = [...c.items];
      const used = new Set(c.items.map((i) => i.colour?.toUpperCase()));
      for (const raw of values) {
        const value = uniqueValue(taken, raw);
        taken.push({ value });
        const colour = PALETTE.find((p) => !used.has(p)) ?? PALETTE[(taken.length - 1) % PALETTE.length];
        used.add(colour);
        const fresh = labelControls(out)[controlIndex];
        out = appendChild(out, fresh.el, itemMarkup(c.spec, value, colour));
      }
      return out;
    });
    setText("");
  };
  return html`<form class="ve-add" onSubmit=${add}>
    <input type="text" aria-label=${`New ${what} for ${control.name}`} placeholder=${`Add ${what}s: one name, or several pasted one per line`}
      value=${text} onInput=${(e) => setText(e.target.value)} onPaste=${(e) => {
        const pasted = e.clipboardData?.getData("text") ?? "";
        if (pasted.includes("\n")) { e.preventDefault(); setText(pasted); }
      }} />
    <button type="submit" class="btn">Add</button>
  </form>`;
}

export function VisualEditor({ xml, onChange, parsed }) {
  const controls = labelControls(xml);
  if (!controls.length) {
    return html`<div class="empty ve-empty"><h2>Nothing to edit here</h2>
      <p>This config has no control with labels or choices. Pick a template, or add a control such as
      <code>${"<Labels>"}</code> or <code>${"<Choices>"}</code> in the code.</p></div>`;
  }
  return html`<div class="visual-editor">
    ${controls.map((control, controlIndex) => {
      // Each edit re-reads the current text, so offsets are never stale.
      const edit = (fn) => onChange(fn(xml, labelControls(xml)[controlIndex], controlIndex));
      const target = control.el.attrs.find((a) => a.name.toLowerCase() === "toname")?.value;
      return html`<section class="ve-control" aria-label=${`${control.tag} ${control.name}`}>
        <h3><code>${`<${control.tag}>`}</code> ${control.name}${target && html`<span class="muted"> → ${target}</span>`}
          <span class="muted ve-count">${control.items.length} ${control.spec.item.toLowerCase()}${control.items.length === 1 ? "" : "s"}</span></h3>
        ${control.items.length
          ? html`<ul class="ve-items">${control.items.map((item, index) => html`<${ItemRow} key=${index}
              control=${control} item=${item} index=${index} parsed=${parsed} edit=${edit} />`)}</ul>`
          : html`<p class="muted">No ${control.spec.item.toLowerCase()}s yet: add the first one below.</p>`}
        ${control.tag === "Taxonomy" && html`<p class="muted ve-note">Nested choices are edited in the code.</p>`}
        <${AddItems} control=${control} edit=${edit} />
      </section>`;
    })}
  </div>`;
}
