// ESLint's flat config for Labelcore's JS: the site's ES modules (main thread and workers) and the
// scripts the browser tests evaluate in the page. Run by `python3 build.py test` / `lint` / `fmt`.
// js.configs.recommended plus rules that catch bugs; no layout rules, so the code keeps its style.
import js from "@eslint/js";
import globals from "globals";

const bugRules = {
  // A .map/.filter/.find callback that forgets to return.
  "array-callback-return": ["error", { allowImplicit: true }],
  // The same module imported twice (one of the imports is usually stale).
  "no-duplicate-imports": "error",
  // A value returned from a Promise executor resolves nothing.
  "no-promise-executor-return": "error",
  // "${x}" in a plain string where a template literal was meant.
  "no-template-curly-in-string": "error",
  "no-unmodified-loop-condition": "error",
  "no-unreachable-loop": "error",
  // A let/const read before its line runs throws (TDZ). Functions are hoisted, and a use inside
  // a function that runs later is fine, so only same-scope uses count.
  "no-use-before-define": ["error", { functions: false, classes: false, variables: false }],
  // Unused names; a leading _ marks one kept on purpose (a positional argument).
  "no-unused-vars": ["error", {
    args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_",
    caughtErrors: "none", ignoreRestSiblings: true,
  }],
  // == coerces ("0" == 0); `x == null` (null or undefined) stays allowed.
  eqeqeq: ["error", "smart"],
  // var's function scope leaks out of blocks; const says a binding is never reassigned.
  "no-var": "error",
  "prefer-const": ["error", { destructuring: "all" }],
};

export default [
  { ignores: ["dist/", ".*-staging/", "node_modules/", ".venv/", ".cache/"] },
  js.configs.recommended,
  {
    files: ["site/js/**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      // One set for every module: some run both in a page and in a worker.
      globals: { ...globals.browser, ...globals.worker },
    },
    rules: bugRules,
  },
  {
    // Function expressions that Playwright's page.evaluate runs in the page, where the app
    // exposes `labelcore`.
    files: ["tests/browser/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "script",
      globals: { ...globals.browser, labelcore: "readonly" },
    },
    rules: bugRules,
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
];
