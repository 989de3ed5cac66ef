"""Mutations and generated manuals, driven by a ``random.Random`` so that hypothesis
(through ``st.randoms()``) and the long campaign share them."""

from __future__ import annotations

import random

from tests.fuzz.bases import base, docx_document_xml, docx_with_document

#: Text the importers have choked on, or that stresses them: huge and odd step numbers,
#: jump phrases, control characters, markup, very long cells.
TOKENS = (
    "99999999999",
    "9" * 5000,
    "1." + "7" * 40,
    "0",
    "-3",
    "3.1.2.4.5.6",
    "Regresa a la actividad 0",
    "regresa a la actividad 99999999999",
    "Continúa en el procedimiento",
    "¿Es viable? No: Termina procedimiento. Sí: continúa con la actividad 2",
    "Paso 1:",
    "Nombre del Procedimiento:",
    "Tiempo Promedio de Gestión: 99999999999 años",
    "\x00\x01\x0b\x1b\x7f\x85\ufffe",
    "\t\t\t\t\t\t\t\t",
    "<ol><li>1. <b>x</b></li>",
    "&#0; &#x1; ]]> <![CDATA[",
    "€" * 300,
    "A" * 20000,
    "\n" * 50,
    "\r\n\r",
    "%PDF-1.7",
    "PK\x03\x04",
)


def mutate_bytes(data: bytes, rnd: random.Random, rounds: int | None = None) -> bytes:
    """A few random edits: flips, inserts (random or a token), deletes, duplicates, cuts."""
    out = bytearray(data)
    for _ in range(rounds if rounds is not None else rnd.randint(1, 6)):
        op = rnd.randrange(6)
        at = rnd.randrange(len(out) + 1)
        if op == 0 and out:
            out[min(at, len(out) - 1)] ^= 1 << rnd.randrange(8)
        elif op == 1:
            out[at:at] = rnd.randbytes(rnd.randint(1, 16))
        elif op == 2:
            out[at:at] = rnd.choice(TOKENS).encode("utf-8", "surrogatepass")
        elif op == 3:
            del out[at : at + rnd.randint(1, 200)]
        elif op == 4:
            piece = out[at : at + rnd.randint(1, 400)]
            out[at:at] = piece * rnd.randint(1, 20)
        else:
            del out[rnd.randint(0, len(out)) :]
    return bytes(out)


def mutate_lines(text: str, rnd: random.Random) -> str:
    """Edits that keep a text manual's shape: swap, drop, repeat lines; put a token in a
    cell; change a step number."""
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 8)):
        i = rnd.randrange(len(lines))
        op = rnd.randrange(5)
        if op == 0:
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 1:
            del lines[i]
        elif op == 2:
            lines[i:i] = [lines[i]] * rnd.randint(1, 30)
        elif op == 3:
            cells = lines[i].split("\t")
            k = rnd.randrange(len(cells))
            cells[k] = rnd.choice(TOKENS) if rnd.random() < 0.5 else cells[k] + rnd.choice(TOKENS)
            lines[i] = "\t".join(cells)
        else:
            lines[i] = "\t".join([rnd.choice(TOKENS[:8]), *lines[i].split("\t")[1:]])
        if not lines:
            lines = [""]
    return "\n".join(lines)


def generated_table(rnd: random.Random) -> str:
    """A text manual written from scratch: a name, then a step table of random shape."""
    roles = ["Jefe de Departamento", "Analista", "Ciudadano", "Director", ""]
    verbs = ["Recibe", "Revisa", "Elabora", "Turna", "¿Procede? No: regresa a la actividad"]
    lines = ["Nombre del Procedimiento: Trámite de prueba", "Responsable\tNo.\tActividad"]
    for number in range(1, rnd.randint(1, 60)):
        label = rnd.choice([str(number), f"{number}.", f"{number})", rnd.choice(TOKENS[:6])])
        activity = f"{rnd.choice(verbs)} {rnd.randint(0, 99)} {rnd.choice(TOKENS)[:40]}"
        lines.append("\t".join([rnd.choice(roles), label, activity]))
    return "\n".join(lines) + "\n"


def fuzz_input(kind: str, rnd: random.Random) -> bytes:
    """One input for reader ``kind``."""
    if kind == "text":
        if rnd.random() < 0.3:
            return generated_table(rnd).encode()
        text = base("text").decode()
        if rnd.random() < 0.6:
            return mutate_lines(text, rnd).encode("utf-8", "surrogatepass")
        return mutate_bytes(base("text"), rnd)
    if kind == "docx" and rnd.random() < 0.7:
        xml = mutate_bytes(docx_document_xml(), rnd, rounds=rnd.randint(1, 3))
        return docx_with_document(xml)
    if kind in ("bpmn", "json") and rnd.random() < 0.5:
        text = base(kind).decode()
        return mutate_lines(text, rnd).encode("utf-8", "surrogatepass")
    return mutate_bytes(base(kind), rnd)
