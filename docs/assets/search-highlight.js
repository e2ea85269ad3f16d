/* The words of a search marked on the page opened from its result (?h=words).

   Fetched on such a page only, once its deferred scripts have run
   (edition/theme/partials/javascripts/search-on-demand.html). It marks the words
   wherever they stand in the article, once per stretch of words found, as
   whole words only ("sea", never inside "searched"), and brings the first one
   in the passage it was opened at (#p-7) on screen. */
(function () {
  "use strict";

  const BLOCKS = "p, li, dt, dd, h1, h2, h3, h4, h5, h6, td, th, blockquote, figcaption, aside, div";
  const NOT_TEXT = "script, style, .headerlink, .paragraph-link, .footnote-backref";
  const LETTER = "[\\p{L}\\p{N}]";

  // A pattern for a stretch of words, found as whole words, any case, any spacing.
  function wordsPattern(words) {
    const escaped = words.trim().split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("\\s+");
    return `(?<!${LETTER})${escaped}(?!${LETTER})`;
  }

  // Mark every occurrence of the words in `root`, across inline elements (abbr, a, em).
  function highlight(root, stretches) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(NOT_TEXT)
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const pieces = [];
    let text = "";
    let block = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const nodeBlock = node.parentElement.closest(BLOCKS);
      if (nodeBlock !== block) text += "\u0000"; // no match runs from one block to the next
      block = nodeBlock;
      pieces.push({ node, start: text.length });
      text += node.data;
    }
    const pattern = new RegExp(stretches.map(wordsPattern).join("|"), "giu");
    const ranges = [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
    for (let index = pieces.length - 1; index >= 0; index -= 1) {
      const { node, start } = pieces[index];
      const end = start + node.data.length;
      const inside = ranges.filter(([from, to]) => from < end && to > start).reverse();
      for (const [from, to] of inside) {
        const range = document.createRange();
        range.setStart(node, Math.max(from, start) - start);
        range.setEnd(node, Math.min(to, end) - start);
        const mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        range.surroundContents(mark);
      }
    }
  }

  function onScreen(element) {
    const box = element.getBoundingClientRect();
    const header = document.querySelector(".md-header");
    const top = header ? header.getBoundingClientRect().bottom : 0;
    return box.top >= top && box.bottom <= innerHeight;
  }

  document$.subscribe(() => {
    const url = new URL(location.href);
    const stretches = url.searchParams.getAll("h").filter((words) => words.trim());
    const article = document.querySelector(".md-content article");
    if (!stretches.length || !article || article.querySelector("mark[data-md-highlight]")) return;
    highlight(article, stretches);
    const target = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
    // The first mark in the passage opened, or after the heading opened, or on the page.
    const marks = [...article.querySelectorAll("mark[data-md-highlight]")];
    const reveal = () => {
      const mark = (target && marks.find((found) => target.contains(found) ||
        target.compareDocumentPosition(found) & Node.DOCUMENT_POSITION_FOLLOWING)) || marks[0];
      if (mark && !onScreen(mark)) mark.scrollIntoView({ block: "center" });
    };
    reveal();
    // The browser scrolls to the passage once the page has loaded: look again then.
    if (document.readyState !== "complete") addEventListener("load", reveal, { once: true });
  });
})();
