/* The 404 page names the address the reader asked for, which only the browser knows,
   in the room the page keeps for it, so that nothing below it moves. */
(function () {
  "use strict";

  const line = document.querySelector(".not-found__address");
  if (!line) return;
  let address = window.location.href;
  try {
    address = decodeURI(address);
  } catch {
    // shown as sent: the address is not valid percent-encoding
  }
  line.querySelector("code").textContent = address;
})();
