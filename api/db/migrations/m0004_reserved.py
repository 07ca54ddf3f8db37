"""0004 reserved: stands for the lifecycle branch's migration 0004 until that branch is merged.

Migrations are numbered without gaps, and 0005 (fact-checks) was written before 0004 landed;
this one does nothing. When the real 0004 is merged, ``migrations._discover`` drops this one
(delete the file then).
"""

from __future__ import annotations


def up(database, migrator) -> None:
    return None
