"""Organization manuals (*Manuales de Organización*): the importer and the name matching
the linters share.

``parse_organization_manual(rows, file)`` reads the common row stream into a
``Manual(kind="organizacion")`` (or returns None for any other manual);
``normalize_name`` and ``role_names`` let the procedure linter compare its responsibles
with the organization's posts. Modules: ``layout`` (cells, page headers, sections),
``front`` (sign-offs, introduction, glossary, change log), ``structure`` (unit tree,
organigram captions), ``records`` (position records), ``names`` (normalizing and
resolving names), ``graph`` (who reports to whom), ``build`` (records on the tree),
``parse`` (the entry point).
"""

from folio.manuals.organization.graph import OrgGraph
from folio.manuals.organization.names import (
    NameIndex,
    NameMatch,
    normalize_name,
    role_names,
    same_spelling,
)
from folio.manuals.organization.parse import parse_organization_manual

__all__ = [
    "NameIndex",
    "NameMatch",
    "OrgGraph",
    "normalize_name",
    "parse_organization_manual",
    "role_names",
    "same_spelling",
]
