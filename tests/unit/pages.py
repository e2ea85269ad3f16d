"""An invented home page, as the edition's unit tests give it to the one-page paper and the EPUB."""

HOME = (
    '---\ntitle: Home\n---\n\n<div class="cover" markdown>\n\n# Title { #title }\n\n'
    '<p class="cover-author">A. Author</p>\n\n'
    '<p class="cover-affiliation" markdown>*Somewhere*[^1]</p>\n\n</div>\n\n'
    "## Contents { #contents }\n\n[^1]: The first note.\n"
)
