import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def new_tab(browser, server):
    """new_tab(options, path): a page of the site in a fresh context with those options."""
    contexts = []

    def open_(options: dict, path: str):
        context = browser.new_context(**options)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        tab.goto(server + path.removesuffix("index.html"))
        return tab

    yield open_
    for context in contexts:
        context.close()
