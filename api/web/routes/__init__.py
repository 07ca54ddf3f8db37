"""One blueprint per resource; ``BLUEPRINTS`` is what the app registers."""

from . import articles, changes, claims, extract, factchecks, meta, quotes, speakers, statements, webhooks

BLUEPRINTS = [
    m.bp
    for m in (articles, quotes, speakers, statements, claims, factchecks, changes, webhooks, extract, meta)
]
