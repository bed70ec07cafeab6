// strftime-like date formats as Label Studio's <DateTime format="..."> uses them: it formats and
// parses with d3-time-format (en-US), so this follows d3's rules:
//   %Y year (4 digits)  %y 2-digit year (parsed: > 68 -> 19xx)  %m month  %d day  %e day, space-padded
//   %H hour 0-23  %I hour 1-12  %p AM/PM  %M minute  %S second  %L millisecond  %j day of the year
//   %b/%B month name (short/full)  %a/%A weekday name  %w/%u weekday number  %q quarter
//   %U/%W/%V week of the year (Sunday/Monday/ISO)  %G/%g ISO year  %x %X %c locale date/time
//   %Z zone offset  %Q/%s time since the epoch  %f microseconds  %% a percent sign
// A flag after % sets the padding: "-" none, "_" spaces, "0" zeros (%-d -> "3"). Any other
// character is literal text; an unknown directive formats as its letter, as d3 does.
// Dates here are plain parts {y, m (1-12), d, H, M, S, L} in local time, as LS's are.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const short = (names) => names.map((n) => n.slice(0, 3));
const LOCALE = { x: "%-m/%-d/%Y", X: "%-I:%M:%S %p", c: "%x, %X" };
const PADS = { "-": "", _: " ", 0: "0" };

function pad(value, fill, width) {
  const sign = value < 0 ? "-" : "";
  const digits = String(Math.abs(value));
  return sign + (digits.length < width ? fill.repeat(width - digits.length) : "") + digits;
}

/** A Date of local parts (years below 100 kept as they are). */
export function dateOf({ y = 1900, m = 1, d = 1, H = 0, M = 0, S = 0, L = 0 }) {
  const date = new Date(2000, 0, 1, H, M, S, L);
  date.setFullYear(y, m - 1, d);
  return date;
}

const partsOf = (date) => ({
  y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate(),
  H: date.getHours(), M: date.getMinutes(), S: date.getSeconds(), L: date.getMilliseconds(),
});

const dayOfYear = (date) => Math.round((dateOf({ ...partsOf(date), H: 12, M: 0, S: 0, L: 0 }) - dateOf({ y: date.getFullYear(), H: 12 })) / 864e5);

/** The Thursday of a date's ISO week: its year is the ISO year, its week the ISO week. */
function isoThursday(date) {
  const t = dateOf({ ...partsOf(date), H: 12, M: 0, S: 0, L: 0 });
  t.setDate(t.getDate() + 3 - ((date.getDay() + 6) % 7));
  return t;
}

function zone(date) {
  const z = -date.getTimezoneOffset();
  return (z < 0 ? "-" : "+") + pad(Math.floor(Math.abs(z) / 60), "0", 2) + pad(Math.abs(z) % 60, "0", 2);
}

// directive -> (date, fill) -> text
const FORMATS = {
  a: (t) => short(DAYS)[t.getDay()], A: (t) => DAYS[t.getDay()],
  b: (t) => short(MONTHS)[t.getMonth()], B: (t) => MONTHS[t.getMonth()],
  d: (t, p) => pad(t.getDate(), p, 2), e: (t, p) => pad(t.getDate(), p, 2),
  f: (t, p) => pad(t.getMilliseconds() * 1000, p, 6),
  g: (t, p) => pad(isoThursday(t).getFullYear() % 100, p, 2), G: (t, p) => pad(isoThursday(t).getFullYear() % 10000, p, 4),
  H: (t, p) => pad(t.getHours(), p, 2), I: (t, p) => pad(t.getHours() % 12 || 12, p, 2),
  j: (t, p) => pad(1 + dayOfYear(t), p, 3), L: (t, p) => pad(t.getMilliseconds(), p, 3),
  m: (t, p) => pad(t.getMonth() + 1, p, 2), M: (t, p) => pad(t.getMinutes(), p, 2),
  p: (t) => (t.getHours() >= 12 ? "PM" : "AM"), q: (t) => String(1 + Math.floor(t.getMonth() / 3)),
  Q: (t) => String(t.getTime()), s: (t) => String(Math.floor(t.getTime() / 1000)),
  S: (t, p) => pad(t.getSeconds(), p, 2),
  u: (t) => String(t.getDay() || 7), w: (t) => String(t.getDay()),
  U: (t, p) => pad(Math.floor((dayOfYear(t) + 7 - t.getDay()) / 7), p, 2),
  W: (t, p) => pad(Math.floor((dayOfYear(t) + 7 - ((t.getDay() + 6) % 7)) / 7), p, 2),
  V: (t, p) => pad(1 + Math.floor(dayOfYear(isoThursday(t)) / 7), p, 2),
  y: (t, p) => pad(t.getFullYear() % 100, p, 2), Y: (t, p) => pad(t.getFullYear() % 10000, p, 4),
  Z: (t) => zone(t), "%": () => "%",
};

