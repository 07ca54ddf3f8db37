"""The URLs of benchmarks/load.py: one per path (wrk asks for it again and again), or a mix of many.

With ``--mix N`` each path kind is asked for N distinct URLs in turn, through a wrk Lua script
(each wrk thread starts at its own place in the rotation):

- ``/quotes?limit=20``: the first page and the N-1 pages after it, each by its ``next`` cursor;
- ``/speakers/{id}/quotes``: the N most quoted speakers;
- ``/articles/{id}``: the N newest articles;
- ``/speakers?q=``: N words (four letters or more) of the most quoted speakers' names.

A worker's response cache keeps an answer until the next write, so over a mix the cache-on figure
is each worker's first sight of a URL (a miss) and every later one (a hit): it is the share of
misses, not the URLs, that makes it honest, and the summary says how many distinct URLs there were.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import urllib.request

KINDS = ("/quotes", "/speakers/{id}/quotes", "/articles/{id}", "/speakers?q=")


def get(url: str) -> dict:
    with urllib.request.urlopen(url) as response:
        return json.load(response)


def _items(base: str, path: str, n: int) -> list[dict]:
    """The first ``n`` items of a list, page after page by ``next``."""
    items, url = [], f"{base}{path}"
    while url and len(items) < n:
        page = get(url)
        items += page["items"]
        url = f"{base}{page['next']}" if page["next"] else None
    return items[:n]


def single(base: str) -> dict[str, list[str]]:
    """One URL per kind: the previous rounds' (the top speaker, the article of its newest quote)."""
    top = get(f"{base}/speakers?limit=1")["items"][0]["id"]
    article = get(f"{base}/quotes?speaker={top}&limit=1")["items"][0]["article"]["id"]
    paths = ["/quotes?limit=20", f"/speakers/{top}/quotes", f"/articles/{article}", "/speakers?q=trump"]
    return {kind: [path] for kind, path in zip(KINDS, paths, strict=True)}


def mixed(base: str, n: int) -> dict[str, list[str]]:
    """``n`` distinct URLs per kind (fewer when the archive has fewer)."""
    quotes, url = [], "/quotes?limit=20"
    while url and len(quotes) < n:
        quotes.append(url)
        url = get(f"{base}{url}")["next"]
    speakers = _items(base, "/speakers?limit=100", n)
    articles = _items(base, "/articles?limit=100", n)
    words = []
    for s in speakers:
        for word in re.findall(r"[a-z]{4,}", s["name"].lower()):
            if word not in words:
                words.append(word)
    return {
        KINDS[0]: quotes,
        KINDS[1]: [f"/speakers/{s['id']}/quotes" for s in speakers],
        KINDS[2]: [f"/articles/{a['id']}" for a in articles],
        KINDS[3]: [f"/speakers?q={w}" for w in words[:n]],
    }


_LUA = """paths = {%s}
local started = 0
function setup(thread)
  thread:set("counter", started)
  started = started + %d
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def lua_script(paths: list[str]) -> str:
    """A wrk script asking for ``paths`` in turn (each thread from its own place); its file name."""
    quoted = ", ".join(json.dumps(p) for p in paths)
    handle, name = tempfile.mkstemp(prefix="load-mix-", suffix=".lua")
    with os.fdopen(handle, "w") as fh:
        fh.write(_LUA % (quoted, max(1, len(paths) // 2)))
    return name
