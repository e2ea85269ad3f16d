/* Notes in the margin. Where a section's page leaves room beside its text, each
   note stands in the margin level with its marker, pushed down only as far as the
   note above it needs, and is laid out again whenever the text reflows (a change
   of width or font, a menu opening); where there is no room, previews.js opens
   the note from its marker instead.

   The list of notes at the end stays the notes' one place in the document: screen
   readers, print and search use it, and every marker still links to it. A margin
   note is its copy for the eye (aria-hidden, its links out of the Tab key's way). */
(function () {
  "use strict";

  const MIN_MARGIN = 250;  // px: the narrowest margin a note may stand in (half the text's width)
  const NOTE_GAP = 12;  // px between two notes

  const article = document.querySelector("article.md-content__inner");
  const markers = article ? [...article.querySelectorAll("a.footnote-ref[href^='#fn:']")] : [];
  if (!markers.length) return;

  let margin = null;  // the margin's notes, while there is room for them
  const pairs = [];  // {marker, note} in the order of the text

  function copyOfNote(marker) {
    const note = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
    const copy = document.createElement("div");
    copy.className = "margin-note";
    copy.dataset.note = marker.textContent.trim();
    if (!note) return copy;
    for (const child of note.children) copy.append(child.cloneNode(true));
    copy.querySelectorAll(".footnote-backref, .editor-note-back").forEach((link) => link.remove());
    copy.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
    copy.querySelectorAll("a, abbr[tabindex]").forEach((control) => {
      control.setAttribute("tabindex", "-1");
    });
    const number = document.createElement("span");
    number.className = "margin-note__number";
    number.textContent = copy.dataset.note + ". ";
    (copy.querySelector("p") || copy).prepend(number);
    return copy;
  }

  function build() {
    margin = document.createElement("div");
    margin.className = "margin-notes";
    margin.setAttribute("aria-hidden", "true");
    for (const marker of markers) {
      const note = copyOfNote(marker);
      margin.append(note);
      pairs.push({ marker, note });
    }
    article.classList.add("has-margin-notes");
    article.append(margin);
  }

  function remove() {
    margin.remove();
    margin = null;
    pairs.length = 0;
    article.classList.remove("has-margin-notes");
    article.style.minHeight = "";
  }

  // The top of the line a marker stands on: its superscript sits above the line's text.
  function lineTop(marker) {
    const line = marker.closest("sup") || marker;
    const box = line.getBoundingClientRect();
    const style = getComputedStyle(line.parentElement);
    const fontSize = parseFloat(style.fontSize) || box.height;
    const lineHeight = parseFloat(style.lineHeight) || fontSize;
    // The superscript's bottom is raised about a third of the text's size above the baseline.
    const baseline = box.bottom + fontSize / 3;
    return baseline - fontSize - (lineHeight - fontSize) / 2 + 2;
  }

  // Each note level with its marker's line, below the note above it (reads, then writes).
  function layOut() {
    const origin = margin.getBoundingClientRect().top;
    const heights = pairs.map(({ note }) => note.offsetHeight);
    const lines = pairs.map(({ marker }) => lineTop(marker) - origin);
    let floor = 0;
    pairs.forEach(({ note }, index) => {
      const top = Math.max(lines[index], floor);
      note.style.top = top + "px";
      floor = top + heights[index] + NOTE_GAP;
    });
    const needed = floor - NOTE_GAP + origin - article.getBoundingClientRect().top;
    article.style.minHeight = needed > article.offsetHeight ? needed + "px" : "";
  }

  function hasRoom() {
    if (margin) return margin.getBoundingClientRect().width >= MIN_MARGIN;
    const probe = document.createElement("div");
    probe.className = "margin-notes";
    article.classList.add("has-margin-notes");
    article.append(probe);
    const room = probe.getBoundingClientRect().width;
    probe.remove();
    article.classList.remove("has-margin-notes");
    return room >= MIN_MARGIN;
  }

  function arrange() {
    const room = hasRoom();
    if (room && !margin) build();
    else if (!room && margin) remove();
    if (margin) layOut();
    article.setAttribute("data-notes", margin ? "margin" : "previews");  // how they are shown now
  }

  // Pointing at a marker, or focusing it, singles out its note.
  function single(event, current) {
    const marker = event.target instanceof Element && event.target.closest("a.footnote-ref");
    const pair = marker && pairs.find((candidate) => candidate.marker === marker);
    if (!pair || (event.relatedTarget instanceof Node && marker.contains(event.relatedTarget))) {
      return;
    }
    pair.note.classList.toggle("is-current", current);
    marker.classList.toggle("is-current", current);
  }

  document.addEventListener("mouseover", (event) => single(event, true));
  document.addEventListener("mouseout", (event) => single(event, false));
  document.addEventListener("focusin", (event) => single(event, true));
  document.addEventListener("focusout", (event) => single(event, false));

  // The observer also reports the first layout.
  new ResizeObserver(arrange).observe(article);
})();
