"""A Flask test client that checks every response against openapi.yaml."""

from __future__ import annotations

from flask.testing import FlaskClient
from werkzeug.exceptions import MethodNotAllowed, NotFound

from .contract import check_response, spec_path


class ContractClient(FlaskClient):
    """A test client that asserts each response matches the documented contract."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        request = response.request
        adapter = self.application.url_map.bind("localhost")
        try:
            rule, _ = adapter.match(request.path, request.method, return_rule=True)
        except (NotFound, MethodNotAllowed):
            assert response.mimetype == "application/problem+json"
            return response
        if rule.endpoint.rpartition(".")[2] != "static" and request.method != "OPTIONS":
            check_response(spec_path(rule.rule), request.method, response)
        return response
