"""The way an article comes in: its quotes, speakers, statements and claims, stored in one write.

``articles``    ``ingest(data, threshold)``: extract, then store everything in one transaction
``statements``  ``link_appearance``: the statement a new quote repeats (found, created or merged)

The one package that writes to both ``news`` and ``facts``: a statement's claims
must follow it when statements merge, in the same transaction. Bulk import and
re-extraction of revised articles will come in through here too.
"""
