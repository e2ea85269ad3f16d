/* Citing: the copy buttons of "Cite this", and copies of the text that keep
   only the author's words. The ¶ menu is paragraph-menu.js, sent with the
   section pages; the citation of a selected passage is passage-cite.js,
   fetched when the reader first selects some of the text. Without JavaScript
   the citations stay selectable text and the ¶ stays a plain link. */
(function () {
  "use strict";

  const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  const script = document.currentScript;

  // Put `text` (and, where the browser allows, `html`) on the clipboard.
  function copyText(text, html) {
    if (navigator.clipboard && window.isSecureContext) {
      const rich = html && window.ClipboardItem
        ? navigator.clipboard.write([new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([html], { type: "text/html" })
        })])
        : navigator.clipboard.writeText(text);
      return rich.catch(() => copyWithSelection(text));
    }
    return copyWithSelection(text);
  }

  function copyWithSelection(text) {
    return new Promise((resolve, reject) => {
      const focused = document.activeElement;
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let done = false;
      try {
        done = document.execCommand("copy");
      } catch {
        done = false;
      }
      document.body.removeChild(area);
      if (focused && focused.focus) focused.focus();
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  // Say the outcome in a live region (cleared first so a repeat is read again).
  function announce(region, message) {
    if (!region) return;
    region.textContent = "";
    window.setTimeout(() => { region.textContent = message; }, 50);
  }

  function copyAndAnnounce(text, region, what, html) {
    return copyText(text, html).then(
      () => { announce(region, "Copied" + (what ? ": " + what : "")); },
      () => { announce(region, "Could not copy; select the text and copy it"); }
    );
  }

  function absolute(address) {
    return new URL(address, window.location.href).href;
  }

  // Built without the site's address, a citation names the address the reader has open.
  function showAddresses() {
    document.querySelectorAll("[data-cite-address]").forEach((element) => {
      element.textContent = absolute(element.getAttribute("data-cite-address"));
    });
  }

  // "Cite this": each button copies the text of the element it names, looked for in the
  // block the edition made (a heading of the page may have the same id), and says so
  // beside itself (the status that follows it), where the reader is looking.
  function setUpCiteThis(block) {
    block.addEventListener("click", (event) => {
      const button = event.target.closest("[data-cite-copy]");
      if (!button) return;
      const source = block.querySelector("#" + CSS.escape(button.getAttribute("data-cite-copy")));
      if (!source) return;
      const status = button.nextElementSibling;
      block.querySelectorAll(".cite-this__status").forEach((other) => {
        if (other !== status) other.textContent = "";
      });
      const what = button.getAttribute("aria-label").replace(/^Copy /, "");
      copyAndAnnounce(source.textContent.trim(), status, what);
    });
  }

  // The page's public address: the canonical link, else this address.
  function pageAddress() {
    const canonical = document.querySelector('link[rel="canonical"]');
    const address = canonical ? canonical.href : window.location.href;
    return address.split("#")[0];
  }

  // The author's words of a selection: without the edition's controls and marks, each
  // note number a superscript as the paper prints it (or, for `notes: "digits"`, as the
  // page's text has it, which is what a text fragment must match).
  function authorsWords(range, notes) {
    const box = document.createElement("div");
    box.appendChild(range.cloneContents());
    box.querySelectorAll(".edition-added, .headerlink, .footnote-backref, script").forEach((element) => {
      element.remove();
    });
    box.querySelectorAll("[id]").forEach((element) => { element.removeAttribute("id"); });
    if (notes !== "digits") {
      box.querySelectorAll('sup a[href^="#fn:"]').forEach((note) => {
        const number = note.textContent.replace(/\d/g, (digit) => SUPERSCRIPTS[digit]);
        note.closest("sup").replaceWith(number);
      });
    }
    const html = box.innerHTML;
    box.style.cssText = "position:fixed;left:-100000px;top:0;width:40em";
    document.body.appendChild(box); // innerText follows the layout: paragraphs stay apart
    const text = box.innerText.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
    box.remove();
    return { text, html };
  }

  function selectionIn(article) {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    const common = range.commonAncestorContainer;
    const element = common.nodeType === 1 ? common : common.parentElement;
    if (!article.contains(element) || element.closest(".edition-added, pre, code")) return null;
    return range;
  }

  // A copy of the text gives the author's words, not the edition's ¶ or marks.
  function setUpCopy(article) {
    document.addEventListener("copy", (event) => {
      const range = selectionIn(article);
      if (!range || !event.clipboardData) return;
      const words = authorsWords(range);
      event.clipboardData.setData("text/plain", words.text);
      event.clipboardData.setData("text/html", words.html);
      event.preventDefault();
    });
  }

  // "Cite this passage" (passage-cite.js) is fetched when the reader first selects the text.
  function loadPassageCitation(article) {
    const source = script && script.src;
    if (!source) return;
    const load = () => {
      const range = selectionIn(article);
      if (!range || !range.toString().trim()) return;
      document.removeEventListener("selectionchange", load);
      const element = document.createElement("script");
      element.src = source.replace(/cite\.js(?=[?#]|$)/, "passage-cite.js");
      document.head.appendChild(element);
    };
    document.addEventListener("selectionchange", load);
  }

  function setUp() {
    const blocks = document.querySelectorAll(".cite-this");
    if (!blocks.length || document.body.hasAttribute("data-cite-ready")) return;
    document.body.setAttribute("data-cite-ready", "");
    showAddresses();
    blocks.forEach(setUpCiteThis);
    const article = document.querySelector("article");
    // What paragraph-menu.js and passage-cite.js take from this script.
    window.editionCite = { article, absolute, authorsWords, copyAndAnnounce, pageAddress, selectionIn };
    if (article) {
      setUpCopy(article);
      loadPassageCitation(article);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
