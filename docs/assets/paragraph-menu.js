/* The ¶ menu of a section page: following a paragraph's ¶ link opens it,
   offering to copy the paragraph's link or its citation (the section's, with
   "¶ 7" and the link). Runs after cite.js, whose copying it uses. Without
   JavaScript the ¶ stays a plain link to the paragraph. */
(function () {
  "use strict";

  const cite = window.editionCite;
  const block = document.querySelector(".cite-this[data-paragraph-citation]:not([data-cite-section])");
  if (!cite || !block) return;
  const { copyAndAnnounce, pageAddress } = cite;

  function setUpParagraphMenu(block) {
    const stem = block.getAttribute("data-paragraph-citation");
    if (!stem) return;
    let menu = null;
    let owner = null;

    function close(returnFocus) {
      if (!menu) return;
      const link = owner;
      menu.remove();
      menu = null;
      owner = null;
      link.setAttribute("aria-expanded", "false");
      if (returnFocus) link.focus();
    }

    function button(label, onActivate) {
      const element = document.createElement("button");
      element.type = "button";
      element.className = "paragraph-cite__button";
      element.textContent = label;
      element.addEventListener("click", onActivate);
      return element;
    }

    function open(link) {
      const number = link.getAttribute("href").replace(/^#p-/, "");
      const paragraphLink = pageAddress() + "#p-" + number;
      const citation = stem + ", \u00b6 " + number + ", " + paragraphLink + ".";
      menu = document.createElement("span");
      menu.className = "paragraph-cite edition-added";
      menu.id = "paragraph-cite";
      menu.setAttribute("role", "group");
      menu.setAttribute("aria-label", "Cite paragraph " + number);
      const status = document.createElement("span");
      status.className = "paragraph-cite__status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      menu.appendChild(button("Copy link", () => {
        copyAndAnnounce(paragraphLink, status, "link to paragraph " + number);
      }));
      menu.appendChild(button("Copy citation", () => {
        copyAndAnnounce(citation, status, "citation of paragraph " + number);
      }));
      menu.appendChild(status);
      menu.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close(true);
        }
      });
      menu.addEventListener("focusout", (event) => {
        if (menu && event.relatedTarget && !menu.contains(event.relatedTarget)) close(false);
      });
      link.after(menu);
      owner = link;
      link.setAttribute("aria-controls", menu.id);
      link.setAttribute("aria-expanded", "true");
      // After the browser has followed the link, which moves the focus to its target.
      const first = menu.querySelector("button");
      window.setTimeout(() => { first.focus({ preventScroll: true }); }, 0);
    }

    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest('a.paragraph-link[href^="#p-"]');
      if (link) {
        // A plain activation: the browser still follows the link to #p-N.
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const same = owner === link;
        close(false);
        if (!same) open(link);
        return;
      }
      if (menu && !menu.contains(event.target)) close(false);
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu) close(true);
    });
    document.querySelectorAll('a.paragraph-link[href^="#p-"]').forEach((link) => {
      link.setAttribute("aria-expanded", "false");
    });
  }

  setUpParagraphMenu(block);
})();
