// Querying the Data Manager's column index (task-index.js builds it): Label Studio's filter
// operators over typed columns, search, and ordering, in plain JS over typed arrays.
//
//   queryIndex(index, {filters, ordering, search}) -> Uint32Array of rows (positions in the index)
//   compileItem(index, item) -> row predicate;  isActive(item);  idsOfRows(index, rows);  textOf(value)
//
// Filters have LS's shape {conjunction: "and"|"or", items: [{filter, operator, type, value}]},
// operators equal, not_equal, contains, not_contains, regex, less, greater, less_or_equal,
// greater_or_equal, in, not_in, empty; ordering ["-tasks:id"] (a leading "-": descending).
// Search looks at the id, every data column and the annotation and prediction results.

export const NUMBER = "Number", DATE = "Datetime", STRING = "String", LIST = "List", BOOLEAN = "Boolean";

export const OPERATORS = {
  [NUMBER]: ["equal", "not_equal", "less", "greater", "less_or_equal", "greater_or_equal", "in", "not_in", "empty"],
  [DATE]: ["less", "greater", "less_or_equal", "greater_or_equal", "in", "not_in", "empty"],
  [STRING]: ["contains", "not_contains", "equal", "not_equal", "regex", "empty"],
  [LIST]: ["contains", "not_contains", "empty"],
  [BOOLEAN]: ["equal"],
};

/** Column types of the fixed fields (data columns are text); set by task-index.js. */
export const FIELD_TYPES = new Map();
/** Fields that search looks at besides the data columns. */
const SEARCHED = ["tasks:annotations_results", "tasks:predictions_results"];

