/* "Cite this passage": offered beside a selection of the paper's text, it
   copies the quotation (the author's words as printed), its citation with
   the paragraph's number, and a link that opens the page at the passage,
   highlighted: a text fragment behind the paragraph's anchor,
   #p-7:~:text=start,end. Fetched by cite.js when the reader first selects
   some of the text, and run with what cite.js hands it. */
(function () {
  "use strict";

  const cite = window.editionCite;
  if (!cite) return;
  const { absolute, authorsWords, copyAndAnnounce, pageAddress, selectionIn } = cite;
  const PARAGRAPH_ID = /^(?:([\w-]+)-)?p-(\d+)$/;

  function paragraphOf(node) {
    const element = node.nodeType === 1 ? node : node.parentElement;
    const paragraph = element && element.closest("p[id], li[id]");
    const found = paragraph && PARAGRAPH_ID.exec(paragraph.id);
    return found ? { section: found[1] || "", number: Number(found[2]) } : null;
  }

  // The section a passage is in: its citation's stem and its page's address.
  function sectionOf(key) {
    if (!key) {
      const block = document.querySelector(".cite-this[data-paragraph-citation]:not([data-cite-section])");
      const stem = block && block.getAttribute("data-paragraph-citation");
      return stem ? { stem, address: pageAddress() } : null;
    }
    const block = document.querySelector('[data-cite-section="' + key + '"]');
    return block && {
      stem: block.getAttribute("data-paragraph-citation"),
      address: absolute(block.getAttribute("data-section-address")).split("#")[0]
    };
  }

  const squeeze = (text) => text.replace(/\s+/g, " ").trim();
  const term = (words) => encodeURIComponent(words.join(" ")).replace(/-/g, "%2D");

  // Whether a boundary of the selection falls inside a word of a text node.
  function cutsWord(node, offset) {
    if (node.nodeType !== 3 || offset === 0 || offset === node.length) return false;
    return /\w/.test(node.data[offset - 1]) && /\w/.test(node.data[offset]);
  }

  // A text fragment (#:~:text=start,end) that the browser finds at the passage, not before it.
  function textFragment(range, text) {
    const before = document.createRange();
    before.setStart(document.body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const preceding = squeeze(before.toString()).toLowerCase();
    let words = squeeze(text).split(" ");
    // A word cut by the selection cannot match: the fragment starts and ends at whole words.
    if (cutsWord(range.startContainer, range.startOffset) && words.length > 1) words = words.slice(1);
    if (cutsWord(range.endContainer, range.endOffset) && words.length > 1) words = words.slice(0, -1);
    const passage = words.join(" ").toLowerCase();
    const opening = (count) => words.slice(0, count).join(" ").toLowerCase();
    let start = Math.min(4, words.length);
    while (start < words.length && (preceding + " " + passage).indexOf(opening(start)) < preceding.length) {
      start += 1;
    }
    if (start >= words.length - 1) return term(words);
    let end = Math.min(4, words.length - start);
    const ending = () => words.slice(words.length - end).join(" ").toLowerCase();
    while (end < words.length - start
      && passage.indexOf(ending(), opening(start).length) !== passage.length - ending().length) {
      end += 1;
    }
    return term(words.slice(0, start)) + "," + term(words.slice(words.length - end));
  }

  function passageCitation(range) {
    const first = paragraphOf(range.startContainer);
    const last = paragraphOf(range.endContainer);
    if (!first || !last || first.section !== last.section) return null;
    const section = sectionOf(first.section);
    if (!section) return null;
    const quotation = authorsWords(range).text;
    if (!quotation) return null;
    const link = section.address + "#p-" + first.number + ":~:text="
      + textFragment(range, authorsWords(range, "digits").text);
    const where = first.number === last.number
      ? "\u00b6 " + first.number
      : "\u00b6\u00b6 " + first.number + "\u2013" + last.number;
    const citation = section.stem + ", " + where + ", " + link + ".";
    const escape = (text) => text.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
    return {
      text: "\u201c" + quotation + "\u201d\n\n" + citation,
      html: "<blockquote><p>" + escape(quotation).replace(/\n\n/g, "</p><p>") + "</p></blockquote><p>"
        + escape(section.stem + ", " + where + ", ") + '<a href="' + escape(link) + '">'
        + escape(link) + "</a>.</p>",
      where
    };
  }

  // "Cite this passage": offered beside a selection of the text, copies the quotation,
  // its citation and a link that opens the page at the passage, highlighted.
  function setUp(article) {
    const offer = document.createElement("span");
    offer.className = "passage-cite edition-added";
    offer.setAttribute("role", "group");
    offer.setAttribute("aria-label", "Cite the selected passage");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button passage-cite__button";
    button.textContent = "Cite this passage";
    const status = document.createElement("span");
    status.className = "passage-cite__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    offer.append(button, status);
    let chosen = null;

    button.addEventListener("mousedown", (event) => { event.preventDefault(); }); // keep the selection
    button.addEventListener("click", () => {
      const citation = chosen && passageCitation(chosen);
      if (citation) copyAndAnnounce(citation.text, status, "passage and its citation, " + citation.where, citation.html);
    });

    // Over a selection within the paper's paragraphs; gone with the selection.
    function place() {
      const range = selectionIn(article);
      const paragraph = range && paragraphOf(range.endContainer);
      if (!range || !paragraph || !paragraphOf(range.startContainer)) {
        if (!offer.contains(document.activeElement)) offer.remove();
        return;
      }
      chosen = range.cloneRange();
      const end = range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentElement;
      const host = end.closest("p[id], li[id]");
      if (offer.parentElement !== host) host.append(offer);
      status.textContent = "";
      // Just above the selection, which stays in view.
      const top = range.getBoundingClientRect().top - host.getBoundingClientRect().top;
      offer.style.top = (top - offer.offsetHeight - 4) + "px";
    }

    let pending = false;
    document.addEventListener("selectionchange", () => {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        place();
      });
    });
    place(); // the selection that had this script fetched
  }

  setUp(cite.article);
})();
