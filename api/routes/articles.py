"""/articles: store articles (quotes extracted on the way in), list, show, delete."""
from flask import Blueprint, url_for

from schemas.articles import article_args_schema, article_in_schema, article_page_schema, article_schema

from .. import claims, queries, store
from ..pagination import paginate
from ..parsing import json_body, query_args

bp = Blueprint("articles", __name__)


@bp.post("/articles")
def create_article():
    """Store an article and its quotes; a re-POST returns the stored one."""
    article, created = store.ingest(json_body(article_in_schema), claims.threshold())
    body = article_schema.dump(queries.article_detail(article))
    location = url_for("articles.get_article", article_id=article.id)
    return body, 201 if created else 200, {"Location": location}


@bp.get("/articles")
def list_articles():
    """Articles, newest first."""
    args = query_args(article_args_schema)
    return paginate(queries.articles(args), args, article_page_schema)


@bp.get("/articles/<int:article_id>")
def get_article(article_id):
    """One article with its text, speakers and quotes."""
    return article_schema.dump(queries.article_detail(queries.article_or_404(article_id)))


@bp.delete("/articles/<int:article_id>")
def delete_article(article_id):
    """Delete an article and its quotes (speakers stay)."""
    store.delete_article(queries.article_or_404(article_id))
    return "", 204