/** A value as the text filters and search see it. */
export function textOf(value) {
  if (value == null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** The column as lower-case strings (built once per index and column). */
function lowerText(index, field) {
  if (!index.text[field]) {
    const col = index.columns[field];
    const out = new Array(index.size);
    for (let r = 0; r < index.size; r++) {
      const v = col[r];
      out[r] = Array.isArray(v) ? v.join(", ").toLowerCase() : textOf(v).toLowerCase();
    }
    index.text[field] = out;
  }
  return index.text[field];
}

const typeOfField = (field) => FIELD_TYPES.get(field) ?? STRING;
const truthy = (value) => value === true || value === "true" || value === 1 || value === "1";

/** The filter value as a number (dates: ms since epoch). */
function numberOf(value, type) {
  if (value === "" || value == null) return NaN;
  return type === DATE ? (typeof value === "number" ? value : Date.parse(value)) : Number(value);
}

const NUMERIC_TESTS = {
  equal: (v, x) => v === x, not_equal: (v, x) => v !== x, less: (v, x) => v < x, greater: (v, x) => v > x,
  less_or_equal: (v, x) => v <= x, greater_or_equal: (v, x) => v >= x,
};

/** Whether a filter item is complete enough to apply (an empty value box is ignored, as in LS). */
export function isActive(item) {
  if (!item?.filter || !item.operator) return false;
  if (item.operator === "empty") return true;
  if (item.operator === "in" || item.operator === "not_in") {
    return item.value && (item.value.min !== "" && item.value.min != null) && (item.value.max !== "" && item.value.max != null);
  }
  return item.value !== "" && item.value != null;
}

/** A predicate row -> bool for one filter item; throws Error with a readable message on a bad regex. */
export function compileItem(index, item) {
  const { filter, operator, value } = item;
  const type = typeOfField(filter);
  const col = index.columns[filter];
  if (!col) return () => operator === "empty" ? value !== false && value !== "false" : false;
  if (operator === "empty") {
    const wantEmpty = value !== false && value !== "false";
    if (type === NUMBER || type === DATE) return (r) => Number.isNaN(col[r]) === wantEmpty;
    if (type === LIST) return (r) => !col[r]?.length === wantEmpty;
    return (r) => (col[r] == null || col[r] === "") === wantEmpty;
  }
  if (type === BOOLEAN) {
    const want = truthy(value) ? 1 : 0;
    if (operator !== "equal") throw new Error(`“${operator}” does not apply to yes/no columns.`);
    return (r) => (col[r] ? 1 : 0) === want;
  }
  if (type === NUMBER || type === DATE) {
    if (operator === "in" || operator === "not_in") {
      const lo = numberOf(value.min, type), hi = numberOf(value.max, type), inside = operator === "in";
      return (r) => !Number.isNaN(col[r]) && (col[r] >= lo && col[r] <= hi) === inside;
    }
    const x = numberOf(value, type), test = NUMERIC_TESTS[operator];
    if (!test) throw new Error(`“${operator}” does not apply to ${type} columns.`);
    return (r) => !Number.isNaN(col[r]) && test(col[r], x);
  }
  if (operator === "regex") {
    let re;
    try { re = new RegExp(String(value)); } catch (err) { throw new Error(`Not a valid regular expression: ${err.message}`, { cause: err }); }
    const raw = type === LIST ? lowerText(index, filter) : null;
    return (r) => re.test(raw ? raw[r] : textOf(col[r]));
  }
  const text = lowerText(index, filter), needle = String(value).toLowerCase();
  if (type === LIST && (operator === "contains" || operator === "not_contains")) {
    const has = operator === "contains";
    return (r) => (col[r]?.some((who) => who.toLowerCase().includes(needle)) ?? false) === has;
  }
  switch (operator) {
    case "contains": return (r) => text[r].includes(needle);
    case "not_contains": return (r) => !text[r].includes(needle);
    case "equal": return (r) => textOf(col[r]) === String(value);
    case "not_equal": return (r) => textOf(col[r]) !== String(value);
    default: throw new Error(`“${operator}” does not apply to text columns.`);
  }
}

function compileFilters(index, filters, search) {
  const items = (filters?.items ?? []).filter(isActive).map((item) => compileItem(index, item));
  const any = filters?.conjunction === "or";
  let pred = null;
  if (items.length === 1) pred = items[0];
  else if (items.length > 1) pred = any ? (r) => items.some((p) => p(r)) : (r) => items.every((p) => p(r));
  const needle = String(search ?? "").trim().toLowerCase();
  if (!needle) return pred;
  const fields = [...index.dataKeys.map((k) => `tasks:data.${k}`), ...SEARCHED.filter((f) => index.columns[f])];
  const texts = fields.map((f) => lowerText(index, f));
  const ids = index.ids;
  const found = (r) => String(ids[r]) === needle || texts.some((t) => t[r].includes(needle));
  return pred ? (r) => pred(r) && found(r) : found;
}

/** Sort keys for a column: numbers as they are (empty last), text lower-cased. */
function sorter(index, field, desc) {
  const col = index.columns[field] ?? index.columns["tasks:id"];
  const ids = index.ids;
  const dir = desc ? -1 : 1;
  if (col instanceof Float64Array || col instanceof Uint8Array) {
    return (a, b) => {
      const x = col[a], y = col[b], nx = x !== x, ny = y !== y;
      if (nx || ny) return nx === ny ? ids[a] - ids[b] : nx ? 1 : -1;
      return (x - y) * dir || (ids[a] - ids[b]) * dir;
    };
  }
  const text = lowerText(index, field);
  return (a, b) => {
    const x = text[a], y = text[b];
    if (!x || !y) return !x === !y ? ids[a] - ids[b] : !x ? 1 : -1;
    return (x < y ? -dir : x > y ? dir : 0) || (ids[a] - ids[b]) * dir;
  };
}

/** The rows of `index` that pass the filters and search, in the view's order. */
export function queryIndex(index, { filters, ordering, search } = {}) {
  const pred = compileFilters(index, filters, search);
  let rows;
  if (!pred) {
    rows = new Uint32Array(index.size);
    for (let r = 0; r < index.size; r++) rows[r] = r;
  } else {
    const tmp = new Uint32Array(index.size);
    let k = 0;
    for (let r = 0; r < index.size; r++) if (pred(r)) tmp[k++] = r;
    rows = tmp.slice(0, k);
  }
  const order = ordering?.[0];
  if (order && order !== "tasks:id") {
    const desc = order.startsWith("-");
    const field = desc ? order.slice(1) : order;
    if (field === "tasks:id") rows.reverse();
    else rows.sort(sorter(index, field, desc));
  }
  return rows;
}

/** Task ids of some rows. */
export function idsOfRows(index, rows) {
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = index.ids[rows[i]];
  return out;
}

