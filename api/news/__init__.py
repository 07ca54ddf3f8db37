"""The news record: articles, the speakers quoted in them, their quotes and statements.

``models``      ``Article``, ``Speaker``, ``SpeakerAlias``, ``Statement`` (what was said, once) and
                ``Quote`` (one appearance of a statement in an article)
``articles``    writes: article and quote rows, deleting an article
``speakers``    writes: one speaker per canonical name, with aliases
``statements``  writes: finding, creating, growing and folding statements
``queries``     reads: the queries behind every list and detail of articles, quotes, speakers and
                statements

Knows nothing of claims (``facts`` builds on this package) and nothing of HTTP.
Article revisions will live here too.
"""
