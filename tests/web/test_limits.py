"""Rate limits: per key, per address without one, heavier routes apart; 429 as problem+json."""

from ..apps import keyed_client, make_app


def limited_app(**limits):
    return make_app("sqlite:///:memory:", **{"RATELIMIT_ENABLED": True, **limits})


def test_a_key_gets_n_requests_then_429_with_retry_after():
    client = keyed_client(limited_app(RATELIMIT_DEFAULT="3 per minute"), "read")
    answers = [client.get("/articles") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["RateLimit-Remaining"] for a in answers[:3]] == ["2", "1", "0"]
    assert answers[0].headers["RateLimit-Limit"] == "3" and answers[0].headers["RateLimit-Policy"] == "3;w=60"
    assert 0 < int(answers[0].headers["RateLimit-Reset"]) <= 60
    refused = answers[3]
    assert refused.mimetype == "application/problem+json" and refused.get_json()["status"] == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["X-RateLimit-Remaining"] == "0" and int(refused.headers["X-RateLimit-Reset"]) > 0


def test_each_key_and_each_address_counts_apart():
    app = limited_app(RATELIMIT_DEFAULT="2 per minute", RATELIMIT_ANONYMOUS="1 per minute")
    one, two, anonymous = keyed_client(app, "read"), keyed_client(app, "read"), app.test_client()
    assert [one.get("/quotes").status_code for _ in range(3)] == [200, 200, 429]
    assert two.get("/quotes").status_code == 200
    here = {"REMOTE_ADDR": "192.0.2.1"}
    assert [anonymous.get("/quotes", environ_base=here).status_code for _ in range(2)] == [200, 429]
    assert anonymous.get("/quotes", environ_base={"REMOTE_ADDR": "192.0.2.2"}).status_code == 200


def test_costly_routes_have_their_own_tighter_limit():
    app = limited_app(RATELIMIT_DEFAULT="100 per minute", RATELIMIT_HEAVY="1 per minute")
    client = keyed_client(app, "ingest")
    assert client.post("/extract", json={"text": "“Yes,” she said."}).status_code == 200
    refused = client.post("/extract", json={"text": "“No,” he said."})
    assert refused.status_code == 429 and refused.headers["RateLimit-Limit"] == "1"
    assert client.get("/articles").status_code == 200


def test_meta_routes_are_not_limited():
    client = limited_app(RATELIMIT_ANONYMOUS="1 per minute").test_client()
    assert [client.get("/health").status_code for _ in range(3)] == [200, 200, 200]
    assert "RateLimit-Limit" not in client.get("/health").headers


def test_limits_can_be_turned_off():
    client = limited_app(RATELIMIT_ENABLED=False, RATELIMIT_ANONYMOUS="1 per minute").test_client()
    assert [client.get("/quotes").status_code for _ in range(3)] == [200, 200, 200]
