"""Reading the editor's forms. A step row posts its fields under fixed names (repeated
for responsibles, documents and transitions) and the button pressed as ``op``; the
header posts one field per line of the procedure's header."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from folio.manuals.edit import (
    EditError,
    add_step,
    delete_step,
    move_step,
    split_responsible,
    update_step,
)
from folio.manuals.model import END, EXTERNAL
from folio.manuals.model import Procedure as CoreProcedure

#: The step row's buttons (``op``), beside ``split:<responsible>``.
STEP_OPS = ("save", "add", "delete", "up", "down")


def edit_step(procedure: CoreProcedure, number: str, post: QueryDict) -> CoreProcedure:
    """Apply the row's button to the procedure; ``EditError`` when it cannot be done."""
    op = post.get("op", "save")
    if op.startswith("split:"):
        return split_responsible(procedure, number, op.partition(":")[2])
    if op == "add":
        return add_step(procedure, number)
    if op == "delete":
        return delete_step(procedure, number)
    if op in ("up", "down"):
        return move_step(procedure, number, -1 if op == "up" else 1)
    if op != "save":
        raise EditError(f"no hay una acción «{op}».", step=number)
    return update_step(procedure, number, **step_fields(post))


def step_fields(post: QueryDict) -> dict[str, Any]:
    targets = zip(post.getlist("target"), post.getlist("external"), strict=False)
    return {
        "new_number": post.get("number", ""),
        "responsible": post.getlist("responsible"),
        "activity": post.get("activity", ""),
        "documents": list(zip(post.getlist("doc_type"), post.getlist("doc_code"), strict=False)),
        "copies": post.get("copies", ""),
        "questions": post.get("questions", "").splitlines(),
        "transitions": list(
            zip(post.getlist("when"), (_target(t, e) for t, e in targets), strict=False)
        ),
    }


def _target(choice: str, external: str) -> str:
    """The select's value ("", a step number, "end", "external") with the text typed
    for another procedure."""
    if choice == "external":
        return EXTERNAL + external.strip()
    return END if choice == END else choice


def header_fields(post: QueryDict) -> dict[str, Any]:
    return {
        "name": post.get("name", ""),
        "code": post.get("code", ""),
        "unit": post.get("unit", ""),
        "objective": post.get("objective", ""),
        "legal_basis": post.get("legal_basis", ""),
        "policies": post.get("policies", "").splitlines(),
        "time": post.get("time", ""),
        "indicators": post.get("indicators", "").splitlines(),
    }
