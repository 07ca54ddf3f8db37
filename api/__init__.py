"""Quotebook: a REST service that finds direct quotes in news and who said them.

``create_app`` is imported lazily so that ``api.extraction`` (the engine) can be
used without loading Flask.
"""


def __getattr__(name):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
