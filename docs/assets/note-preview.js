/* Name each note preview. The theme opens a note's preview as a dialog
   (the note marker's aria-controls) without a name; it takes the marker's. */
(function () {
  "use strict";

  function namePreviews() {
    document.querySelectorAll(".md-tooltip2[role=dialog]:not([aria-label])").forEach(
      function (preview) {
        var marker = document.querySelector('[aria-controls="' + preview.id + '"]');
        var name = marker && (marker.getAttribute("aria-label") || marker.textContent.trim());
        preview.setAttribute("aria-label", name ? "Preview of " + name.toLowerCase() : "Preview");
      }
    );
  }

  new MutationObserver(namePreviews).observe(document.body, { childList: true });
})();
