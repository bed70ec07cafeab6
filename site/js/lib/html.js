// Preact + htm: components without a bundler. Everything UI imports its view layer from here.
import { h, render, Fragment, createContext } from "../../vendor/preact.mjs";
import htm from "../../vendor/htm.mjs";

export { h, render, Fragment, createContext };
export {
  useState, useEffect, useMemo, useCallback, useRef, useContext, useReducer, useLayoutEffect, useId,
} from "../../vendor/preact-hooks.mjs";
export const html = htm.bind(h);
