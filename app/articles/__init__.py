"""Articles: storing an extraction, the article endpoints and the W3C PROV export."""
