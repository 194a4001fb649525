"""The HTML report pages: an article with its claims highlighted, and the index."""
