"""What every layer shares, importing neither Flask nor peewee.

``text``        folding, normalising, word counts, LIKE escaping and digests
``errors``      the domain errors (NotFound, Conflict, Invalid) that web/errors.py maps to problem+json
``vocabulary``  the words stored and accepted everywhere: claim statuses and origins, change-feed
                entities and actions, and the word-count rules of statements and claims
"""
