// Span granularity (granularity="symbol" | "word" | "sentence" | "paragraph" on Text and
// HyperText, or on one <Label>), giving the offsets Label Studio gives.
//
// Label Studio trims the selection's whitespace, then moves each end with the browser's
// Selection.modify(..., "sentenceboundary" | "paragraphboundary"): the start back to the boundary
// at or before its first character, the end forward to the boundary at or after its last one.
// In Chromium those boundaries are:
//   paragraph  a line of a Text (lines split at \n or \r), a block or a <br>-separated line of HTML;
//              its leading and trailing collapsed whitespace is left out
//   sentence   ICU's sentence breaks inside a paragraph (Intl.Segmenter uses the same rules):
//              a sentence ends after . ! ? 。 ！ ？ and the like, closing quotes and brackets, and
//              the spaces after them, or at the paragraph's end (a Text's \n included)
// and an end that falls inside whitespace the page collapses lands where the browser shows the
// caret: the first visible position of a line, the last of a line, or after the first space of
// a run. Label Studio renders a Text with collapsing white-space (each line its own box), so the
// same applies to Text. Offsets are UTF-16 code units of the object's text, as everywhere.
//
// A layout is {text, paragraphs: [{start, end, stop}], blank(i)}: `end` is where the paragraph's
// content ends, `stop` where its sentences may reach (after a Text's line break), blank(i) true
// for a collapsible whitespace character.
import { snapToWords } from "./textpos.js";

const BREAK = /[\n\r]/;

/** The layout of a Text's string: lines split at \n or \r; spaces and tabs collapse. */
export function textLayout(text) {
  const paragraphs = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !BREAK.test(text[i])) continue;
    paragraphs.push({ start, end: i, stop: Math.min(i + 1, text.length) });
    start = i + 1;
  }
  return { text, paragraphs, blank: (i) => text[i] === " " || text[i] === "\t" };
}

const skipped = (el) => el.hasAttribute("data-lc-skip");

/** The layout of rendered HTML under `root`, over the text of its text nodes (HyperText). */
export function domLayout(root) {
  const inline = new Map();
  const isInline = (el) => {
    if (!inline.has(el)) inline.set(el, /^(inline|contents|ruby)/.test(getComputedStyle(el).display));
    return inline.get(el);
  };
  const paragraphs = [];
  const blanks = [];
  let text = "";
  let start = 0;
  let block = root;
  let pending = false; // a <br> or a block element since the last text node
  const close = (end, stop = end) => { paragraphs.push({ start, end, stop }); start = stop; };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === Node.ELEMENT_NODE && skipped(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.nodeName === "BR" || !isInline(node)) pending = true;
      continue;
    }
    let owner = node.parentElement;
    while (owner !== root && isInline(owner)) owner = owner.parentElement;
    if (text.length > start && (pending || owner !== block)) close(text.length);
    [block, pending] = [owner, false];
    const ws = getComputedStyle(node.parentElement).whiteSpace;
    const keepsBreaks = /^(pre|break-spaces)/.test(ws);
    const keepsSpaces = keepsBreaks && ws !== "pre-line";
    for (let i = 0; i < node.data.length; i++) {
      const c = node.data[i];
      const lineBreak = keepsBreaks && BREAK.test(c);
      blanks[text.length + i] = !keepsSpaces && !lineBreak && /[ \t\n\r\f]/.test(c);
      if (lineBreak) close(text.length + i, text.length + i + 1);
    }
    text += node.data;
  }
  close(text.length);
  return { text, paragraphs, blank: (i) => Boolean(blanks[i]) };
}

const SEGMENTER = globalThis.Intl?.Segmenter ? new Intl.Segmenter(undefined, { granularity: "sentence" }) : null;

/** Sentence starts in [from, to) of a layout's text (collapsible whitespace read as spaces). */
export function sentenceStarts(layout, from, to) {
  let piece = "";
  for (let i = from; i < to; i++) piece += layout.blank(i) ? " " : layout.text[i];
  if (!SEGMENTER) return [from];
  return Array.from(SEGMENTER.segment(piece), (s) => from + s.index);
}

/** Sentences of a plain string, as [{start, end, text}] (Text's layout). */
export function sentences(text) {
  const layout = textLayout(text);
  return layout.paragraphs.flatMap((p) => {
    const starts = sentenceStarts(layout, p.start, p.stop);
    return starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? p.stop, text: text.slice(s, starts[i + 1] ?? p.stop) }))
      .filter((s) => s.end > s.start);
  });
}

const paragraphAt = (layout, i) => layout.paragraphs.find((p) => p.start <= i && i < p.stop) ?? layout.paragraphs.at(-1);

/** Where the browser puts a position that falls in collapsed whitespace ("start" or "end" of a span). */
function visible(layout, p, side) {
  const holds = (q) => q.start <= p && p <= q.end;
  const para = side === "start" ? layout.paragraphs.findLast(holds) : layout.paragraphs.find(holds);
  if (!para) return p;
  let r0 = p;
  let r1 = p;
  while (r0 > para.start && layout.blank(r0 - 1)) r0--;
  while (r1 < para.end && layout.blank(r1)) r1++;
  if (r0 === para.start && r1 > p) return r1; // leading whitespace of a line
  if (r1 === para.end && r0 < p) return r0; // trailing whitespace of a line
  return r0 < p ? Math.min(p, r0 + 1) : p; // a run collapses to its first space
}

/** Trim [start, end), then widen it to the units `around` gives for its first and last characters. */
function widen(layout, start, end, around) {
  const { text } = layout;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return { start, end };
  const [from, to] = around(paragraphAt(layout, start), paragraphAt(layout, end - 1), start, end);
  return { start: visible(layout, from, "start"), end: visible(layout, to, "end") };
}

const UNITS = {
  word: (layout, start, end) => snapToWords(layout.text, start, end),
  paragraph: (layout, start, end) => widen(layout, start, end, (first, last) => [first.start, last.end]),
  sentence: (layout, start, end) => widen(layout, start, end, (first, last, s, e) => [
    sentenceStarts(layout, first.start, first.stop).findLast((b) => b <= s),
    [...sentenceStarts(layout, last.start, last.stop), last.stop].find((b) => b >= e),
  ]),
};

/** [start, end) widened to `granularity` ("symbol", or any other value, leaves it as it is). */
export function snapSpan(layout, start, end, granularity) {
  return Object.hasOwn(UNITS, granularity ?? "") ? UNITS[granularity](layout, start, end) : { start, end };
}
