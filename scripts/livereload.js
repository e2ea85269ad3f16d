// Under `make serve`: reload the page when the site is built again (scripts/docs.py serve).
// MkDocs' own script, with one difference: when a saved page is written first
// (edition/serve_first.py), and when the whole build that follows it is served, the server
// answers "compare", and the page reloads only if the server now sends other bytes for it
// (their digest, which the server writes on this script's tag): the saved page reloads once,
// the pages the whole build changed reload then, the others stay as they are.
(function () {
  "use strict";
  const script = document.currentScript;
  let epoch = Number(script.dataset.livereloadEpoch);
  const requestId = script.dataset.livereloadRequest;
  const digest = script.dataset.livereloadDigest;
  let request;
  let timeout;

  const compare = (newer) => {
    fetch(location.pathname, { cache: "no-store" })
      .then((response) => response.text())
      .then((text) => {
        const found = /data-livereload-digest="([0-9a-f]+)"/.exec(text);
        if (found && found[1] === digest) {
          epoch = newer;
          poll();
        } else {
          location.reload();
        }
      }, () => location.reload());
  };

  const poll = () => {
    request = new XMLHttpRequest();
    request.onloadend = () => {
      const [newer, how] = request.responseText.split(" ");
      if (Number(newer) > epoch) {
        if (how === "compare") {
          compare(Number(newer));
        } else {
          location.reload();
        }
      } else {
        timeout = setTimeout(poll, request.status === 200 ? 0 : 3000);
      }
    };
    request.open("GET", `/livereload/${epoch}/${requestId}`);
    request.send();
  };

  const stop = () => {
    if (request) {
      request.onloadend = null;
      request.abort();
    }
    clearTimeout(timeout);
    request = timeout = undefined;
  };

  window.addEventListener("load", () => {
    if (document.visibilityState === "visible") {
      poll();
    }
  });
  window.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      poll();
    } else {
      stop();
    }
  });
  window.addEventListener("beforeunload", stop);
})();
