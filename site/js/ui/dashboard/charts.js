// Small SVG charts: horizontal bars and a daily bar chart with a running-total line. Sized by a
// viewBox, coloured by CSS (css/dashboard.css), every mark titled for hover and screen readers.
import { html } from "../../lib/html.js";
import { niceTicks } from "./stats.js";

const fmt = (n) => n.toLocaleString("en");

/** items [{label, value, skipped?}]: one labelled bar per item, longest first as given. */
export function BarChart({ items, title, unit = "", max = 20 }) {
  const shown = items.slice(0, max);
  const W = 640, row = 30, left = 180, right = 64;
  const H = shown.length * row + 8;
  const top = Math.max(1, ...shown.map((i) => i.value + (i.skipped ?? 0)));
  const scale = (v) => (v / top) * (W - left - right);
  return html`<figure class="chart">
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${title}>
      ${shown.map((item, i) => {
        const y = i * row + 4;
        const w = scale(item.value), s = scale(item.skipped ?? 0);
        const label = item.label.length > 26 ? `${item.label.slice(0, 25)}…` : item.label;
        return html`<g class="bar-row" key=${item.label}>
          <title>${item.label}: ${fmt(item.value)}${unit}${item.skipped ? `, ${fmt(item.skipped)} skipped` : ""}</title>
          <text class="bar-label" x=${left - 10} y=${y + row / 2} dominant-baseline="middle" text-anchor="end">${label}</text>
          <rect class="bar-track" x=${left} y=${y + 4} width=${W - left - right} height=${row - 10} rx="3" />
          <rect class="bar" x=${left} y=${y + 4} width=${Math.max(w, item.value ? 2 : 0)} height=${row - 10} rx="3" />
          ${s > 0 && html`<rect class="bar skipped" x=${left + w} y=${y + 4} width=${s} height=${row - 10} rx="3" />`}
          <text class="bar-value" x=${left + w + s + 6} y=${y + row / 2} dominant-baseline="middle">${fmt(item.value)}${item.skipped ? ` + ${fmt(item.skipped)}` : ""}</text>
        </g>`;
      })}
    </svg>
    ${shown.some((i) => i.skipped) && html`<figcaption class="legend"><span class="key bar-key"></span>Submitted
      <span class="key skip-key"></span>Skipped</figcaption>`}
    ${items.length > max && html`<figcaption class="muted">${fmt(items.length - max)} more not shown.</figcaption>`}
  </figure>`;
}

/** days [{day, annotations, annotated}]: bars of annotations per day, a line of tasks annotated so far. */
export function ProgressChart({ days, total, title }) {
  const W = 640, H = 240, left = 48, right = 48, top = 12, bottom = 28;
  const iw = W - left - right, ih = H - top - bottom;
  const bars = niceTicks(Math.max(...days.map((d) => d.annotations)));
  const line = niceTicks(Math.max(total, ...days.map((d) => d.annotated)));
  const bw = iw / days.length;
  const x = (i) => left + i * bw;
  const yBar = (v) => top + ih - (v / bars.top) * ih;
  const yLine = (v) => top + ih - (v / line.top) * ih;
  const points = days.map((d, i) => `${x(i) + bw / 2},${yLine(d.annotated)}`).join(" ");
  const every = Math.max(1, Math.ceil(days.length / 8));
  return html`<figure class="chart">
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${title}>
      ${bars.ticks.map((t) => html`<g key=${`b${t}`}><line class="grid" x1=${left} x2=${W - right} y1=${yBar(t)} y2=${yBar(t)} />
        <text class="axis" x=${left - 6} y=${yBar(t)} text-anchor="end" dominant-baseline="middle">${fmt(t)}</text></g>`)}
      ${line.ticks.map((t) => html`<text key=${`l${t}`} class="axis line-axis" x=${W - right + 6} y=${yLine(t)} dominant-baseline="middle">${fmt(t)}</text>`)}
      ${days.map((d, i) => html`<g key=${d.day}>
        <title>${d.day}: ${fmt(d.annotations)} annotations; ${fmt(d.annotated)} tasks annotated so far</title>
        <rect class="bar" x=${x(i) + bw * 0.15} y=${yBar(d.annotations)} width=${Math.max(1, bw * 0.7)} height=${top + ih - yBar(d.annotations)} rx="2" />
        ${i % every === 0 && html`<text class="axis" x=${x(i) + bw / 2} y=${H - 8} text-anchor="middle">${d.day.slice(5)}</text>`}
      </g>`)}
      <polyline class="line" points=${days.length === 1 ? `${left},${yLine(days[0].annotated)} ${W - right},${yLine(days[0].annotated)}` : points} />
      ${days.map((d, i) => html`<circle key=${`c${d.day}`} class="dot" cx=${x(i) + bw / 2} cy=${yLine(d.annotated)} r="3" />`)}
    </svg>
    <figcaption class="legend"><span class="key bar-key"></span>Annotations per day
      <span class="key line-key"></span>Tasks annotated so far (of ${fmt(total)})</figcaption>
  </figure>`;
}
