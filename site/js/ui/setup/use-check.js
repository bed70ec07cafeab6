// Checking the config as it is typed: ~300 ms after the last keystroke the text goes to the
// worker (`config.validate` for every error and warning, then `config.parse` for the JSON form).
// Errors refuse the config; warnings (what Label Studio accepts but is probably a mistake) do
// not. Answers to older texts are dropped. While the core is still loading the request simply
// waits in its queue.
import { useEffect, useRef, useState } from "../../lib/html.js";

export const DEBOUNCE_MS = 300;

const EMPTY_ERROR = { type: "ConfigError", message: "The config is empty: pick a template, or write a <View> with an object tag and a control.", where: { line: 1, col: 1 } };

async function check(core, xml) {
  if (!xml.trim()) return { ok: false, errors: [EMPTY_ERROR], warnings: [], parsed: null, dataKeys: [] };
  const validated = await core.call("config.validate", { xml });
  const warnings = validated.warnings ?? [];
  if (!validated.ok) return { ok: false, errors: validated.errors, warnings, parsed: null, dataKeys: [] };
  const parsed = await core.call("config.parse", { xml });
  return { ok: true, errors: [], warnings, parsed: parsed.config, dataKeys: parsed.data_keys };
}

/**
 * {result, pending}: `result` is {xml, ok, errors, warnings, parsed, dataKeys} for the last text checked
 * (null before the first answer); `pending` is true while `xml` differs from `result.xml`.
 */
export function useConfigCheck(core, xml) {
  const [result, setResult] = useState(null);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      check(core, xml).then(
        (r) => mine === seq.current && setResult({ xml, ...r }),
        (err) => mine === seq.current && setResult({
          xml, ok: false, parsed: null, dataKeys: [], warnings: [],
          errors: [{ type: err.type ?? "Error", message: err.message ?? String(err), where: err.where ?? {} }],
        }),
      );
    }, result === null ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [core, xml]);
  return { result, pending: !result || result.xml !== xml };
}
