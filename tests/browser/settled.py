"""Wait, on conditions and never on time, until what a test looks at has stopped changing."""

from __future__ import annotations

# The header's toggle matches the browser's colours to the page's once it has loaded
# (partials/javascripts/palette-toggle.html); in the dark scheme that sets transitions off.
COLOURS_MATCHED = """() => !document.querySelector('form[data-edition-palette]')
  || (document.querySelector('meta[name=color-scheme]')?.content ?? '') !== ''"""
# getAnimations() updates styles first, so a transition a class has just set off is counted,
# and it lists a transition still in its delay as running.
NOTHING_MOVES = """() => document.getAnimations().every(
  animation => animation.playState !== 'running' && !animation.pending)"""


def wait_until_settled(tab) -> None:
    """Wait until the page has done its restyling after load and no transition or animation runs."""
    tab.wait_for_function(COLOURS_MATCHED)
    tab.wait_for_function(NOTHING_MOVES)
