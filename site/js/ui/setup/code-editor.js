// The XML code editor: a plain <textarea> (native undo, selection, IME, screen readers) with a
// line-number gutter that marks the lines with errors (red) and warnings (amber), a band behind
// each such line, and the messages listed below, errors first (each one moves the caret to its
// line and column). Warnings do not make the config invalid.
// Tab indents (two spaces; Shift+Tab removes them); Escape then Tab leaves the editor.
import { html, useEffect, useRef, useState } from "../../lib/html.js";

const LINE = 20; // px: one line of the textarea; the gutter and the bands use the same step
const INDENT = "  ";

/** Offset in `text` of 1-based line / column. */
export function offsetOf(text, line, col = 1) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  const lineEnd = text.indexOf("\n", at);
  return Math.min(at + Math.max(0, col - 1), lineEnd < 0 ? text.length : lineEnd);
}

function insert(area, text) {
  // execCommand keeps the browser's undo stack; setRangeText is the fallback.
  if (!document.execCommand?.("insertText", false, text)) {
    area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

function outdent(area) {
  const { value, selectionStart } = area;
  const start = value.lastIndexOf("\n", selectionStart - 1) + 1;
  const remove = value.slice(start, start + INDENT.length).match(/^ {1,2}/)?.[0].length ?? 0;
  if (!remove) return;
  area.setSelectionRange(start, start + remove);
  insert(area, "");
}

/** line -> {severity: "error" | "warning" (an error wins), messages}. */
function findingsByLine(errors, warnings) {
  const byLine = new Map();
  for (const [severity, list] of [["error", errors], ["warning", warnings]]) {
    for (const e of list) {
      const line = e.where?.line;
      if (!line) continue;
      const at = byLine.get(line) ?? { severity, messages: [] };
      at.messages.push(severity === "warning" ? `Warning: ${e.message}` : e.message);
      byLine.set(line, at);
    }
  }
  return byLine;
}

const GUTTER_CLASS = { error: "gl has-error", warning: "gl has-warning" };

export function CodeEditor({ value, onChange, errors = [], warnings = [], id, label = "Labeling config (XML)", describedBy }) {
  const area = useRef(null);
  const gutter = useRef(null);
  const bands = useRef(null);
  const escaped = useRef(false);
  const [scrollTop, setScrollTop] = useState(0);
  const lines = value.split("\n").length;
  const byLine = findingsByLine(errors, warnings);

  useEffect(() => {
    if (gutter.current) gutter.current.scrollTop = scrollTop;
  }, [scrollTop, lines]);

  const onKeyDown = (event) => {
    if (event.key === "Escape") { escaped.current = true; return; }
    if (event.key === "Tab" && !escaped.current && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      if (event.shiftKey) outdent(area.current);
      else insert(area.current, INDENT);
    }
    escaped.current = false;
  };

  const jump = (e) => {
    const el = area.current;
    if (!el) return;
    const at = offsetOf(value, e.where.line, e.where.col);
    el.focus();
    el.setSelectionRange(at, at);
    el.scrollTop = Math.max(0, (e.where.line - 3) * LINE);
  };

  return html`<div class="code-editor">
    <div class="code-frame">
      <div class="code-gutter" ref=${gutter} aria-hidden="true">
        ${Array.from({ length: lines }, (_, k) => {
          const found = byLine.get(k + 1);
          return html`<div class=${found ? GUTTER_CLASS[found.severity] : "gl"} title=${found?.messages.join("\n")} data-line=${k + 1}>${k + 1}</div>`;
        })}
      </div>
      <div class="code-body">
        <div class="code-bands" ref=${bands} aria-hidden="true" style=${{ transform: `translateY(${-scrollTop}px)` }}>
          ${[...byLine.entries()].map(([line, found]) => html`<div class=${found.severity === "warning" ? "code-band warn" : "code-band"}
            style=${{ top: `${(line - 1) * LINE + 8}px` }}></div>`)}
        </div>
        <textarea id=${id} ref=${area} class="code-text" spellcheck="false" autocapitalize="off" autocomplete="off"
          wrap="off" aria-label=${label} aria-describedby=${describedBy} aria-invalid=${errors.length > 0}
          value=${value} onInput=${(e) => onChange(e.target.value)} onKeyDown=${onKeyDown}
          onScroll=${(e) => setScrollTop(e.target.scrollTop)}></textarea>
      </div>
    </div>
    <p class="code-hint muted">Tab indents · Shift+Tab outdents · Escape, then Tab, leaves the editor</p>
    <${FindingList} findings=${errors} onJump=${jump} id=${describedBy} label="Config errors" />
    <${FindingList} findings=${warnings} onJump=${jump} id=${describedBy && `${describedBy}-warnings`}
      label="Config warnings" warning=${true} />
  </div>`;
}

/** Errors (or warnings) as a list under the editor; each moves the caret to its place. */
function FindingList({ findings, onJump, id, label, warning = false }) {
  if (!findings.length) return null;
  return html`<ul class=${warning ? "config-errors config-warnings" : "config-errors"} id=${id} aria-label=${label} tabindex="-1">
    ${findings.map((e) => html`<li>
      <button type="button" class=${warning ? "error-link warn" : "error-link"} onClick=${() => onJump?.(e)}>
        ${e.where?.line ? html`<span class="where">line ${e.where.line}${e.where.col ? `, col ${e.where.col}` : ""}</span>` : null}
        ${warning && html`<span class="badge">warning</span>`}
        <span class="msg">${e.message}</span>
      </button></li>`)}
  </ul>`;
}