/** Format local date parts with a d3/strftime specifier. */
export function formatDate(specifier, parts) {
  const date = dateOf(parts);
  let out = "";
  for (let i = 0; i < specifier.length; i++) {
    if (specifier[i] !== "%") { out += specifier[i]; continue; }
    let c = specifier[++i] ?? "";
    let fill = c === "e" ? " " : "0";
    if (c in PADS) { fill = PADS[c]; c = specifier[++i] ?? ""; }
    if (LOCALE[c]) out += formatDate(LOCALE[c], parts);
    else out += FORMATS[c] ? FORMATS[c](date, fill) : c;
  }
  return out;
}

const names = (list, key) => (d, s, i) => {
  const lower = s.slice(i).toLowerCase();
  const hit = list.map((n, k) => [n.toLowerCase(), k]).filter(([n]) => lower.startsWith(n)).sort((a, b) => b[0].length - a[0].length)[0];
  if (!hit) return -1;
  d[key] = hit[1];
  return i + hit[0].length;
};

const number = (width, put) => (d, s, i) => {
  const n = /^\s*\d+/.exec(s.slice(i, i + width));
  if (!n) return -1;
  put(d, Number(n[0]));
  return i + n[0].length;
};

// directive -> (fields, string, index) -> next index or -1; what parseDate can read back.
const PARSERS = {
  a: names(short(DAYS), "w"), A: names(DAYS, "w"), b: names(short(MONTHS), "m"), B: names(MONTHS, "m"),
  d: number(2, (d, n) => { d.d = n; }), e: number(2, (d, n) => { d.d = n; }),
  H: number(2, (d, n) => { d.H = n; }), I: number(2, (d, n) => { d.H = n; }),
  j: number(3, (d, n) => { d.m = 0; d.d = n; }), L: number(3, (d, n) => { d.L = n; }),
  f: number(6, (d, n) => { d.L = Math.floor(n / 1000); }),
  m: number(2, (d, n) => { d.m = n - 1; }), M: number(2, (d, n) => { d.M = n; }), S: number(2, (d, n) => { d.S = n; }),
  q: number(1, (d, n) => { d.m = n * 3 - 3; }), w: number(1, (d, n) => { d.w = n; }), u: number(1, (d, n) => { d.w = n % 7; }),
  y: number(2, (d, n) => { d.y = n + (n > 68 ? 1900 : 2000); }), Y: number(4, (d, n) => { d.y = n; }),
  p: (d, s, i) => {
    const p = /^(am|pm)/i.exec(s.slice(i));
    if (!p) return -1;
    d.p = p[1].toLowerCase() === "pm" ? 1 : 0;
    return i + 2;
  },
  "%": (d, s, i) => (s[i] === "%" ? i + 1 : -1),
};

function parseInto(d, specifier, s, j) {
  for (let i = 0; i < specifier.length; i++) {
    if (specifier[i] !== "%") {
      if (s[j++] !== specifier[i]) return -1;
      continue;
    }
    let c = specifier[++i];
    if (c in PADS) c = specifier[++i];
    j = LOCALE[c] ? parseInto(d, LOCALE[c], s, j) : PARSERS[c] ? PARSERS[c](d, s, j) : -1;
    if (j < 0) return -1;
  }
  return j;
}

/** Read back what formatDate wrote: local date parts, or null when `text` does not fit. */
export function parseDate(specifier, text) {
  const s = String(text);
  const d = { y: 1900, m: 0, d: 1, H: 0, M: 0, S: 0, L: 0 };
  if (parseInto(d, specifier, s, 0) !== s.length) return null;
  if ("p" in d) d.H = (d.H % 12) + d.p * 12;
  return partsOf(dateOf({ ...d, m: d.m + 1 }));
}
