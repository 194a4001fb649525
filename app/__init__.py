"""claimtrail: which claims of an article rest on which sources."""

__version__ = "0.1.0"
