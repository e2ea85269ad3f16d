/* Show a glossary abbreviation's expansion on hover and on keyboard focus.
   One tooltip for the page, made on first use, and listeners on the document:
   nothing is set up per abbreviation at load. The theme's tooltips set up each
   one, which cost a long section (72 of them) about 160 ms on a slow phone. */
(function () {
  "use strict";

  const MARGIN = 8;  // px between the tooltip and the edges of the screen
  const GAP = 4;  // px between the abbreviation and its tooltip, bridged in the CSS
  let tooltip = null;
  let shown = null;  // the abbreviation whose expansion the tooltip shows

  function abbreviationAt(target) {
    const abbr = target instanceof Element ? target.closest("abbr") : null;
    if (!abbr || !abbr.closest(".md-typeset")) return null;
    return abbr === shown || abbr.getAttribute("title") ? abbr : null;
  }

  function within(element, node) {
    return element !== null && node instanceof Node && element.contains(node);
  }

  function createTooltip() {
    const element = document.createElement("div");
    element.className = "glossary-tooltip";
    element.setAttribute("role", "tooltip");
    element.id = "glossary-tooltip";
    element.hidden = true;
    document.body.append(element);
    return element;
  }

  // Below the abbreviation, or above it in the lower half of the screen; centred
  // on it, but never past either side, so a phone never scrolls sideways.
  function place(abbr) {
    const box = abbr.getBoundingClientRect();
    const screenWidth = document.documentElement.clientWidth;
    const room = screenWidth - 2 * MARGIN;
    tooltip.style.maxWidth = "";
    tooltip.style.left = "0px";
    tooltip.style.top = "0px";
    if (tooltip.offsetWidth > room) {
      tooltip.style.maxWidth = room + "px";  // 100vw in the CSS counts a scrollbar
    }
    const { width, height } = tooltip.getBoundingClientRect();  // offsetWidth rounds
    const left = Math.max(MARGIN, Math.min(box.left + box.width / 2 - width / 2,
                                           screenWidth - MARGIN - width));
    const below = box.top + box.height / 2 < document.documentElement.clientHeight / 2;
    const top = below ? box.bottom + GAP : box.top - GAP - height;
    tooltip.style.left = left + window.scrollX + "px";
    tooltip.style.top = top + window.scrollY + "px";
  }

  function show(abbr) {
    if (abbr === shown) return;
    hide();
    tooltip = tooltip || createTooltip();
    const expansion = abbr.getAttribute("title");
    tooltip.textContent = expansion;
    // The title moves aside so that the browser's own tooltip does not also open.
    abbr.setAttribute("data-title", expansion);
    abbr.removeAttribute("title");
    abbr.setAttribute("aria-describedby", tooltip.id);
    tooltip.hidden = false;
    place(abbr);
    shown = abbr;
  }

  function hide() {
    if (!shown) return;
    shown.setAttribute("title", shown.getAttribute("data-title"));
    shown.removeAttribute("data-title");
    shown.removeAttribute("aria-describedby");
    tooltip.hidden = true;
    shown = null;
  }

  document.addEventListener("mouseover", (event) => {
    const abbr = abbreviationAt(event.target);
    if (abbr) show(abbr);
  });

  document.addEventListener("focusin", (event) => {
    const abbr = abbreviationAt(event.target);
    if (abbr) show(abbr);
  });

  // The pointer may move from the abbreviation onto its tooltip (WCAG 1.4.13,
  // hoverable); a focused abbreviation keeps its tooltip until focus leaves.
  document.addEventListener("mouseout", (event) => {
    if (!shown || !(within(shown, event.target) || within(tooltip, event.target))) return;
    if (within(shown, event.relatedTarget) || within(tooltip, event.relatedTarget)) return;
    if (shown !== document.activeElement) hide();
  });

  document.addEventListener("focusout", (event) => {
    if (!shown || event.target !== shown) return;
    if (!shown.matches(":hover") && !tooltip.matches(":hover")) hide();
  });

  // Dismissible (WCAG 1.4.13): Escape closes the tooltip and leaves focus where it is.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && shown) hide();
  });
})();
