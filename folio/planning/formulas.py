"""The método de cálculo of an indicator, evaluated over named variables.

A ficha técnica writes its formula over variables it defines, e.g.
``(atendidas / recibidas) * 100`` or ``(número_t / número_t_1 - 1) × 100``. The
formula is evaluated by simpleeval (a maintained, restricted evaluator), never by
``eval``: only numbers, variable names, ``+ - * / **``, parentheses and the functions
``min``, ``max``, ``abs`` and ``round`` are allowed. ``×`` and ``÷`` are read as ``*``
and ``/``. Variable names are identifiers and may carry accents (``número``).

Whatever goes wrong — a division by zero, a missing variable, a syntax error, a power
too large, a result that is not a finite number — the result is "sin dato" with the
reason in Spanish, never an exception.
"""

from __future__ import annotations

import ast
import math
import operator
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import simpleeval  # type: ignore[import-untyped]

#: Longest formula accepted (a ficha's formula is a line, not a program).
MAX_LENGTH = 500
#: Largest exponent allowed in ``a ** b``.
MAX_EXPONENT = 100.0

FUNCTIONS: dict[str, Callable[..., Any]] = {"min": min, "max": max, "abs": abs, "round": round}


@dataclass(frozen=True)
class Result:
    value: float | None
    #: Why there is no value ("sin dato"), in Spanish.
    reason: str = ""

    @property
    def sin_dato(self) -> bool:
        return self.value is None


class _Refused(Exception):
    """A formula problem already worded in Spanish."""


def _number(x: Any) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float):
        raise _Refused(f"El resultado o un operando no es un número: {str(x)[:40]!r}.")
    return float(x)


def _binary(op: Callable[[float, float], float]) -> Callable[[Any, Any], float]:
    return lambda a, b: op(_number(a), _number(b))


def _power(a: Any, b: Any) -> float:
    base, exponent = _number(a), _number(b)
    if abs(exponent) > MAX_EXPONENT:
        raise _Refused(f"Exponente demasiado grande: {exponent:g} (máximo {MAX_EXPONENT:g}).")
    return float(base**exponent)


OPERATORS: dict[type, Callable[..., Any]] = {
    ast.Add: _binary(operator.add),
    ast.Sub: _binary(operator.sub),
    ast.Mult: _binary(operator.mul),
    ast.Div: _binary(operator.truediv),
    ast.Pow: _power,
    ast.USub: lambda a: -_number(a),
    ast.UAdd: lambda a: +_number(a),
}


def normalize(formula: str) -> str:
    """The formula with ``×`` and ``÷`` as ``*`` and ``/``, and outer spaces gone."""
    return formula.replace("×", "*").replace("÷", "/").replace("−", "-").strip()


def parse_problem(formula: str) -> str:
    """A Spanish description of what makes the formula unusable, or "" when it parses
    and uses only what is allowed."""
    text = normalize(formula)
    if not text:
        return "La fórmula está vacía."
    if len(text) > MAX_LENGTH:
        return f"La fórmula es demasiado larga ({len(text)} caracteres; máximo {MAX_LENGTH})."
    try:
        with warnings.catch_warnings():  # "invalid escape sequence" in a string literal
            warnings.simplefilter("ignore")
            tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        return f"Error de sintaxis en la fórmula (columna {error.offset or 0}): {text!r}."
    except (ValueError, RecursionError, MemoryError):
        return "La fórmula no se puede leer (número o anidamiento excesivo)."
    for node in ast.walk(tree):
        problem = _node_problem(node)
        if problem:
            return problem
    return ""


_ALLOWED_NODES = (
    ast.Expression,
    ast.BinOp,
    ast.UnaryOp,
    ast.Name,
    ast.Load,
    ast.Call,
    ast.Constant,
    *OPERATORS,
)


def _node_problem(node: ast.AST) -> str:
    if not isinstance(node, _ALLOWED_NODES):
        return f"La fórmula usa algo no permitido: {type(node).__name__}."
    if isinstance(node, ast.Constant) and (
        isinstance(node.value, bool) or not isinstance(node.value, int | float)
    ):
        return f"La fórmula tiene un valor que no es un número: {node.value!r}."
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            allowed = ", ".join(FUNCTIONS)
            return f"Función no permitida en la fórmula (permitidas: {allowed})."
        if node.keywords:
            return "Las funciones de la fórmula no aceptan argumentos con nombre."
    return ""


def variables_of(formula: str) -> tuple[str, ...]:
    """The variable names the formula uses, in order of first appearance; () when it
    does not parse."""
    if parse_problem(formula):
        return ()
    tree = ast.parse(normalize(formula), mode="eval")
    functions = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    used = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in functions]
    used.sort(key=lambda n: n.col_offset)
    return tuple(dict.fromkeys(n.id for n in used))


def evaluate(formula: str, values: Mapping[str, float | None]) -> Result:
    """The formula's value over ``values``; "sin dato" with the reason otherwise."""
    problem = parse_problem(formula)
    if problem:
        return Result(None, problem)
    missing = [name for name in variables_of(formula) if values.get(name) is None]
    if missing:
        return Result(None, f"Falta el valor de: {', '.join(missing)}.")
    names = {name: float(v) for name, v in values.items() if v is not None}
    evaluator = simpleeval.SimpleEval(operators=OPERATORS, functions=FUNCTIONS, names=names)
    try:
        value = _number(evaluator.eval(normalize(formula)))
    except ZeroDivisionError:
        return Result(None, "División entre cero.")
    except _Refused as refused:
        return Result(None, str(refused))
    except OverflowError:
        return Result(None, "El resultado es demasiado grande.")
    except Exception as error:  # simpleeval's own errors, TypeError from a function…
        return Result(None, f"La fórmula no se pudo evaluar: {error}.")
    if not math.isfinite(value):
        return Result(None, "El resultado no es un número finito.")
    return Result(value)
