"""What the browser tests wait for on a page of the paper before they look at it."""

# True once a section's notes are shown, in the margin or as previews (margin-notes.js); at
# once on a page that has no notes, or whose notes are never in the margin
NOTES_SHOWN = (
    "() => !document.querySelector('script[src$=\"margin-notes.js\"]')"
    " || document.querySelector('article[data-notes]') !== null"
)
