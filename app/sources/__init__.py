"""Sources: cited documents across articles, and the claims that rest on each."""
