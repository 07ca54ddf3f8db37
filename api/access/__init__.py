"""Who may call the API: API keys (stored hashed, shown once) and their roles.

``models``  ``ApiKey``: a name, roles, the SHA-256 of its token, created and revoked dates
``keys``    create, list and revoke keys; ``authenticate(token)``; ``allows(key, role)``

Roles (``core.vocabulary.ROLES``): read, ingest, review, admin; any key may read,
admin may do everything. The web layer checks them (``api/web/auth.py``) and
applies rate limits (``api/web/limits.py``); the domain packages never see a
request and receive the acting key's name as ``actor``.
"""
