/* Citing: the copy buttons of "Cite this", and the ¶ menu that copies a
   paragraph's link or citation. Without JavaScript the citations stay
   selectable text and the ¶ stays a plain link. */
(function () {
  "use strict";

  // Put `text` on the clipboard: the Clipboard API, else a hidden textarea.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(() => copyWithSelection(text));
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

  function copyAndAnnounce(text, region, what) {
    return copyText(text).then(
      () => { announce(region, "Copied" + (what ? ": " + what : "")); },
      () => { announce(region, "Could not copy; select the text and copy it"); }
    );
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

  // The ¶ menu: opens when a paragraph's ¶ link is followed, offers two copies.
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
      const citation = stem + ", \u00b6 " + number + ".";
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
      const link = event.target.closest && event.target.closest("a.paragraph-link");
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
    document.querySelectorAll("a.paragraph-link").forEach((link) => {
      link.setAttribute("aria-expanded", "false");
    });
  }

  function setUp() {
    const block = document.querySelector("section.cite-this[data-paragraph-citation]");
    if (!block || block.hasAttribute("data-cite-ready")) return;
    block.setAttribute("data-cite-ready", "");
    setUpCiteThis(block);
    setUpParagraphMenu(block);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
