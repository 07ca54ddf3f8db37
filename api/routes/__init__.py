"""Blueprints: articles, quotes, speakers, meta (health, contract, docs, extract)."""
