"""The inbox's rows as HTML, made in Python.

A page shows up to fifty rows. Drawn by Django's template language they took about
0.5 ms each, the larger part of the page's time at 1,000,000 cases (``bench/inbox.py``),
so a row's markup lives here in format strings that ``_fill`` fills, escaping every
value as ``format_html`` does: about 0.1 ms a row. It is the markup the row template
had: the folio links to the case, buttons and links name the folio for screen readers,
and claim and release are plain forms that htmx, where it is loaded, posts in place (the answer
is the inbox redrawn, the row in the section it now belongs to; ``js/inbox.js`` moves
the focus to its new button).
"""

from __future__ import annotations

from datetime import date
from html import escape

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext as _

from web.cases.queries import TaskView

ROW = """<tr id="task-{pk}"{acted}>
  <td><a class="folio" href="{case}">{folio}</a><br><span class="meta">{subject}</span></td>
  <td data-label="{h_procedure}">{procedure}</td>
  <td data-label="{h_activity}"><strong>{step}</strong>{passes}{activity}</td>
  <td data-label="{h_role}">{roles}{holder}</td>
  <td data-label="{h_due}">{due}</td>
  <td data-label="{h_deadline}"><span class="deadline deadline-{state}">{label}</span>\
{explanation}</td>
  <td><div class="actions">
    {form}<a href="{case}#actividad">{open}<span class="sr-only"> {folio}</span></a>
    {reassign}{message}
  </div></td>
</tr>
"""
FORM = """<form method="post" action="{url}" hx-post="{url}" hx-target="#bandeja" \
hx-select="#bandeja" hx-swap="outerHTML">
      <input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">\
<input type="hidden" name="version" value="{version}">\
<input type="hidden" name="next" value="{back}">
      <button type="submit"{css}>{label}<span class="sr-only"> {folio}</span></button>
    </form>
    """
LINK = '<a href="{url}">{label}<span class="sr-only"> {folio}</span></a>'
META = ' <span class="meta">{text}</span>'
HELD = '<br><span class="meta">{text}</span>'
SECONDARY = mark_safe(' class="secondary"')
ACTED = mark_safe(" data-acted")


class RowMaker:
    """What the rows of one response share, made once: the links' patterns, the
    buttons' words, the CSRF token and the page to come back to."""

    NAMES = ("case-detail", "task-claim", "task-release", "task-reassign")
    MARK = "987654321"

    def __init__(self, request: HttpRequest, back_to: str) -> None:
        self.links = {name: reverse(f"cases:{name}", args=[self.MARK]) for name in self.NAMES}
        self.csrf, self.back_to = get_token(request), back_to
        self.days: dict[date, str] = {}
        self.words = {
            "claim": _("Claim"),
            "release": _("Release"),
            "open": _("Open case"),
            "reassign": _("Reassign"),
        }
        #: The column names, for the cells of a row shown as a card on a phone.
        self.heads = {
            "h_procedure": _("Procedure"),
            "h_activity": _("Activity"),
            "h_role": _("Role"),
            "h_due": _("Due date"),
            "h_deadline": _("Deadline"),
        }

    def link(self, name: str, pk: int) -> str:
        return self.links[name].replace(self.MARK, str(pk))

    def day(self, day: date) -> str:
        """The date's short form (many rows share one)."""
        if day not in self.days:
            self.days[day] = date_format(day, "SHORT_DATE_FORMAT")
        return self.days[day]

    def __call__(self, view: TaskView, error: str = "", note: str = "") -> SafeString:
        """The row; one with a message is the one just acted on (``data-acted``: the
        inbox's script moves the focus to its button)."""
        task, case, deadline = view.task, view.task.case, view.deadline
        return _fill(
            ROW,
            pk=task.pk,
            acted=ACTED if error or note else "",
            case=self.link("case-detail", case.pk),
            folio=case.folio,
            subject=shorten(case.subject, 70),
            procedure=shorten(f"{case.procedure.code}. {case.procedure.name}", 90),
            step=task.step_number,
            passes=_fill(META, text=f"({_passes(view)})") if task.pass_number > 1 else "",
            activity=f" · {shorten(view.step.activity, 110)}" if view.step else "",
            roles=view.roles,
            holder=_fill(HELD, text=_holder(view)) if task.assignee_id else "",
            due=self.day(deadline.due_date) if deadline.due_date else "—",
            state=deadline.state,
            label=deadline.label,
            explanation=_fill(META, text=deadline.explanation) if deadline.explanation else "",
            form=self.form(view),
            open=self.words["open"],
            reassign=self.reassign(view),
            message=_message(error, note),
            **self.heads,
        )

    def form(self, view: TaskView) -> SafeString | str:
        """Claim when it is open for the taking, release when one may let it go."""
        if view.can_claim:
            name, css, label = "task-claim", "", self.words["claim"]
        elif view.can_release:
            name, css, label = "task-release", SECONDARY, self.words["release"]
        else:
            return ""
        url, task = self.link(name, view.task.pk), view.task
        return _fill(
            FORM, url=url, csrf=self.csrf, version=task.version, back=self.back_to,
            css=css, label=label, folio=task.case.folio,
        )  # fmt: skip

    def reassign(self, view: TaskView) -> SafeString | str:
        if not view.can_reassign:
            return ""
        url = self.link("task-reassign", view.task.pk)
        return _fill(LINK, url=url, label=self.words["reassign"], folio=view.task.case.folio)


def shorten(text: str, length: int) -> str:
    """``text`` cut as the ``truncatechars`` filter cuts it (``Truncator`` takes a
    hundred times longer, minding combining characters that Spanish text lacks)."""
    return text if len(text) <= length else text[: length - 1] + "…"


def _passes(view: TaskView) -> str:
    return _("pass %(n)s") % {"n": view.task.pass_number}


def _holder(view: TaskView) -> str:
    holder = view.task.assignee
    name = holder.get_full_name() or holder.username if holder is not None else ""
    return _("Held by %(name)s") % {"name": name}


def _message(error: str, note: str) -> SafeString | str:
    if error:
        return _fill('<p class="error" role="alert">{text}</p>', text=error)
    if note:
        return _fill('<p class="ok" role="status">{text}</p>', text=note)
    return ""


def _fill(template: str, **values: object) -> SafeString:
    """``template`` filled with ``values``, each escaped unless already safe: what
    ``format_html`` does, without its checks for lazy strings (most of its time)."""
    safe = {k: v if isinstance(v, SafeData) else escape(str(v)) for k, v in values.items()}
    return SafeString(template.format(**safe))
