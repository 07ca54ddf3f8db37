"""The news record: articles, the speakers quoted in them, their quotes and statements.

``models``      ``Article`` and its ``ArticleRevision``s, ``Speaker``, ``SpeakerAlias``, ``SpeakerMerge``,
                ``Statement`` (what was said, once), ``Quote`` (one appearance of a statement in
                an article) and ``QuoteFix`` (an editor's decision on a quote's words)
``articles``    writes: article and quote rows, deleting an article
``revisions``   writes: a corrected text's quotes by difference (kept, dropped, parked), revision rows
``editing``     writes: editors' fixes, speaker identities, the rows a speaker merge moves
``speakers``    writes: one speaker per canonical name, with aliases; counts
``statements``  writes: finding, creating, growing and folding statements
``queries``     reads: the queries behind every list and detail of articles, revisions, quotes,
                speakers and statements

Knows nothing of claims (``facts`` builds on this package) and nothing of HTTP.
"""
