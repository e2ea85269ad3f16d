// Run a search engine over the edition's index and the reader's queries; print what it finds.
//
//   node scripts/search_engines.mjs ENGINE FILE INDEX QUERIES
//
// ENGINE is "worker" (the edition's search worker, FILE its script), "theme-worker" (Material
// for MkDocs' own lunr worker, FILE its script, handed the same entries as HTML, each boosted
// by its kind) or "minisearch" (FILE the MiniSearch module, the same entries and boosts, with
// fuzzy and prefix matching, all words first). INDEX is the site's search/search_index.json,
// QUERIES a JSON list of {query}. Prints JSON: the time to set the engine up, and for each
// query its time and first result (location, snippet).
// Used by scripts/bench.py, which compares the engines on tests/data/search-queries.yml.
import fs from "node:fs";
import vm from "node:vm";

const [engineName, file, indexFile, queriesFile] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const KIND_BOOST = { paper: 8, bibliography: 4, apparatus: 2, edition: 1 };

// A web worker's script, run in a context of its own, spoken to as the theme speaks to it.
function workerEngine(script, data) {
  const listeners = [];
  const answers = [];
  const context = {
    addEventListener: (type, listener) => listeners.push(listener),
    postMessage: (message) => answers.push(message),
    console,
    URLSearchParams,
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(script, "utf8"), context);
  const send = async (message) => {
    for (const listener of listeners) await listener({ data: message });
    await new Promise((resolve) => setTimeout(resolve, 0));
    return answers.pop();
  };
  return {
    setup: () => send({ type: 0, data: { ...data, options: { suggest: true } } }),
    async search(query) {
      const answer = await send({ type: 2, data: query });
      const group = answer.data.items[0] || [];
      const best = group.filter((doc) => doc.location.includes("#"))
        .sort((a, b) => b.score - a.score)[0];
      return best && { location: best.location, text: best.text };
    },
  };
}

// The theme's worker reads HTML text and boosts a document by its `boost`.
function forTheTheme(data) {
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  return {
    config: data.config,
    docs: data.docs.map((doc) => (doc.kind
      ? { ...doc, text: escape(doc.text), boost: KIND_BOOST[doc.kind] }
      : doc)),
  };
}

async function miniSearchEngine(module, data) {
  const { default: MiniSearch } = await import(module);
  let engine = null;
  return {
    setup() {
      engine = new MiniSearch({ fields: ["title", "text"], storeFields: ["text", "kind"],
        idField: "location" });
      engine.addAll(data.docs.filter((doc) => doc.location.includes("#")));
    },
    search(query) {
      const options = { fuzzy: 0.2, prefix: true,
        boostDocument: (id, term, stored) => KIND_BOOST[stored.kind] || 1 };
      const plain = query.replace(/"/g, " ");
      let found = engine.search(plain, { ...options, combineWith: "AND" });
      if (!found.length) found = engine.search(plain, options);
      return found[0] && { location: found[0].id, text: found[0].text };
    },
  };
}

const engine = engineName === "minisearch"
  ? await miniSearchEngine(file, index)
  : workerEngine(file, engineName === "theme-worker" ? forTheTheme(index) : index);
let started = performance.now();
await engine.setup();
const setup = performance.now() - started;
const results = [];
for (const { query } of queries) {
  started = performance.now();
  const first = await engine.search(query);
  results.push({ query, ms: performance.now() - started, first: first || null });
}
console.log(JSON.stringify({ setup, results }));
