"""/health, /openapi.yaml, /docs, CORS, request logging."""

import logging

import regex

from ..apps import make_app
from ..contract import SPEC_PATH


def test_health_ok(client):
    assert client.get("/health").get_json() == {"status": "ok", "database": "ok"}


def test_health_reports_unreachable_database():
    app = make_app("postgresql://postgres@127.0.0.1:1/unreachable")
    response = app.test_client().get("/health")
    assert response.status_code == 503
    assert "Database check failed" in response.get_json()["detail"]


def test_unreachable_database_is_503_not_500():
    response = make_app("postgresql://postgres@127.0.0.1:1/unreachable").test_client().get("/articles")
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert response.mimetype == "application/problem+json"


def test_openapi_is_served_verbatim(client):
    response = client.get("/openapi.yaml")
    with open(SPEC_PATH, "rb") as fh:
        assert response.data == fh.read()
    assert response.mimetype == "application/yaml"


def test_docs_page_loads_swagger_ui_from_the_app_only(client):
    page = client.get("/docs").get_data(as_text=True)
    assert not regex.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assets = regex.findall(r"""(?:src|href)="(/[^"#]+)\"""", page)
    assert "/docs/assets/swagger-ui-bundle.js" in assets and "/docs/static/docs.js" in assets
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200 and response.data, asset
    assert 'data-spec="/openapi.yaml"' in page  # tests/web/test_browser.py checks it renders


def test_cors_allows_configured_origins_only():
    app = make_app("sqlite:///:memory:", CORS_ORIGINS="https://dash.example, https://other.example")
    client = app.test_client()
    allowed = client.get("/health", headers={"Origin": "https://dash.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://dash.example"
    assert "X-Request-ID" in allowed.headers["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/articles",
        headers={
            "Origin": "https://dash.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    refused = client.get("/health", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_one_log_line_per_request(client, caplog):
    with caplog.at_level(logging.INFO, logger="api.request"):
        response = client.get("/articles?limit=5", headers={"X-Request-ID": "req-42"})
    lines = [r.getMessage() for r in caplog.records if r.name == "api.request"]
    assert len(lines) == 1
    method, path, status, duration, request_id = lines[0].split()
    assert (method, path, status, request_id) == ("GET", "/articles", "200", "id=req-42")
    assert duration.endswith("ms") and float(duration[:-2]) >= 0
    assert response.headers["X-Request-ID"] == "req-42"


def test_a_serving_app_reads_the_engines_models_at_start_up(monkeypatch):
    """The first article a new worker stores waits for no model file (WARM_ENGINES, default on)."""
    from api.intake import articles

    read = []
    monkeypatch.setattr(articles, "checkworthy_model", lambda: read.append("checkworthy"))
    monkeypatch.setattr(articles, "matching_model", lambda: read.append("matching"))
    make_app("sqlite:///:memory:")
    assert read == ["checkworthy", "matching"]
    read.clear()
    make_app("sqlite:///:memory:", WARM_ENGINES=False)
    assert read == []
