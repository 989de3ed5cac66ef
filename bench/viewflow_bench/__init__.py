"""The viewflow side of the engine benchmark: a Django project of its own (settings,
one app with the flow), never installed in Folio's."""
