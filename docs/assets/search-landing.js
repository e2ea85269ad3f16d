/* Search lands on the passage, not on the top of a long section.

   The index holds one entry per paragraph and note (hooks/search_paragraphs.py);
   each page's own entry keeps only its title, so the heading of a group of
   results would open the page at its top with nothing highlighted. Point that
   heading at the group's best passage instead. */
(function () {
  "use strict";

  const results = document.querySelector(".md-search-result__list");
  if (results) {
    new MutationObserver(() => {
      for (const group of results.querySelectorAll(".md-search-result__item")) {
        const [heading, best] = group.querySelectorAll("a.md-search-result__link");
        if (best && new URL(heading.href).searchParams.get("h") === "") heading.href = best.href;
      }
    }).observe(results, { childList: true, subtree: true });
  }

  // Opened at its top from a result (?h=...), a page shows its first match.
  document$.subscribe(() => {
    const url = new URL(location.href);
    if (!url.searchParams.get("h") || url.hash) return;
    const article = document.querySelector("article");
    if (!article) return;
    const show = () => {
      const mark = article.querySelector("mark");
      if (mark) mark.scrollIntoView({ block: "center" });
      return Boolean(mark);
    };
    if (show()) return;
    const observer = new MutationObserver(() => show() && observer.disconnect());
    observer.observe(article, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), 5000);
  });
})();
