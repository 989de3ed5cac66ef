"""Form checks (FOL401–FOL403): form codes written with stray spaces
("FORM.297/SEC ATI/012224", "FORM. 316/SECATI/012224"), and coded forms a procedure
uses that the manual does not reproduce, or reproduces without an *instructivo de
llenado*.

The importer normalizes codes into ``DocumentRef.form_code`` and ``Procedure.forms``,
so the raw spelling is looked for in the texts themselves: activities, document cells,
policies, and the reproduced forms. A trailing period ends a sentence and is not a
misspelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from folio.manuals.lint.codes import LINT_CODES, procedure_diagnostic, step_diagnostic
from folio.manuals.model import Diagnostic, Form, Manual, Procedure, Step

_RAW_CODE = re.compile(r"\bFORM\s*\.?\s*\d+\s*/\s*[A-Za-z][A-Za-z ]*?\s*/\s*\d+", re.IGNORECASE)
_WELL_FORMED = re.compile(r"FORM\.\d+/[A-Z]+/\d+")


def normalize_code(code: str) -> str:
    """ "FORM. 316/SEC ATI/012224." → "FORM.316/SECATI/012224"."""
    squeezed = re.sub(r"\s+", "", code).rstrip(".").upper()
    return re.sub(r"^FORM\.?", "FORM.", squeezed)


def malformed_codes(text: str) -> list[str]:
    """Raw code spellings in ``text`` that are not written ``FORM.<n>/<UNIT>/<n>``."""
    return [m.group(0) for m in _RAW_CODE.finditer(text) if not _WELL_FORMED.fullmatch(m.group(0))]


def _malformed(raw: str) -> str:
    return f"la clave de formato «{raw}» está mal escrita; debe ser «{normalize_code(raw)}»."


def check_form_spelling(manual: Manual) -> Iterator[Diagnostic]:
    for procedure in manual.procedures:
        for policy in procedure.policies:
            for raw in malformed_codes(policy):
                yield procedure_diagnostic(
                    "FOL401", procedure, f"en sus políticas, {_malformed(raw)}"
                )
        for step in procedure.steps:
            texts = [step.activity, *(d.text for d in step.documents)]
            for raw in dict.fromkeys(r for t in texts for r in malformed_codes(t)):
                yield step_diagnostic("FOL401", procedure, step, _malformed(raw))
    for form in manual.forms:
        for raw in dict.fromkeys(malformed_codes(" ".join((form.name, *form.fields)))):
            yield _form_diagnostic(form, f"Formato {form.code}: {_malformed(raw)}")


def _form_diagnostic(form: Form, message: str) -> Diagnostic:
    return Diagnostic("FOL401", LINT_CODES["FOL401"][0], message, source=form.source)


def check_form_instructivos(manual: Manual) -> Iterator[Diagnostic]:
    reproduced = {normalize_code(f.code): f for f in manual.forms}
    for procedure in manual.procedures:
        for code in _referenced(procedure):
            form = reproduced.get(code)
            if form is not None and form.has_instructivo:
                continue
            if form is None:
                found, text = "FOL402", f"usa el formato {code}, que el manual no reproduce."
            else:
                found, text = (
                    "FOL403",
                    f"usa el formato {code}, que el manual reproduce sin instructivo de llenado.",
                )
            step = _first_use(procedure, code)
            if step is None:
                yield procedure_diagnostic(found, procedure, text)
            else:
                yield step_diagnostic(found, procedure, step, text)


def _referenced(procedure: Procedure) -> list[str]:
    """Codes the procedure uses: the importer's, plus any other written in its texts
    (a cell may name two forms: "Formatos FORM.315/… y FORM.321/…")."""
    codes = [normalize_code(c) for c in procedure.forms]
    texts = list(procedure.policies)
    for step in procedure.steps:
        codes += [normalize_code(d.form_code) for d in step.documents if d.form_code]
        texts += [step.activity, *(d.text for d in step.documents)]
    codes += [normalize_code(m.group(0)) for t in texts for m in _RAW_CODE.finditer(t)]
    return list(dict.fromkeys(codes))


def _first_use(procedure: Procedure, code: str) -> Step | None:
    for step in procedure.steps:
        texts = [step.activity, *(d.text for d in step.documents)]
        if any(d.form_code and normalize_code(d.form_code) == code for d in step.documents) or any(
            normalize_code(m.group(0)) == code for t in texts for m in _RAW_CODE.finditer(t)
        ):
            return step
    return None
