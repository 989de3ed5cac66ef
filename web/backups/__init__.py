"""Backups as seed 004's operations run them: ``folio backup`` writes one dated,
checksummed archive (the database through SQLite's online backup API or ``pg_dump``, the
stored documents and manuals, the audit anchors) and records it in the log's *bitácora de
respaldos*; ``folio restore`` puts an archive back into an empty database and checks the
log. Not a Django app: no models, only the operation and its tests."""
