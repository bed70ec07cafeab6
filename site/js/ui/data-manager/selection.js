// Selection in the Data Manager: picked rows, or all rows of the query but some (Label Studio's
// {all, included, excluded}). A new query (filters, order, search, tab) starts with nothing selected.
import { useEffect, useState } from "../../lib/html.js";
import { idsOfRows } from "../../store/task-index.js";

const none = () => ({ all: false, included: new Set(), excluded: new Set() });

export function useSelection(rows, index, queryKey) {
  const [sel, setSel] = useState(none);
  useEffect(() => { setSel(none()); }, [queryKey]);
  const count = sel.all ? rows.length - sel.excluded.size : sel.included.size;
  const has = (id) => (sel.all ? !sel.excluded.has(id) : sel.included.has(id));
  const toggle = (id) => setSel((s) => {
    const key = s.all ? "excluded" : "included";
    const next = new Set(s[key]);
    if (next.has(id)) next.delete(id); else next.add(id);
    return { ...s, [key]: next };
  });
  return {
    count,
    has,
    toggle,
    header: count === 0 ? "none" : count === rows.length ? "all" : "some",
    toggleAll: () => setSel(count > 0 ? none() : { all: true, included: new Set(), excluded: new Set() }),
    clear: () => setSel(none()),
    scope: sel,
    /** The selected task ids, in the table's order. */
    ids: () => (index ? idsOfRows(index, rows).filter(has) : []),
  };
}
