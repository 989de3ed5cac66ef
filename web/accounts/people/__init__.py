"""People administration in Folio's own pages: administrators add people, set their
unit, position, head and auditor flags and roles, and deactivate them (never delete:
cases and the log refer to them)."""
