"""Request bodies shared by several test modules."""

from __future__ import annotations

AUSTIN = (
    "Defense Secretary Lloyd Austin spoke at the Pentagon on Tuesday.\n\n"
    "“We will not back down from this fight,” said Lloyd Austin.\n\n"
    "Reporters asked about the budget. “The money is already committed,” said Lloyd Austin.\n"
)


def article_payload(**overrides) -> dict:
    payload = {
        "text": AUSTIN,
        "url": "https://news.example/austin",
        "title": "Austin on the fight",
        "publisher": "Example News",
        "published_at": "2024-03-05T10:00:00Z",
        "language": "en",
    }
    payload.update(overrides)
    return payload
