"""/statements: one record per thing said, however many outlets reported it."""
from flask import Blueprint

from schemas.claims import statement_args_schema, statement_page_schema, statement_schema

from .. import fact_queries
from ..models import Claim
from ..pagination import paginate
from ..parsing import query_args

bp = Blueprint("statements", __name__)


@bp.get("/statements")
def list_statements():
    """Statements by speaker, first-seen date and number of appearances; newest first."""
    args = query_args(statement_args_schema)
    return paginate(fact_queries.statements(args), args, statement_page_schema,
                    fact_queries.with_appearance_counts)


@bp.get("/statements/<int:statement_id>")
def get_statement(statement_id):
    """One statement with its appearances (earliest first) and claims."""
    statement = fact_queries.statement_or_404(statement_id)
    statement.appearances = fact_queries.appearances(statement.id)
    statement.appearance_count = len(statement.appearances)
    page = list(fact_queries.claims({}).where(Claim.statement == statement.id))
    statement.claims = fact_queries.with_counts(page)
    return statement_schema.dump(statement)
