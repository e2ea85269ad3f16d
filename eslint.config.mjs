// ESLint for the edition's scripts (docs/assets/*.js, scripts/livereload.js), run by
// tests/unit/test_javascript.py.
// The dialect: ES2020 classic scripts, loaded deferred after the theme's bundle (and the
// search worker, a classic worker script); each file is one IIFE in strict mode, with
// const/let and arrow-function callbacks.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    files: ["docs/assets/**/*.js", "scripts/livereload.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        document$: "readonly",  // Material for MkDocs: an observable of each page load
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      ...js.configs.recommended.rules,
      strict: ["error", "function"],  // "use strict" at the top of each file's IIFE
      "no-var": "error",
      "prefer-const": "error",
      "prefer-arrow-callback": "error",
      eqeqeq: "error",
    },
  },
];
