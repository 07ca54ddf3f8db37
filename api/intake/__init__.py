"""The way an article comes in: its quotes, speakers, statements and claims, stored in one write.

``articles``    ``ingest(data, threshold)``: extract, then store everything in one transaction
``revisions``   ``post_article``, ``revise``: a corrected text as the article's next revision
``fixes``       editors' fixes: a quote's speaker or not a quote, speaker merges, ``same_as``
``statements``  ``link_appearance``: the statement a new quote repeats (found, created or merged)

The one package that writes to both ``news`` and ``facts``: a statement's claims
must follow it when statements merge or change speaker, in the same transaction.
"""
