"""The change log (the outbox): what every write created, updated or deleted, in commit order.

``models``  ``Change``: one row per (entity, id, action); its id is the feed's cursor
``log``     ``writing()``: a write transaction that records its changes before committing
``feed``    ``changes_after(cursor)``: the reads behind GET /changes
``webhooks``  subscriptions (``Webhook``) and the delivery log's reads
``outbox``  each webhook's changes after its cursor turned into ``Delivery`` rows (no queue)
``signing``  HMAC-SHA256 over "{timestamp}.{body}", the Quotebook-Signature header
``sender``  signed POSTs, retried with exponential backoff; ``run_once`` is the worker's round
"""
