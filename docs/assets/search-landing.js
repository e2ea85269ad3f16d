/* Search lands on the passage, with the words found highlighted and on screen.

   The results come from the edition's search worker (search-worker.js):
   - each page's own result, the heading of its group, opens the group's best
     passage rather than the top of the page;
   - the line above the results counts them in the reader's terms ("3 passages
     in 2 sections"), from the worker's count, announced by the search-on-demand
     partial as the event "edition:search-result".
   A page opened from a result (?h=words) loads search-highlight.js, which
   marks the words found; other pages are sent without it. */
(function () {
  "use strict";


  // The group headings open their best passage.
  function pointHeadingsAtPassages(results) {
    for (const group of results.querySelectorAll(".md-search-result__item")) {
      const [heading, best] = group.querySelectorAll("a.md-search-result__link");
      if (best && !new URL(heading.href).hash) heading.href = best.href;
    }
  }

  const results = document.querySelector(".md-search-result__list");
  if (results) {
    new MutationObserver(() => pointHeadingsAtPassages(results))
      .observe(results, { childList: true, subtree: true });
  }

  document.addEventListener("edition:search-result", (event) => {
    const meta = document.querySelector(".md-search-result__meta");
    const input = document.querySelector(".md-search__input");
    const found = event.detail || {};
    if (!meta || !found.summary || !input || found.query !== input.value) return;
    meta.textContent = found.summary;
  });

  // Only a page opened from a result has words to mark: only it fetches the script that does.
  if (new URL(location.href).searchParams.getAll("h").some((words) => words.trim())) {
    const script = document.createElement("script");
    script.src = new URL("search-highlight.js", document.currentScript.src).href;
    document.head.append(script);
  }
})();
