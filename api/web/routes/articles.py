"""/articles: store articles (quotes extracted on the way in), list, show, delete."""

from flask import Blueprint, current_app, url_for

from schemas.articles import article_args_schema, article_in_schema, article_page_schema, article_schema

from ...facts.queries import alerts
from ...intake.articles import ingest, match_article
from ...news import queries
from ...news.articles import delete_article as delete_stored_article
from ..auth import current_actor, requires
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
    return article_schema.dump(article)


@bp.post("/articles")
@requires("ingest")
@heavy
def create_article():
    """Store an article and its quotes; a re-POST returns the stored one."""
    threshold = current_app.config["CHECKWORTHY_THRESHOLD"]
    article, created = ingest(json_body(article_in_schema), threshold, actor=current_actor())
    if created:
        match_article(article.id, factcheck_index(), thresholds(), actor=current_actor())
    location = url_for("articles.get_article", article_id=article.id)
    return _detail(article), 201 if created else 200, {"Location": location}


@bp.get("/articles")
@requires("read")
def list_articles():
    """Articles, newest first."""
    args = query_args(article_args_schema)
    return paginate(queries.articles(args), args, article_page_schema)


@bp.get("/articles/<id:article_id>")
@requires("read")
def get_article(article_id):
    """One article with its text, speakers and quotes."""
    return _detail(queries.get_article(article_id))


@bp.delete("/articles/<id:article_id>")
@requires("admin")
def delete_article(article_id):
    """Delete an article and its quotes (speakers stay)."""
    delete_stored_article(article_id, actor=current_actor())
    return "", 204
