"""Every write of the citizens app, one ``@transaction.atomic`` function per verb; each
logs its entry in the tamper-evident log in the same transaction. Log payloads never hold
the reporter's personal data: the log cannot be edited, and the data must be deletable."""

from web.citizens.actions.arco import file_arco_request
from web.citizens.actions.catalogue import (
    NewClient,
    delete_attribute,
    issue_api_client,
    save_attribute,
    save_service,
    set_client_active,
)
from web.citizens.actions.notes import add_public_note
from web.citizens.actions.notify import notify_state_changes
from web.citizens.actions.purge import purge_reporters
from web.citizens.actions.reports import NewReport, PersonalData, file_report

__all__ = [
    "NewClient",
    "NewReport",
    "PersonalData",
    "add_public_note",
    "delete_attribute",
    "file_arco_request",
    "file_report",
    "issue_api_client",
    "notify_state_changes",
    "purge_reporters",
    "save_attribute",
    "save_service",
    "set_client_active",
]
