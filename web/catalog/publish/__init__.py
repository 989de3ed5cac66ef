"""Publishing from the web: the procedure's swimlane on its page, downloads of a
procedure or a whole manual (any version) in every format Folio renders, and the page of
an organization manual (unit tree, positions, org chart)."""
