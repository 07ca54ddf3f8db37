"""0005 reserved: the number another branch's migration takes (lifecycle or factcheck, merged into main
separately). A placeholder so that 0006 (claim.speaker_id) applies here; on merge, delete this file in
favour of that branch's m0005_*.py (two migrations numbered 0005 are refused at start-up)."""


def up(database, migrator) -> None:
    """Nothing: the real 0005 is another branch's."""
