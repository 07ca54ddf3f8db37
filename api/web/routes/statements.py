"""/statements: one record per thing said, however many outlets reported it."""

from flask import Blueprint

from schemas.claims import statement_args_schema, statement_item, statement_page_schema, statement_schema

from ...facts.queries import claims_of_statement
from ...news import queries
from ..auth import requires
from ..cache import cached
from ..pagination import paginate
from ..parsing import query_args

bp = Blueprint("statements", __name__)


@bp.get("/statements")
@requires("read")
@cached
def list_statements():
    """Statements by speaker, first-seen date and number of appearances; newest first."""
    args = query_args(statement_args_schema)
    return paginate(queries.statements(args), args, statement_page_schema, item=statement_item)


@bp.get("/statements/<id:statement_id>")
@requires("read")
@cached
def get_statement(statement_id):
    """One statement with its appearances (earliest first) and claims."""
    statement = queries.statement_detail(queries.get_statement(statement_id))
    statement.claims = claims_of_statement(statement.id)
    return statement_schema.dump(statement)
