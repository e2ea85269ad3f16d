/* What the edition adds to the search results, fetched when search is first opened
   (edition/theme/partials/javascripts/search-on-demand.html).

   The results come from the edition's search worker (search-worker.js):
   - each page's own result, the heading of its group, opens the group's best
     passage rather than the top of the page;
   - the line above the results counts them in the reader's terms ("3 passages
     in 2 sections"), from the worker's count, announced by the search-on-demand
     partial as the event "edition:search-result" once this script has run. */
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

  function showSummary(found) {
    const meta = document.querySelector(".md-search-result__meta");
    const input = document.querySelector(".md-search__input");
    if (!meta || !found || !found.summary || !input || found.query !== input.value) return;
    meta.textContent = found.summary;
  }

  document.addEventListener("edition:search-result", (event) => showSummary(event.detail));
  if (results) pointHeadingsAtPassages(results);  // shown before this script arrived
})();
