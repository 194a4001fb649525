"""HTTP plumbing shared by the routers: dependencies, paging, limits, idempotency, OpenAPI."""
