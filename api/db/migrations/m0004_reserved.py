"""0004 reserved: stands for the lifecycle branch's migration 0004 until that branch is merged.

Migrations are numbered without gaps, and 0005 (fact-checks) was written before 0004 landed;
this one does nothing. Delete this file when merging the branch that brings the real 0004.
"""

from __future__ import annotations


def up(database, migrator) -> None:
    return None
