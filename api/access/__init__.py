"""Who may call the API, and how often (empty until the API-keys issue lands).

To live here: API keys (stored hashed, shown once), roles as named permissions,
and rate limits per key. The web layer checks them in its request hooks; the
domain packages never see a request.
"""
