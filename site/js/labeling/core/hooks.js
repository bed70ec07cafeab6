// Preact glue for the region store.
import { useEffect, useReducer } from "../../lib/html.js";

/** Re-render the calling component on every change of `store`; returns its state. */
export function useStore(store) {
  const [, bump] = useReducer((n) => n + 1, 0);
  useEffect(() => store.subscribe(() => bump()), [store]);
  return store.getState();
}
