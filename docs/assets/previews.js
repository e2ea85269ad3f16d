/* What opens from the text, in place: a glossary abbreviation's expansion, and a
   note's preview where the notes have no room in the margin (margin-notes.js).
   Both are placed below what opened them, or above it in the lower half of the
   screen, never past either side, so that a phone never scrolls sideways; both are
   set up by listeners on the document: nothing is done per abbreviation or per
   marker at load (a long section has 72 abbreviations).

   - An abbreviation's expansion opens on hover and on keyboard focus (an
     abbreviation is a stop of the Tab key at its first use in a section), in one
     tooltip for the page, made on first use; Escape closes it (WCAG 1.4.13).
   - A note's marker opens a preview of the note on hover, on keyboard focus and on
     a tap. The preview is put in the text right after its marker, so that Tab goes
     from the marker into the note's links and on to the text after it; Escape
     closes it and gives focus back to the marker; a tap outside it, or its close
     button, closes it; its "All notes" link leads to the note in the list at the
     end, which every marker still links to. */
(function () {
  "use strict";

  const EDGE = 8;  // px between what opens and the edges of the screen
  const GAP = 4;  // px between an abbreviation and its expansion, bridged in the CSS
  const LIFT = 6;  // px between a marker and its preview
  const HOVER_GRACE = 300;  // ms the pointer has to cross from a marker onto its preview

  function within(element, node) {
    return element instanceof Element && node instanceof Node && element.contains(node);
  }

  function make(tag, className, text) {
    const element = document.createElement(tag);
    element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function placeBeside(element, anchor, gap) {
    const screenWidth = document.documentElement.clientWidth;
    element.style.left = "0px";
    element.style.top = "0px";
    const { width, height } = element.getBoundingClientRect();  // offsetWidth rounds
    const host = (element.offsetParent || document.body).getBoundingClientRect();
    const box = anchor.getBoundingClientRect();
    const left = Math.max(EDGE, Math.min(box.left + box.width / 2 - width / 2,
                                         screenWidth - EDGE - width));
    const below = box.top + box.height / 2 < document.documentElement.clientHeight / 2;
    const top = below ? box.bottom + gap : box.top - gap - height;
    element.style.left = left - host.left + "px";
    element.style.top = top - host.top + "px";
  }

  // --- An abbreviation's expansion ---------------------------------------------------

  let tooltip = null;
  let shown = null;  // the abbreviation whose expansion the tooltip shows

  function abbreviationAt(target) {
    const abbr = target instanceof Element ? target.closest("abbr") : null;
    if (!abbr || !abbr.closest(".md-typeset")) return null;
    return abbr === shown || abbr.getAttribute("title") ? abbr : null;
  }

  function createTooltip() {
    const element = make("div", "glossary-tooltip");
    element.setAttribute("role", "tooltip");
    element.id = "glossary-tooltip";
    element.hidden = true;
    document.body.append(element);
    return element;
  }

  function showExpansion(abbr) {
    if (abbr === shown) return;
    hideExpansion();
    tooltip = tooltip || createTooltip();
    const expansion = abbr.getAttribute("title");
    tooltip.textContent = expansion;
    // The title moves aside so that the browser's own tooltip does not also open.
    abbr.setAttribute("data-title", expansion);
    abbr.removeAttribute("title");
    abbr.setAttribute("aria-describedby", tooltip.id);
    tooltip.hidden = false;
    const room = document.documentElement.clientWidth - 2 * EDGE;
    tooltip.style.maxWidth = "";
    tooltip.style.left = "0px";
    if (tooltip.offsetWidth > room) tooltip.style.maxWidth = room + "px";  // 100vw counts a scrollbar
    placeBeside(tooltip, abbr, GAP);
    shown = abbr;
  }

  function hideExpansion() {
    if (!shown) return;
    shown.setAttribute("title", shown.getAttribute("data-title"));
    shown.removeAttribute("data-title");
    shown.removeAttribute("aria-describedby");
    tooltip.hidden = true;
    shown = null;
  }

  // --- A note's preview --------------------------------------------------------------

  const article = document.querySelector("article.md-content__inner");
  const markers = article ? [...article.querySelectorAll("a.footnote-ref[href^='#fn:']")] : [];
  let preview = null;
  let owner = null;  // the marker whose note the preview shows
  let lastPointer = "mouse";  // the kind of pointer that last pressed: mouse, touch or pen
  let returning = false;  // focus is being given back to a marker
  let closing = 0;

  // The notes stand in the margin: nothing to open.
  function inMargin() {
    return article.classList.contains("has-margin-notes");
  }

  function markerAt(target) {
    const marker = target instanceof Element ? target.closest("a.footnote-ref") : null;
    return marker && markers.includes(marker) ? marker : null;
  }

  // The note's content, without ids (they stay the list's) or its back-links.
  function copyOfNote(marker, number) {
    const note = document.getElementById(marker.hash.slice(1));
    const copy = make("span", "note-preview__body");
    if (!note) return copy;
    for (const child of note.children) copy.append(child.cloneNode(true));
    copy.querySelectorAll(".footnote-backref, .editor-note-back").forEach((link) => link.remove());
    copy.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
    // An abbreviation is a stop of the Tab key at its first use in the text, not in a copy.
    copy.querySelectorAll("abbr[tabindex]").forEach((abbr) => abbr.removeAttribute("tabindex"));
    (copy.querySelector("p") || copy).prepend(make("span", "note-preview__number", number + ". "));
    return copy;
  }

  function makePreview(marker) {
    const number = marker.textContent.trim();
    const element = make("span", "note-preview edition-added");
    element.id = "note-preview";
    element.setAttribute("role", "dialog");
    element.setAttribute("aria-label", "Preview of note " + number);
    element.tabIndex = -1;
    const list = make("a", "note-preview__list", "All notes");
    list.href = marker.getAttribute("href");
    list.setAttribute("aria-label", "All notes, at note " + number);
    const close = make("button", "note-preview__close", "Close");
    close.type = "button";
    close.setAttribute("aria-label", "Close the preview of note " + number);
    close.addEventListener("click", () => closePreview(true));
    const actions = make("span", "note-preview__actions");
    actions.append(list, close);
    element.append(copyOfNote(marker, number), actions);
    return element;
  }

  function placePreview() {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const room = document.documentElement.clientWidth - 2 * EDGE;
    preview.style.width = Math.min(20 * rem, room) + "px";  // the style sheet's max-width
    placeBeside(preview, owner, LIFT);
  }

  function openPreview(marker, focus) {
    if (inMargin()) return;
    if (owner !== marker) {
      closePreview(false);
      owner = marker;
      preview = makePreview(marker);
      (marker.closest("sup") || marker).after(preview);
      marker.setAttribute("aria-expanded", "true");
      placePreview();
    }
    if (focus) preview.focus({ preventScroll: true });
  }

  // Focus goes back to the marker before the preview goes, so that it is never lost
  // to the page; the marker's focus then does not open the preview again.
  function closePreview(returnFocus) {
    if (!preview) return;
    const marker = owner;
    const element = preview;
    preview = null;
    owner = null;
    marker.setAttribute("aria-expanded", "false");
    if (returnFocus) {
      returning = true;
      marker.focus();
      returning = false;
    }
    element.remove();
  }

  // A preview opened by the pointer may be crossed onto (WCAG 1.4.13, hoverable): it
  // closes a moment after the pointer leaves both it and its marker, unless it comes
  // back; one that holds the focus stays until the focus leaves it.
  function closeSoon() {
    window.clearTimeout(closing);
    closing = window.setTimeout(() => {
      if (!within(preview, document.activeElement) && document.activeElement !== owner) {
        closePreview(false);
      }
    }, HOVER_GRACE);
  }

  // --- Listening, once for the page ----------------------------------------------------

  document.addEventListener("pointerdown", (event) => {
    lastPointer = event.pointerType || "mouse";
    if (preview && !within(preview, event.target) && !within(owner, event.target)) {
      closePreview(false);  // a tap or click outside the preview closes it
    }
  });

  document.addEventListener("mouseover", (event) => {
    const abbr = abbreviationAt(event.target);
    if (abbr) showExpansion(abbr);
    if (within(preview, event.target)) window.clearTimeout(closing);
    const marker = markerAt(event.target);
    if (!marker || lastPointer !== "mouse") return;
    window.clearTimeout(closing);
    openPreview(marker, false);
  });

  // The pointer may move from an abbreviation onto its expansion (WCAG 1.4.13,
  // hoverable); a focused abbreviation keeps its expansion until focus leaves.
  document.addEventListener("mouseout", (event) => {
    const from = event.target;
    const to = event.relatedTarget;
    if (shown && (within(shown, from) || within(tooltip, from)) && !within(shown, to)
        && !within(tooltip, to) && shown !== document.activeElement) {
      hideExpansion();
    }
    if (!preview || lastPointer !== "mouse") return;
    if (!(within(owner, from) || within(preview, from))) return;
    if (within(owner, to) || within(preview, to)) return;
    closeSoon();
  });

  document.addEventListener("focusin", (event) => {
    const abbr = abbreviationAt(event.target);
    if (abbr) showExpansion(abbr);
    const marker = markerAt(event.target);
    if (!marker || returning) return;
    if (lastPointer === "mouse" || marker.matches(":focus-visible")) openPreview(marker, false);
  });

  document.addEventListener("focusout", (event) => {
    if (shown && event.target === shown && !shown.matches(":hover") && !tooltip.matches(":hover")) {
      hideExpansion();
    }
    if (!preview || !(event.target === owner || within(preview, event.target))) return;
    const next = event.relatedTarget;
    if (within(preview, next) || next === owner) return;
    if (next === null && (owner.matches(":hover") || preview.matches(":hover"))) return;
    closePreview(false);
  });

  // A tap opens the note in place instead of leaving for the list; a click or Enter
  // still follows the marker's link to the note in the list.
  document.addEventListener("click", (event) => {
    const marker = markerAt(event.target);
    if (!marker || inMargin() || lastPointer === "mouse" || event.detail === 0) return;
    event.preventDefault();
    openPreview(marker, true);
  });

  // Escape closes what is open (an expansion leaves focus where it is).
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    hideExpansion();
    if (!preview) return;
    const inside = within(preview, document.activeElement) || document.activeElement === owner;
    closePreview(inside || lastPointer !== "mouse");
  });

  window.addEventListener("resize", () => {
    if (preview && inMargin()) closePreview(false);
    else if (preview) placePreview();
  });

  // Following a link elsewhere in the page (the preview's "All notes" among them)
  // leaves the preview behind.
  window.addEventListener("hashchange", () => closePreview(false));
})();
