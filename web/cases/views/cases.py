"""Case pages: start a case, the case itself (complete the current step, cancel, resume
a blocked case). The list of cases is in ``case_list.py``."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from web.cases.actions import cancel_case, complete_task, open_case, resume_case
from web.cases.deadlines import office_calendar, step_targets, target_state
from web.cases.errors import NobodyHoldsRole
from web.cases.forms import (
    CaseCreateForm,
    CaseResumeForm,
    DocumentForm,
    ReasonForm,
    TaskCompleteForm,
)
from web.cases.models import Case, CaseState, StepTarget, TaskState
from web.cases.permissions import (
    can_add_document,
    can_cancel_case,
    can_resume_case,
    get_cases_for_user,
)
from web.cases.queries import (
    Deadline,
    TaskView,
    active_tasks,
    deadline_of,
    get_procedures_for_user,
    task_view,
)
from web.cases.timeline import case_timeline, swimlane
from web.cases.views.common import REFUSALS, get_task_for_user, refusal_text, tell, user_of


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    procedures = get_procedures_for_user(user)
    initial = {"procedure": request.GET.get("procedure")}
    form = CaseCreateForm(request.POST or None, procedures=procedures, initial=initial)
    nobody_holds = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = open_case(
                data["procedure"],
                user,
                data["subject"],
                data["requesting_unit"],
                data["oficio_number"],
                data["oficio_date"],
            )
        except REFUSALS as err:
            form.add_error(None, refusal_text(err))
            nobody_holds = isinstance(err, NobodyHoldsRole)  # link to the role directory
        else:
            messages.success(request, _opened_message(case))
            return redirect("cases:case-detail", pk=case.pk)
    context = {"form": form, "nobody_holds": nobody_holds}
    return render(request, "cases/case_create.html", context)


def _opened_message(case: Case) -> str:
    """Says so when starting the case was its first activity's registration."""
    text = _("Case %(folio)s opened.") % {"folio": case.folio}
    done = case.tasks.filter(state=TaskState.DONE).values_list("step_number", flat=True).first()
    if done is not None:
        text += " " + _("Activity %(step)s, its registration, is recorded.") % {"step": done}
    return text


@login_required
@require_GET
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    case = get_object_or_404(_visible(user), pk=pk)
    return render(request, "cases/case_detail.html", case_context(case, user))


@login_required
@require_POST
def task_complete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    task = get_task_for_user(user, pk)
    view = task_view(task, user, task.case.procedure.model())
    documents = view.step.documents if view.step else ()
    form = TaskCompleteForm(request.POST, request.FILES, choices=view.choices, documents=documents)
    if not form.is_valid():
        context = case_context(task.case, user, {task.pk: form})
        return render(request, "cases/case_detail.html", context, status=400)
    task.version, data = form.cleaned_data["version"], form.cleaned_data
    try:
        complete_task(task, user, data.get("choice") or None, data["notes"], form.new_documents())
    except REFUSALS as err:
        return _completion_refused(request, user, pk, form, refusal_text(err))
    messages.success(request, _("Activity %(step)s completed.") % {"step": task.step_number})
    return redirect("cases:case-detail", pk=task.case_id)


def _completion_refused(
    request: HttpRequest, user: User, pk: int, form: TaskCompleteForm, error: str
) -> HttpResponse:
    """The case page again with what was typed kept (a stale form is refused): the form
    now carries the activity's current version, so sending it again works if the
    activity is still the person's to complete; if not, the notes are in the message."""
    task = get_task_for_user(user, pk)
    data = request.POST.copy()
    data["version"] = str(task.version)
    form.data = data
    form.add_error(None, error)
    context = case_context(task.case, user, {task.pk: form})
    tasks = cast(list[Any], context["tasks"])
    shown = any(kept is form and view.can_complete for view, kept in tasks)
    if not shown:
        notes = form.cleaned_data.get("notes", "")
        kept_notes = _(" Your notes were: «%(notes)s».") % {"notes": notes} if notes else ""
        messages.error(request, error + kept_notes)
    return render(request, "cases/case_detail.html", context, status=409)


@login_required
@require_POST
def case_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    case = get_object_or_404(_visible(user), pk=pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        cancel_case(case, user, reason)
    except REFUSALS as err:
        tell(request, err)
    else:
        messages.success(request, _("Case %(folio)s cancelled.") % {"folio": case.folio})
    return redirect("cases:case-detail", pk=case.pk)


@login_required
@require_POST
def case_resume(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    case = get_object_or_404(_visible(user), pk=pk)
    form = CaseResumeForm(request.POST, steps=case.procedure.model().steps)
    if not form.is_valid():
        context = {**case_context(case, user), "resume_form": form}
        return render(request, "cases/case_detail.html", context, status=400)
    data = form.cleaned_data
    try:
        resume_case(case, user, data["step"], data["reason"])
    except REFUSALS as err:
        tell(request, err)
    else:
        words = {"folio": case.folio, "step": data["step"]}
        messages.success(request, _("Case %(folio)s goes on at activity %(step)s.") % words)
    return redirect("cases:case-detail", pk=case.pk)


def _visible(user: User) -> QuerySet[Case]:
    return get_cases_for_user(user).select_related(
        "procedure__version__manual", "unit", "started_by"
    )


def case_context(
    case: Case, user: User, forms: dict[int, TaskCompleteForm] | None = None
) -> dict[str, object]:
    """Everything the case page shows; ``forms`` carries a refused completion form."""
    model = case.procedure.model()
    tasks = active_tasks(case, user, model)
    complete_forms = dict(forms or {})
    for view in tasks:
        if view.can_complete and view.task.pk not in complete_forms:
            documents = view.step.documents if view.step else ()
            initial = {"version": view.task.version}
            complete_forms[view.task.pk] = TaskCompleteForm(
                initial=initial, choices=view.choices, documents=documents
            )
    svg, highlight = swimlane(model, [view.task.step_number for view in tasks])
    return {
        "case": case,
        "model": model,
        "deadline": deadline_of(case, model.time) if case.state == CaseState.OPEN else None,
        "tasks": [(view, complete_forms.get(view.task.pk)) for view in tasks],
        "timeline": case_timeline(case, model),
        "documents": case.documents.select_related("added_by", "task"),
        "svg": svg,
        "highlight": highlight,
        "own_deadlines": own_deadlines(case, tasks),
        "can_cancel": can_cancel_case(user, case),
        "can_add_document": can_add_document(user, case),
        "can_resume": can_resume_case(user, case),
        "document_form": DocumentForm(steps=[view.step for view in tasks if view.step]),
        "cancel_form": ReasonForm(),
        "resume_form": CaseResumeForm(steps=model.steps),
    }


def own_deadlines(case: Case, tasks: list[TaskView]) -> list[tuple[TaskView, StepTarget, Deadline]]:
    """The waiting tasks whose activity has its own time, with their deadline state."""
    targets = step_targets(case.procedure_id, [view.task.step_number for view in tasks])
    if not targets:
        return []
    calendar, today = office_calendar(), timezone.localdate()
    found = []
    for view in tasks:
        target = targets.get(view.task.step_number)
        if target is not None:
            due = view.task.due_date
            state = target_state(due, target, today, calendar)
            found.append((view, target, Deadline(state, due, "")))
    return found
