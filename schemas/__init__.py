"""marshmallow schemas for every request and response (imports only marshmallow)."""
