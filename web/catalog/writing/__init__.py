"""Writing a manual in Folio: a new manual from scratch (its header and no procedures
yet) and the header of an existing one (``forms.py``, ``actions.py``, ``views.py``).
Procedures are added in the procedure editor."""

#: The translation context of the writing pages' words ("Position", "Term"… mean other
#: things elsewhere in the interface).
CONTEXT = "manual form"
