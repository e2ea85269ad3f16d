"""Measure what a reader downloads for a first view of a page, in a real browser.

Sizes are gzip-compressed here, at level 9 with no timestamp, so that they do
not depend on the web server: the same site always gives the same figures.
The tests and the benchmark serve the sites they measure with `served`.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page


def gzip_size(body: bytes) -> int:
    """The size of `body` once gzip-compressed, deterministically."""
    return len(gzip.compress(body, compresslevel=9, mtime=0))


@dataclass
class Resource:
    """One response the browser received while showing a page."""

    url: str
    size: int
    gzip_size: int


@dataclass
class FirstView:
    """Every response of one page load, and every request it made."""

    url: str
    resources: list[Resource]
    requests: list[str]

    @property
    def gzip_size(self) -> int:
        return sum(resource.gzip_size for resource in self.resources)

    def size_of(self, fragment: str) -> int:
        """The gzip size of the resources whose URL contains `fragment`."""
        return sum(r.gzip_size for r in self.resources if fragment in r.url)


def first_view(tab: Page, url: str, *, waits_for: tuple[str, ...] = ()) -> FirstView:
    """Open `url` in a fresh tab (empty cache) and wait until the network is idle.

    `waits_for` names (by a part of their address) responses the page is known to
    ask for once its script has run (Material's search index and worker): on a busy
    machine the network can fall idle before the script has run, so they are awaited.
    """
    responses = []
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("response", lambda response: responses.append(response))
    with ExitStack() as awaited:
        for fragment in waits_for:
            awaited.enter_context(tab.expect_response(lambda r, part=fragment: part in r.url))
        tab.goto(url, wait_until="networkidle")
    return FirstView(url, resources_of(responses), requests)


def first_views(
    browser,
    urls: list[str],
    *,
    waits_for: tuple[str, ...] = (),
    refuse_outside: str | None = None,
    at_once: int = 4,
) -> dict[str, FirstView]:
    """`first_view` of each URL, each in a fresh context, `at_once` of them loading together.

    What a view weighs does not depend on when it loads; the views only share the
    wait for the network to fall idle. `refuse_outside`: requests to any other
    address than under it are refused at once (the theme's defaults ask Google for fonts).
    """
    views: dict[str, FirstView] = {}
    for start in range(0, len(urls), at_once):
        batch = []
        for url in urls[start : start + at_once]:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            tab = context.new_page()
            if refuse_outside is not None:
                tab.route(
                    lambda address: not address.startswith(refuse_outside),
                    lambda route: route.abort(),
                )
            responses: list = []
            requests: list[str] = []
            tab.on("request", lambda request, requests=requests: requests.append(request.url))
            tab.on("response", lambda response, responses=responses: responses.append(response))
            awaited = ExitStack()
            for fragment in waits_for:
                awaited.enter_context(tab.expect_response(lambda r, part=fragment: part in r.url))
            tab.goto(url, wait_until="commit")
            batch.append((url, context, tab, responses, requests, awaited))
        for url, context, tab, responses, requests, awaited in batch:
            tab.wait_for_load_state("networkidle")
            awaited.close()  # the responses the page is known to ask for have come
            tab.wait_for_load_state("networkidle")
            views[url] = FirstView(url, resources_of(responses), requests)
            context.close()
    return views


def resources_of(responses) -> list[Resource]:
    resources = []
    for response in responses:
        if 300 <= response.status < 400:
            continue  # a redirect carries no body; its target is counted
        body = response.body()
        resources.append(Resource(response.url, len(body), gzip_size(body)))
    return resources


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging every request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(
    folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """`folder` served on a free port of 127.0.0.1; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
