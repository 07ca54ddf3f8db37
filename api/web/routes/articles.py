"""/articles: store articles (quotes extracted on the way in), list, show, delete."""

from flask import Blueprint, current_app, url_for

from schemas.articles import (
    article_args_schema,
    article_detail_item,
    article_in_schema,
    article_item,
    article_page_schema,
    article_revision_in_schema,
    revision_args_schema,
    revision_page_schema,
)

from ...facts.alerts import alerts
from ...intake.articles import match_article
from ...intake.revisions import post_article, revise
from ...news import queries
from ...news.articles import delete_article as delete_stored_article
from ..auth import current_actor, requires
from ..cache import cached
from ..limits import heavy
from ..matching import factcheck_index, thresholds
from ..pagination import more_quotes_url, paginate
from ..parsing import json_body, query_args

bp = Blueprint("articles", __name__)


def _detail(article):
    """An article with its first quotes (a link to the rest), speakers and alerts on checked claims."""
    article = queries.article_detail(article, current_app.config["ARTICLE_QUOTES"])
    article.alerts = alerts(article.all_quotes, current_app.config["MATCH_ALERT_THRESHOLD"])
    article.quotes_next = more_quotes_url(article)
    return article_detail_item(article)


@bp.post("/articles")
@requires("ingest")
@heavy
def create_article():
    """Store an article and its quotes; a re-POST returns the stored one, revised when its text changed."""
    threshold = current_app.config["CHECKWORTHY_THRESHOLD"]
    actor = current_actor()
    article, created, revised = post_article(json_body(article_in_schema), threshold, actor=actor)
    if created or revised:
        match_article(article.id, factcheck_index(), thresholds(), actor=actor)
    location = url_for("articles.get_article", article_id=article.id)
    return _detail(article), 201 if created else 200, {"Location": location}


@bp.get("/articles")
@requires("read")
@cached
def list_articles():
    """Articles, newest first."""
    args = query_args(article_args_schema)
    return paginate(queries.articles(args), args, article_page_schema, item=article_item)


@bp.get("/articles/<id:article_id>")
@requires("read")
@cached
def get_article(article_id):
    """One article with its text, speakers and quotes."""
    return _detail(queries.get_article(article_id))


@bp.delete("/articles/<id:article_id>")
@requires("admin")
def delete_article(article_id):
    """Delete an article and its quotes (speakers stay)."""
    delete_stored_article(article_id, actor=current_actor())
    return "", 204


@bp.put("/articles/<id:article_id>")
@requires("ingest")
@heavy
def revise_article(article_id):
    """Store a corrected text as the article's next revision (the same text changes nothing)."""
    threshold = current_app.config["CHECKWORTHY_THRESHOLD"]
    actor = current_actor()
    article, revised = revise(article_id, json_body(article_revision_in_schema), threshold, actor=actor)
    if revised:
        match_article(article.id, factcheck_index(), thresholds(), actor=actor)
    return _detail(article)


@bp.get("/articles/<id:article_id>/revisions")
@requires("read")
def list_revisions(article_id):
    """An article's revisions, newest first."""
    args = query_args(revision_args_schema)
    return paginate(queries.revisions(queries.get_article(article_id).id), args, revision_page_schema)
