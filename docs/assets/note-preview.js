/* The paper's notes where the reader is: in the margin beside the paragraph that
   cites them, where the screen is wide enough, and otherwise in a preview that
   opens from the note's marker on hover, on keyboard focus and on a tap.

   The list of notes at the end of the page stays the notes' one place in the
   document: screen readers, print and search use it, and every marker still
   links to it. The margin and the previews show copies of its items:

   - Margin notes are decoration for the eye (aria-hidden, their links out of
     the tab order); each stands level with its marker, pushed down only as far
     as the note above it needs, and is laid out again whenever the text
     reflows.
   - A preview is put in the text right after its marker, so that Tab goes from
     the marker into the note's links and on to the text after it; Escape
     closes it and gives focus back to the marker; a tap outside it, or its
     close button, closes it; its "All notes" link leads to the list. */
(function () {
  "use strict";

  const MIN_MARGIN = 250;  // px: the narrowest margin a note may stand in (half the text's width)
  const NOTE_GAP = 12;  // px between two notes in the margin
  const EDGE = 8;  // px between a preview and the edges of the screen
  const LIFT = 6;  // px between a marker and its preview
  const HOVER_GRACE = 300;  // ms the pointer has to cross from a marker onto its preview

  const article = document.querySelector("article.md-content__inner");
  const markers = article ? [...article.querySelectorAll("a.footnote-ref[href^='#fn:']")] : [];
  if (!markers.length) return;

  function noteOf(marker) {
    return document.getElementById(decodeURIComponent(marker.hash.slice(1)));
  }

  function numberOf(marker) {
    return marker.textContent.trim();
  }

  // The note's content, without ids (they stay the list's) or its back-links.
  function copyOfNote(marker, numberClass) {
    const note = noteOf(marker);
    const copy = document.createElement("span");
    if (!note) return copy;
    for (const child of note.children) copy.append(child.cloneNode(true));
    copy.querySelectorAll(".footnote-backref, .editor-note-back").forEach((link) => link.remove());
    copy.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
    // An abbreviation is a stop of the Tab key at its first use in the text, not in a copy.
    copy.querySelectorAll("abbr[tabindex]").forEach((abbr) => abbr.removeAttribute("tabindex"));
    const number = document.createElement("span");
    number.className = numberClass;
    number.textContent = numberOf(marker) + ". ";
    (copy.querySelector("p") || copy).prepend(number);
    return copy;
  }

  // --- Notes in the margin -------------------------------------------------------

  let margin = null;  // the margin's notes, while there is room for them
  const pairs = [];  // {marker, note} in the order of the text

  function buildMargin() {
    margin = document.createElement("div");
    margin.className = "margin-notes";
    margin.setAttribute("aria-hidden", "true");
    for (const marker of markers) {
      const note = document.createElement("div");
      note.className = "margin-note";
      note.dataset.note = numberOf(marker);
      note.append(...copyOfNote(marker, "margin-note__number").childNodes);
      // The eye's copy: the list's links are the ones the keyboard reaches.
      note.querySelectorAll("a, button").forEach((control) => {
        control.setAttribute("tabindex", "-1");
      });
      margin.append(note);
      pairs.push({ marker, note });
    }
    article.classList.add("has-margin-notes");
    article.append(margin);
  }

  function removeMargin() {
    if (!margin) return;
    margin.remove();
    margin = null;
    pairs.length = 0;
    article.classList.remove("has-margin-notes");
    article.style.minHeight = "";
  }

  // Each note level with the top of its marker's line, below the note above it.
  function layOutMargin() {
    const origin = margin.getBoundingClientRect().top;
    const heights = pairs.map(({ note }) => note.offsetHeight);
    const lines = pairs.map(({ marker }) => lineTop(marker) - origin);
    let floor = 0;
    pairs.forEach(({ note }, index) => {
      const top = Math.max(lines[index], floor);
      note.style.top = top + "px";
      floor = top + heights[index] + NOTE_GAP;
    });
    const needed = floor - NOTE_GAP + (margin.getBoundingClientRect().top - article.getBoundingClientRect().top);
    article.style.minHeight = needed > article.offsetHeight ? needed + "px" : "";
  }

  // The top of the line a marker stands on: its superscript sits above the line's text.
  function lineTop(marker) {
    const line = marker.closest("sup") || marker;
    const box = line.getBoundingClientRect();
    const style = getComputedStyle(line.parentElement);
    const lineHeight = parseFloat(style.lineHeight) || box.height;
    const fontSize = parseFloat(style.fontSize) || box.height;
    // The superscript's bottom is raised about a third of the text's size above the baseline.
    const baseline = box.bottom + fontSize / 3;
    return baseline - fontSize - (lineHeight - fontSize) / 2 + 2;
  }

  function marginHasRoom() {
    const probe = margin || document.createElement("div");
    if (!margin) {
      probe.className = "margin-notes";
      article.classList.add("has-margin-notes");
      article.append(probe);
    }
    const room = probe.getBoundingClientRect().width;
    if (!margin) {
      probe.remove();
      article.classList.remove("has-margin-notes");
    }
    return room >= MIN_MARGIN;
  }

  function arrange() {
    const room = marginHasRoom();
    if (room && !margin) {
      closePreview(false);
      buildMargin();
    } else if (!room && margin) {
      removeMargin();
    }
    if (margin) layOutMargin();
    article.setAttribute("data-notes", margin ? "margin" : "previews");  // how they are shown now
  }

  function setCurrent(marker, current) {
    const pair = pairs.find((candidate) => candidate.marker === marker);
    if (!pair) return;
    pair.note.classList.toggle("is-current", current);
    marker.classList.toggle("is-current", current);
  }

  // --- Previews ----------------------------------------------------------------------

  let preview = null;
  let owner = null;  // the marker whose note the preview shows
  let lastPointer = "mouse";  // the kind of pointer that last pressed: mouse, touch or pen
  let returning = false;  // focus is being given back to a marker

  function within(element, node) {
    return element !== null && node instanceof Node && element.contains(node);
  }

  function makePreview(marker) {
    const number = numberOf(marker);
    const element = document.createElement("span");
    element.className = "note-preview edition-added";
    element.id = "note-preview";
    element.setAttribute("role", "dialog");
    element.setAttribute("aria-label", "Preview of note " + number);
    element.tabIndex = -1;
    const body = copyOfNote(marker, "note-preview__number");
    body.className = "note-preview__body";
    const actions = document.createElement("span");
    actions.className = "note-preview__actions";
    const list = document.createElement("a");
    list.className = "note-preview__list";
    list.href = marker.getAttribute("href");
    list.textContent = "All notes";
    list.setAttribute("aria-label", "All notes, at note " + number);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "note-preview__close";
    close.textContent = "Close";
    close.setAttribute("aria-label", "Close the preview of note " + number);
    close.addEventListener("click", () => closePreview(true));
    actions.append(list, close);
    element.append(body, actions);
    return element;
  }

  // Below the marker, or above it in the lower half of the screen; never past either side.
  function placePreview() {
    const screenWidth = document.documentElement.clientWidth;
    const width = Math.min(24 * parseFloat(getComputedStyle(document.documentElement).fontSize),
                           screenWidth - 2 * EDGE);
    preview.style.width = width + "px";
    preview.style.left = "0px";
    preview.style.top = "0px";
    const host = (preview.offsetParent || document.body).getBoundingClientRect();
    const box = owner.getBoundingClientRect();
    const height = preview.offsetHeight;
    const left = Math.max(EDGE, Math.min(box.left + box.width / 2 - width / 2,
                                         screenWidth - EDGE - width));
    const below = box.top + box.height / 2 < document.documentElement.clientHeight / 2;
    const top = below ? box.bottom + LIFT : box.top - LIFT - height;
    preview.style.left = left - host.left + "px";
    preview.style.top = top - host.top + "px";
  }

  function openPreview(marker, focus) {
    if (margin) return;
    if (owner !== marker) {
      closePreview(false);
      owner = marker;
      preview = makePreview(marker);
      (marker.closest("sup") || marker).after(preview);
      marker.setAttribute("aria-expanded", "true");
      marker.setAttribute("aria-controls", preview.id);
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
    marker.removeAttribute("aria-controls");
    if (returnFocus) {
      returning = true;
      marker.focus();
      returning = false;
    }
    element.remove();
  }

  function markerAt(target) {
    const marker = target instanceof Element ? target.closest("a.footnote-ref") : null;
    return marker && markers.includes(marker) ? marker : null;
  }

  document.addEventListener("pointerdown", (event) => {
    lastPointer = event.pointerType || "mouse";
    if (preview && !within(preview, event.target) && !within(owner, event.target)) {
      closePreview(false);  // a tap or click outside the preview closes it
    }
  });

  document.addEventListener("mouseover", (event) => {
    if (within(preview, event.target)) window.clearTimeout(closing);
    const marker = markerAt(event.target);
    if (!marker || lastPointer !== "mouse") return;
    window.clearTimeout(closing);
    if (margin) setCurrent(marker, true);
    else openPreview(marker, false);
  });

  // A preview opened by the pointer may be crossed onto (WCAG 1.4.13, hoverable): it
  // closes a moment after the pointer leaves both it and its marker, unless it comes
  // back; one that holds the focus stays until the focus leaves it.
  let closing = 0;
  function closeSoon() {
    window.clearTimeout(closing);
    closing = window.setTimeout(() => {
      if (!within(preview, document.activeElement) && document.activeElement !== owner) {
        closePreview(false);
      }
    }, HOVER_GRACE);
  }

  document.addEventListener("mouseout", (event) => {
    const marker = markerAt(event.target);
    if (margin) {
      if (marker && !within(marker, event.relatedTarget)) setCurrent(marker, false);
      return;
    }
    if (!preview || lastPointer !== "mouse") return;
    if (!(within(owner, event.target) || within(preview, event.target))) return;
    if (within(owner, event.relatedTarget) || within(preview, event.relatedTarget)) return;
    closeSoon();
  });

  document.addEventListener("focusin", (event) => {
    const marker = markerAt(event.target);
    if (!marker || returning) return;
    if (margin) setCurrent(marker, true);
    else if (lastPointer === "mouse" || marker.matches(":focus-visible")) openPreview(marker, false);
  });

  document.addEventListener("focusout", (event) => {
    const marker = markerAt(event.target);
    if (margin) {
      if (marker) setCurrent(marker, false);
      return;
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
    if (!marker || margin || lastPointer === "mouse" || event.detail === 0) return;
    event.preventDefault();
    openPreview(marker, true);
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !preview) return;
    const inside = within(preview, document.activeElement) || document.activeElement === owner;
    closePreview(inside || lastPointer !== "mouse");
  });

  window.addEventListener("resize", () => {
    if (preview) placePreview();
  });

  // Following a link elsewhere in the page (the preview's "All notes" among them)
  // leaves the preview behind.
  window.addEventListener("hashchange", () => closePreview(false));

  // The margin's notes follow the text: a change of width, of font or of content
  // above a marker moves them (the observer also reports the first layout).
  new ResizeObserver(() => arrange()).observe(article);
})();
