"""Shared code of the web edition: notes, bibliography and the paper's text."""
