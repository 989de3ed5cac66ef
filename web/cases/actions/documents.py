"""Documents of a case (oficios, memorándums, reportes, vales...): a file, or a
reference registered by number and date."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.cases.documents import NewDocument, checked_type, is_reference, store_content
from web.cases.log import append_event
from web.cases.models import Case, CaseDocument, EventKind, Task
from web.cases.permissions import can_add_document


@transaction.atomic
def add_document(
    case: Case, user: User, document: NewDocument, task: Task | None = None
) -> CaseDocument:
    if not can_add_document(user, case):
        raise PermissionDenied(_("You may not add documents to this case."))
    return attach_document(case, user, document, task)


def attach_document(
    case: Case, user: User, document: NewDocument, task: Task | None
) -> CaseDocument:
    """Store and record one document; the caller holds the transaction and has
    checked permission."""
    content_type = checked_type(document)
    name, sha = ("", "") if is_reference(document) else store_content(document.content)
    row = CaseDocument.objects.create(
        case=case,
        task=task,
        kind=document.kind,
        number=document.number.strip(),
        date=document.date,
        file=name,
        name=document.name[:255],
        sha256=sha,
        size=len(document.content),
        content_type=content_type,
        added_at=timezone.now(),
        added_by=user,
    )
    payload = {
        "document": row.pk,
        "task": task.pk if task else None,
        "kind": row.kind,
        "number": row.number,
        "date": row.date.isoformat() if row.date else None,
        "name": row.name,
        "sha256": sha,
        "size": row.size,
    }
    append_event(EventKind.DOCUMENT_ADDED, case=case, actor=user, payload=payload)
    return row
