// A sample task for the preview of a config that came with none (pasted, or edited past its
// template's sample): a value per object tag, made here so the preview works offline.
//
//   sampleTask(parsed, base?) -> {id, data}: every data key the config reads gets a value of the
//   shape its object tag expects; values already in `base.data` win.

const svg = (body, w = 480, h = 300) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`)}`;

const SAMPLE_IMAGE = svg(`<rect width="480" height="300" fill="#dfe7f5"/>
<circle cx="380" cy="70" r="34" fill="#f3c04f"/>
<path d="M0 300 L150 140 L260 250 L340 180 L480 300 Z" fill="#6a8fd1"/>
<rect x="60" y="200" width="90" height="70" fill="#c9593f"/><path d="M50 200 L105 160 L160 200 Z" fill="#7a3a2a"/>
<text x="16" y="28" font-family="sans-serif" font-size="16" fill="#3d4b66">Sample image</text>`);

/** A short WAV (a soft 440 Hz tone, 1 s, 8 kHz mono) as a data: URL. */
function toneWav(seconds = 1, rate = 8000) {
  const n = seconds * rate;
  const bytes = new Uint8Array(44 + n * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at, text) => [...text].forEach((ch, k) => view.setUint8(at + k, ch.charCodeAt(0)));
  ascii(0, "RIFF"); view.setUint32(4, 36 + n * 2, true); ascii(8, "WAVEfmt ");
  view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true);
  view.setUint16(34, 16, true); ascii(36, "data"); view.setUint32(40, n * 2, true);
  for (let k = 0; k < n; k++) view.setInt16(44 + k * 2, Math.round(6000 * Math.sin((2 * Math.PI * 440 * k) / rate)), true);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:audio/wav;base64,${btoa(binary)}`;
}

const TEXT = "This is a sample text for the preview. Import your own tasks to see them here instead.";

function timeSeries(obj, layoutNode) {
  const time = obj.attrs?.timeColumn || "time";
  const columns = (layoutNode?.children ?? []).filter((c) => c.tag === "Channel").map((c) => c.attrs.column).filter(Boolean);
  const out = { [time]: Array.from({ length: 50 }, (_, k) => k) };
  for (const [i, column] of (columns.length ? columns : ["value"]).entries()) {
    out[column] = out[time].map((t) => Math.round(100 * Math.sin(t / (4 + i)) + 10 * i) / 100);
  }
  return out;
}

// One value maker per object tag: (object from the parsed config, its layout node) -> value.
const MAKERS = {
  Text: () => TEXT,
  HyperText: () => "<p>This is <b>sample</b> HTML for the preview.</p>",
  Markdown: () => "# Sample\n\nThis is **sample** Markdown for the preview.",
  Image: () => SAMPLE_IMAGE,
  Audio: () => toneWav(),
  AudioPlus: () => toneWav(),
  Video: () => "",
  Pdf: () => "",
  Table: () => ({ name: "Sample", value: 42, note: "a sample row" }),
  List: () => [1, 2, 3].map((k) => ({ id: `item_${k}`, title: `Item ${k}`, body: `The text of item ${k}.` })),
  Paragraphs: (obj) => {
    const nameKey = obj.attrs?.nameKey || "author";
    const textKey = obj.attrs?.textKey || "text";
    return [["Alice", "Hi! This is a sample dialogue."], ["Bob", "Import your own tasks to see them here."]]
      .map(([who, said]) => ({ [nameKey]: who, [textKey]: said }));
  },
  TimeSeries: timeSeries,
};

/** `images[{{idx}}].url` -> ["images", 0, "url"]: the path a data key names (indexes become 0). */
// Paths come from the core (an object's `refs`, the form's `data_paths`): the nested form, a
// Repeater's index flag standing for its first item.
const firstItem = (path) => path.map((step) => (/^\{\{.*\}\}$/.test(String(step)) ? 0 : step));

function objectPath(parsed, obj) {
  const ref = obj.refs?.[obj.value != null ? "value" : "valueList"]?.ref;
  const path = ref ? ref[ref.length - 1] : parsed?.data_paths?.[obj.data_key];
  return path ? firstItem(path) : null;
}

const keyPath = (parsed, key) => firstItem(parsed?.data_paths?.[key] ?? [key]);

function setPath(target, path, value) {
  let at = target;
  for (const [k, key] of path.entries()) {
    const last = k === path.length - 1;
    if (last) {
      if (at[key] === undefined) at[key] = value;
      return;
    }
    if (at[key] === undefined || typeof at[key] !== "object") at[key] = typeof path[k + 1] === "number" ? [] : {};
    at = at[key];
  }
}

function findNode(layout, name) {
  if (!layout) return null;
  if (layout.attrs?.name === name) return layout;
  for (const child of layout.children ?? []) {
    const found = findNode(child, name);
    if (found) return found;
  }
  return null;
}

export function sampleTask(parsed, base = null) {
  const data = structuredClone(base?.data ?? {});
  for (const obj of parsed?.objects ?? []) {
    const maker = MAKERS[obj.tag] ?? MAKERS.Text;
    const value = maker(obj, findNode(parsed.layout, obj.name));
    const path = objectPath(parsed, obj);
    if (!path?.length) continue;
    setPath(data, path, obj.attrs?.valueList ? [value, value] : value);
    // A Repeater reads several items: give it two.
    const expression = String(obj.value ?? obj.attrs?.valueList ?? "");
    const list = path[0];
    if (Array.isArray(data[list]) && data[list].length === 1 && /\{\{/.test(expression)) data[list].push(structuredClone(data[list][0]));
  }
  // Every key a Repeater's items are read with (`$pages[{{idx}}].title`), in each item.
  for (const rep of parsed?.repeaters ?? []) {
    if (!rep.data_key) continue;
    for (const index of [0, 1]) for (const key of rep.item_keys ?? []) setPath(data, [...keyPath(parsed, rep.data_key), index, ...keyPath(parsed, key)], TEXT);
  }
  for (const key of parsed?.data_keys ?? []) setPath(data, keyPath(parsed, key), TEXT);
  return { id: base?.id ?? 1, data, annotations: [], predictions: [] };
}
