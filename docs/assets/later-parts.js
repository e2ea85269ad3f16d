/* A long whole paper's later parts (edition/steps/later_parts.py): each is put in
   its place when the reader nears it; every one at once when the reader finds in
   the page (Ctrl+F, Cmd+F), prints, or follows a link to something not yet on
   the page. Without JavaScript each part links to its section's page. */
(function () {
  "use strict";

  const waiting = [...document.querySelectorAll("section.paper-part[data-later]")];
  if (!waiting.length) return;

  function place(part, html) {
    if (!part.hasAttribute("data-later")) return;
    part.removeAttribute("data-later");
    part.querySelector(".later-part")?.remove();
    part.insertAdjacentHTML("beforeend", html);
    part.dispatchEvent(new CustomEvent("edition:part-placed", { bubbles: true }));
  }

  const pending = new Map();
  function load(part) {
    if (!part.hasAttribute("data-later")) return Promise.resolve();
    if (!pending.has(part)) {
      pending.set(part, fetch(part.getAttribute("data-later"))
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => place(part, html))
        .catch(() => pending.delete(part)));
    }
    return pending.get(part);
  }

  function loadAll() {
    return Promise.all(waiting.map(load));
  }

  // Printing cannot wait for the network: the parts still missing are read at once.
  function loadAllNow() {
    for (const part of waiting) {
      if (!part.hasAttribute("data-later")) continue;
      const request = new XMLHttpRequest();
      request.open("GET", part.getAttribute("data-later"), false);
      request.send();
      if (request.status === 200) place(part, request.responseText);
    }
  }

  const nearing = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        nearing.unobserve(entry.target);
        load(entry.target);
      }
    }
  }, { rootMargin: "200% 0px" });
  waiting.forEach((part) => nearing.observe(part));

  // Once the parts are placed, the target is scrolled to as the browser scrolls to a
  // link's target; again a frame later, when what the first scroll laid out around it
  // (the long page's blocks, laid out as they near the screen) has taken its height.
  function reachTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    loadAll().then(() => {
      const target = document.getElementById(id);
      if (!target) return;
      target.scrollIntoView();
      requestAnimationFrame(() => requestAnimationFrame(() => target.scrollIntoView()));
    });
  }
  window.addEventListener("hashchange", reachTarget);
  reachTarget();

  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "f") loadAllNow();
  }, { capture: true });
  window.addEventListener("beforeprint", loadAllNow);
})();
