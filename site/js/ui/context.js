// What every screen may use: the core client and navigation. Provided once by App.
import { createContext, useContext } from "../lib/html.js";

export const AppContext = createContext(null);

/** {core, navigate(hash)} */
export const useApp = () => useContext(AppContext);
