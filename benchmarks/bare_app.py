"""The baseline of benchmarks/load.py: a bare Flask route, served by gunicorn like the app."""

from flask import Flask

app = Flask("bare")


@app.get("/ping")
def ping():
    """The least a Flask route can do: a small JSON answer."""
    return {"ok": True}
