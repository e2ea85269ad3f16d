/* Name and number each note preview. The theme opens a note's preview as a dialog
   (the note marker's aria-controls) without a name, and copies the note without
   its number; the preview takes both from its marker, so that "14" reads the
   same in the text, in the preview and in the list of notes. */
(function () {
  "use strict";

  function numberPreviews() {
    document.querySelectorAll(".md-tooltip2[role=dialog]").forEach((preview) => {
      const marker = document.querySelector('[aria-controls="' + preview.id + '"]');
      if (!marker) return;  // named once its marker points to it
      const number = marker.textContent.trim();
      if (!preview.hasAttribute("aria-label")) {
        const name = marker.getAttribute("aria-label") || number;
        preview.setAttribute("aria-label", name ? "Preview of " + name.toLowerCase() : "Preview");
      }
      const inner = preview.querySelector(".md-tooltip2__inner");
      if (number && inner && !inner.querySelector(".note-preview-number")) {
        const label = document.createElement("span");
        label.className = "note-preview-number";
        label.textContent = number + ". ";
        (inner.querySelector("p") || inner).prepend(label);
      }
    });
  }

  // A preview is added to the body, and its marker names it (aria-controls) in
  // the same turn or a later one: watch for both.
  new MutationObserver(numberPreviews).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["aria-controls"]
  });
})();
