"""API keys: `CLAIMTRAIL_API_KEYS` and `claimtrail keys`, checked by ASGI middleware."""
