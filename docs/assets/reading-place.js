/* Picking up where one left off. A section remembers, in this browser only
   (localStorage, never sent anywhere), the paragraph at the top of the screen
   as the reader scrolls. Coming back to the section, the reader is offered a
   way back to it; nothing moves until they ask. An address with a paragraph
   (#p-7) or a search's highlight (?h=) already says where to go: no offer then. */
(function () {
  "use strict";

  const FIRST_OFFERED = 3;  // going back to the first paragraphs is no help: they are in view
  const WORDS_SHOWN = 8;
  const article = document.querySelector("article.md-content__inner");
  const paragraphs = article ? [...article.querySelectorAll("[id^='p-']")] : [];
  if (!paragraphs.length) return;
  const key = "edition.reading-place:" + window.location.pathname;
  let storage = null;
  try {
    storage = window.localStorage;
    storage.getItem(key);
  } catch {
    return;  // storage refused (a private window, a setting): nothing is remembered
  }

  function headerBottom() {
    const header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function numberOf(paragraph) {
    return Number(paragraph.id.slice(2));
  }

  // The paragraph the reader is at: the first whose end is below the header.
  function paragraphAtTop() {
    const top = headerBottom();
    return paragraphs.find((paragraph) => paragraph.getBoundingClientRect().bottom > top + 1);
  }

  function remember() {
    const paragraph = paragraphAtTop();
    if (!paragraph) return;
    try {
      storage.setItem(key, JSON.stringify({ paragraph: numberOf(paragraph), saved: Date.now() }));
    } catch {
      // storage full or refused: the place is not kept
    }
  }

  function remembered() {
    try {
      const place = JSON.parse(storage.getItem(key) || "null");
      return place && Number.isInteger(place.paragraph) ? place.paragraph : null;
    } catch {
      return null;
    }
  }

  function firstWords(paragraph) {
    const words = [];
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(".edition-added, sup")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)
    });
    while (words.length <= WORDS_SHOWN && walker.nextNode()) {
      words.push(...walker.currentNode.textContent.split(/\s+/).filter(Boolean));
    }
    const shown = words.slice(0, WORDS_SHOWN).join(" ");
    return words.length > WORDS_SHOWN ? shown + "\u2026" : shown;
  }

  let offer = null;

  function dismiss() {
    if (!offer) return;
    offer.remove();
    offer = null;
  }

  function button(label, className, onActivate) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = label;
    element.addEventListener("click", onActivate);
    return element;
  }

  function makeOffer(paragraph) {
    const number = numberOf(paragraph);
    offer = document.createElement("div");
    offer.className = "reading-place edition-added";
    offer.setAttribute("role", "region");
    offer.setAttribute("aria-label", "Where you left off");
    const text = document.createElement("p");
    text.className = "reading-place__text";
    text.textContent = "You were reading \u00b6 " + number + ": \u201c" + firstWords(paragraph) + "\u201d";
    const actions = document.createElement("p");
    actions.className = "reading-place__actions";
    actions.append(
      button("Go to \u00b6 " + number, "md-button md-button--primary reading-place__go", () => {
        dismiss();
        window.location.hash = paragraph.id;
      }),
      button("Not now", "md-button reading-place__dismiss", dismiss)
    );
    offer.append(text, actions);
    offer.addEventListener("keydown", (event) => {
      if (event.key === "Escape") dismiss();
    });
    // Right after the title in the text's order: the keyboard meets it after the skip link.
    const title = article.querySelector("h1");
    if (title) title.after(offer);
    else article.prepend(offer);
  }

  const url = new URL(window.location.href);
  const place = remembered();
  const paragraph = place && document.getElementById("p-" + place);
  if (!url.hash && !url.searchParams.get("h") && paragraph && place >= FIRST_OFFERED) {
    makeOffer(paragraph);
  }

  // Remembered as the reader scrolls, a quarter of a second after they stop, and
  // as they leave, if they scrolled (a visit that only looked keeps the old place);
  // a reader who scrolls a screen on their own has chosen where to read.
  let pending = 0;
  let scrolled = false;
  const start = window.scrollY;
  window.addEventListener("scroll", () => {
    scrolled = true;
    window.clearTimeout(pending);
    pending = window.setTimeout(remember, 250);
    if (offer && Math.abs(window.scrollY - start) > window.innerHeight) dismiss();
  }, { passive: true });
  window.addEventListener("pagehide", () => {
    if (scrolled) remember();
  });
})();
