"""Quotebook: a REST service that finds direct quotes in news and who said them.

The packages, from the request down (each imports only those after it):
``web`` and ``cli`` (the only Flask code) → ``intake`` (an article coming in) →
``facts`` (claims, verdicts) → ``news`` (articles, speakers, statements, quotes)
→ ``events`` (the change log) → ``db`` (binding, migrations) → ``core`` (text,
domain errors, vocabularies). ``extraction`` and ``checkworthy`` are pure engines;
``access`` holds API keys and their roles (``web`` checks them and applies rate limits).
README.md, "Layout", has more.

``create_app`` is imported lazily so that the engines can be used without loading Flask.
"""


def __getattr__(name):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
