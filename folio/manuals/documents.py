"""Documents named in a step ("Formato o Documento" cell): normalized type, raw text and
form code. One cell may name several documents with no or inconsistent separators:
"Oficio / Ticket", "Oficio o memorándum", "Carta Finiquito Equipo Factura original"."""

from __future__ import annotations

import re

from folio.manuals.cleaning import fold, plain
from folio.manuals.model import DocumentRef

#: Normalized type by the folded words that start it, longest phrases first.
_TYPES: tuple[tuple[str, str], ...] = (
    ("numero de reporte", "Ticket"),
    ("folio de servicio", "Ticket"),
    ("folio mesa de servicio", "Ticket"),
    ("correo electronico", "Correo electrónico"),
    ("tarjeta informativa", "Tarjeta informativa"),
    ("plan de trabajo", "Plan de trabajo"),
    ("plan de backups", "Plan de backups"),
    ("libro de control", "Libro de control"),
    ("proyecto o programa", "Proyecto o programa"),
    ("documento digital", "Documento digital"),
    ("analisis de viabilidad", "Análisis de viabilidad"),
    ("vale de salida", "Vale de salida"),
    ("vale de recepcion", "Vale de recepción"),
    ("acta mp", "Acta MP"),
    ("constancia de hechos", "Constancia de hechos"),
    ("identificacion oficial", "Identificación oficial"),
    ("ficha bancaria", "Ficha bancaria"),
    ("carta finiquito", "Carta finiquito"),
    ("carta reclamacion", "Carta de reclamación"),
    ("oficio", "Oficio"),
    ("memorandum", "Memorándum"),
    ("memorando", "Memorándum"),
    ("ticket", "Ticket"),
    ("folio", "Ticket"),
    ("listado", "Listado"),
    ("reporte", "Reporte"),
    ("informe", "Informe"),
    ("expediente", "Expediente"),
    ("bitacora", "Bitácora"),
    ("calendario", "Calendario"),
    ("cronograma", "Cronograma"),
    ("ficha", "Ficha"),
    ("boceto", "Boceto"),
    ("contrato", "Contrato"),
    ("entregables", "Entregables"),
    ("resguardo", "Resguardo"),
    ("etiqueta", "Etiqueta"),
    ("fallo", "Fallo"),
    ("factura", "Factura"),
    ("requisicion", "Requisición"),
    ("solicitud", "Solicitud"),
    ("dictamen", "Dictamen técnico"),
    ("lineamiento", "Lineamiento"),
    ("normatividad", "Normatividad"),
    ("propuesta", "Propuesta"),
    ("protocolo", "Formato"),
    ("formato", "Formato"),
    ("estadistica", "Estadística"),
    ("documento", "Documento"),
    ("acta", "Acta"),
    ("sistema", "Sistema"),
)
#: Every normalized type, once each, in the order above.
DOCUMENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(name for _words, name in _TYPES))
FORM_CODE = re.compile(r"\bFORM\s*\.\s*\d+\s*/\s*[A-Z](?:\s?[A-Z])*\s*/\s*\d+", re.IGNORECASE)
_NONE = {"", "n/a", "na", "no aplica", "-", "—"}
_SEPARATORS = re.compile(r"\s*(?:,|/|;|\s+o\s+|\s+y\s+(?=[A-ZÁÉÍÓÚ]))\s*")


def normalize_form_code(raw: str) -> str:
    """ "FORM.297/SEC ATI/012224." → "FORM.297/SECATI/012224"."""
    return re.sub(r"\s+", "", raw).rstrip(".").upper()


def form_codes(text: str) -> list[str]:
    return [normalize_form_code(m.group(0)) for m in FORM_CODE.finditer(plain(text))]


def parse_documents(cell: str) -> tuple[DocumentRef, ...]:
    text = plain(cell).strip()
    if fold(text).strip(" .") in _NONE:
        return ()
    codes = [(m.start(), m.end()) for m in FORM_CODE.finditer(text)]
    masked = "".join("#" if any(s <= i < e for s, e in codes) else c for i, c in enumerate(text))
    docs: list[DocumentRef] = []
    for piece_start, piece_end in _pieces(masked):
        piece = text[piece_start:piece_end].strip(" .")
        if not piece:
            continue
        inside: list[str | None] = [
            normalize_form_code(text[s:e]) for s, e in codes if piece_start <= s < piece_end
        ]
        label = FORM_CODE.sub("", piece).strip(" .") or piece
        # "Formatos FORM.315/… y FORM.321/…": one document per code.
        for code in inside or [None]:
            docs.append(DocumentRef(_type_of(label, code), piece, code))
    return tuple(docs)


def _pieces(masked: str) -> list[tuple[int, int]]:
    """Spans of single documents: split at separators, then at a capitalized word that
    starts a new document type ("Oficio Expediente Técnico")."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATORS.finditer(masked):
        if masked[pos : m.start()].strip("# "):
            spans.extend(_split_at_types(masked, pos, m.start()))
        elif spans:
            spans[-1] = (spans[-1][0], m.start())  # a code alone joins its document
        pos = m.end()
    if masked[pos:].strip("# "):
        spans.extend(_split_at_types(masked, pos, len(masked)))
    elif spans:
        spans[-1] = (spans[-1][0], len(masked))
    return spans


def _split_at_types(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts, covered = [start], start + len(_matched_words(fold(masked[start:end])))
    for m in re.finditer(r"(?<=\s)[A-ZÁÉÍÓÚ][\wáéíóúñ]+", masked[start:end]):
        at = start + m.start()
        words = _matched_words(fold(masked[at:end]))
        if words and at > cuts[-1] and at >= covered:
            cuts.append(at)
            covered = at + len(words)
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]


def _match_type(folded: str) -> str | None:
    words = _matched_words(folded)
    return dict(_TYPES)[words] if words else None


def _matched_words(folded: str) -> str:
    for words, _kind in _TYPES:
        end = len(words)
        if folded.startswith(words) and (len(folded) == end or not folded[end].isalpha()):
            return words
    return ""


def _type_of(label: str, code: str | None) -> str:
    kind = _match_type(fold(label))
    if kind is None:
        return "Formato" if code else "Otro"
    return kind
