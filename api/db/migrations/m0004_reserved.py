"""0004 reserved: the number another branch's migration takes (lifecycle or factcheck, merged into main
separately). A placeholder so that 0006 (claim.speaker_id) applies here; on merge, delete this file in
favour of that branch's m0004_*.py (two migrations numbered 0004 are refused at start-up)."""


def up(database, migrator) -> None:
    """Nothing: the real 0004 is another branch's."""
