"""The edition's features, one file each; `edition.pipeline` says when each runs."""
