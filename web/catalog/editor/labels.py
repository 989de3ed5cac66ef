"""The words of a step row, translated once per answer: a 60-step table draws each of
them 60 times, and a ``{% translate %}`` tag per use was most of the page's time."""

from __future__ import annotations

from django.utils.translation import gettext, pgettext


def row_labels() -> dict[str, str]:
    return {
        "no": gettext("No."),
        "source": gettext("Source"),
        "responsible": gettext("Responsible"),
        "add_a_responsible": pgettext("editor", "Add a responsible"),
        "split_into_one_role_each": pgettext("editor", "Split into one role each"),
        "split": pgettext("editor", "Split"),
        "activity": gettext("Activity"),
        "questions_one_per_line": pgettext("editor", "Questions (one per line)"),
        "documents": gettext("Documents"),
        "document_type": pgettext("editor", "Document type"),
        "type": pgettext("editor", "Type"),
        "form_code": pgettext("editor", "Form code"),
        "copies": gettext("Copies"),
        "next": gettext("Next"),
        "branch_label": pgettext("editor", "Branch label"),
        "always": pgettext("editor", "always"),
        "goes_to": pgettext("editor", "Goes to"),
        "code_or_name_of_the_other_procedure": pgettext(
            "editor", "Code or name of the other procedure"
        ),
        "code_or_name": pgettext("editor", "Code or name"),
        "save_step": pgettext("editor", "Save step"),
        "add_a_step_after": pgettext("editor", "Add a step after"),
        "move_up": pgettext("editor", "Move up"),
        "move_down": pgettext("editor", "Move down"),
        "delete": pgettext("editor", "Delete"),
    }
