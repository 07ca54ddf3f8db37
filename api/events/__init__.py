"""The change log (the outbox): what every write created, updated or deleted, in commit order.

``models``  ``Change``: one row per (entity, id, action); its id is the feed's cursor
``log``     ``writing()``: a write transaction that records its changes before committing
``feed``    ``changes_after(cursor)``: the reads behind GET /changes

Webhook subscriptions, signing and the delivery worker (which reads the log after
its own cursor, so no queue is needed) will live here too.
"""
