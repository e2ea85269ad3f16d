/* "Report an error" beside each paragraph of a section: its link opens a new
   issue about the paragraph, its title and body filled in. The address is made
   when the reader reaches the link (points at it, focuses or touches it), from
   what the page's own report link names, as edition/steps/report_error.py
   (paragraph_issue) would make it. Without JavaScript the link leads to the
   page's link. */
(function () {
  "use strict";

  const page = document.getElementById("report-error");
  if (!page) return;
  const issueUrl = page.getAttribute("data-report-issue-url");
  const section = page.getAttribute("data-report-section");
  const address = page.getAttribute("data-report-address");
  if (!issueUrl || !section || !address) return;

  // As Python's urllib.parse.quote(text, safe=""): encodeURIComponent leaves !'()* as they are.
  function quote(text) {
    return encodeURIComponent(text).replace(
      /[!'()*]/g,
      (character) => "%" + character.charCodeAt(0).toString(16).toUpperCase(),
    );
  }

  function issueAbout(number) {
    const title = "Error in \u201c" + section + "\u201d, \u00b6 " + number;
    const body =
      "Section: " + section + "\nParagraph: \u00b6 " + number +
      "\nAddress: " + address + "#p-" + number + "\n\n" +
      "What is wrong (quote the words, please):\n\n" +
      "What the paper's PDF prints, if you have it:\n";
    const joined = new URL(issueUrl, document.baseURI).search ? "&" : "?";
    return issueUrl + joined + "title=" + quote(title) + "&body=" + quote(body);
  }

  function prepare(event) {
    const target = event.target;
    const link = target instanceof Element ? target.closest("a.report-error") : null;
    if (!link || link.hasAttribute("data-report-ready")) return;
    const paragraph = link.parentElement;
    const number = paragraph && /^p-(\d+)$/.exec(paragraph.id);
    if (!number) return;
    link.href = issueAbout(number[1]);
    link.setAttribute("data-report-ready", "");
  }

  for (const type of ["pointerover", "focusin", "touchstart", "click", "contextmenu"]) {
    document.addEventListener(type, prepare, { capture: true, passive: true });
  }
})();
