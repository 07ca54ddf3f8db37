"""marshmallow schemas for every request and response, one module per resource.

They import only marshmallow and the shared vocabularies of ``api.core``
(claim statuses, change-feed entities), never the models or Flask.
"""
