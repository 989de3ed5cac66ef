"""The método de cálculo: safe evaluation, and "sin dato" with a reason for anything
that goes wrong — never an exception."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from folio.planning.formulas import MAX_LENGTH, evaluate, parse_problem, variables_of


def test_a_ratio_of_named_variables() -> None:
    result = evaluate("(atendidas / recibidas) * 100", {"atendidas": 45, "recibidas": 60})
    assert result.value == pytest.approx(75.0)
    assert not result.sin_dato


def test_unicode_names_and_the_printed_operators() -> None:
    formula = "(número_t ÷ número_t_1 − 1) × 100"
    assert variables_of(formula) == ("número_t", "número_t_1")
    assert evaluate(formula, {"número_t": 110, "número_t_1": 100}).value == pytest.approx(10.0)


def test_functions_allowed() -> None:
    assert evaluate("max(a, b) - min(a, b) + abs(-1) + round(2.4)", {"a": 3, "b": 7}).value == 7


def test_variables_do_not_include_function_names() -> None:
    assert variables_of("max(a, b) / c") == ("a", "b", "c")


@pytest.mark.parametrize(
    ("formula", "values", "reason"),
    [
        ("a / b * 100", {"a": 1, "b": 0}, "División entre cero"),
        ("a / (b - b)", {"a": 1, "b": 5}, "División entre cero"),
        ("a / b", {"a": 1}, "Falta el valor de: b"),
        ("a / b", {"a": 1, "b": None}, "Falta el valor de: b"),
        ("a / ", {"a": 1}, "Error de sintaxis"),
        ("", {}, "vacía"),
        ("   ", {}, "vacía"),
        ("a ** 1000", {"a": 2}, "Exponente demasiado grande"),
        ("9 ** 9 ** 9", {}, "Exponente demasiado grande"),
        ("a ** 100", {"a": 1e10}, "demasiado grande"),  # overflow
        ("a * a", {"a": 1e200}, "no es un número finito"),  # inf
        ("a > b", {"a": 1, "b": 2}, "no permitido"),
        ("a if b else c", {"a": 1, "b": 1, "c": 1}, "no permitido"),
        ("'x' * 100", {}, "no es un número"),
        ("__import__('os')", {}, "Función no permitida"),
        ("a.__class__", {"a": 1}, "no permitido"),
        ("[a, a]", {"a": 1}, "no permitido"),
        ("open('f')", {}, "Función no permitida"),
        ("round(a, ndigits=2)", {"a": 1.234}, "argumentos con nombre"),
        ("min()", {}, "no se pudo evaluar"),
        ("True + 1", {}, "no es un número"),
        ("lambda: 1", {}, "no permitido"),
        ("a; b", {"a": 1, "b": 1}, "Error de sintaxis"),
    ],
)
def test_problems_are_sin_dato_with_a_reason(
    formula: str, values: dict[str, float | None], reason: str
) -> None:
    result = evaluate(formula, values)
    assert result.sin_dato
    assert reason in result.reason


def test_huge_and_tiny_numbers_that_fit_are_computed() -> None:
    assert evaluate("a / b", {"a": 1e300, "b": 1e-9}).sin_dato  # 1e309 overflows to inf
    assert evaluate("a / b", {"a": 1e300, "b": 10}).value == pytest.approx(1e299)
    assert evaluate("a * b", {"a": 1e-300, "b": 1e-300}).value == 0.0
    assert evaluate("2 ** -100", {}).value == pytest.approx(2**-100)


def test_a_too_long_formula_is_refused() -> None:
    assert "demasiado larga" in parse_problem("a+" * MAX_LENGTH + "a")


def test_huge_integer_literals_are_sin_dato() -> None:
    assert "demasiado grande" in evaluate("1" * 450 + " * 10", {}).reason
    assert "demasiado grande" in evaluate("1" * 499, {}).reason
    assert "demasiado larga" in evaluate("1" * 5000, {}).reason


def test_deep_nesting_is_sin_dato_or_a_value_never_a_crash() -> None:
    for formula in ("(" * 240 + "1" + ")" * 240, "-" * 499 + "1"):
        evaluate(formula, {})


def test_random_garbage_never_raises() -> None:
    alphabet = "ab1 0.+-*/()×÷,eé_ñ'\"[]{}<>=!%&|^~@#$:;?\\"
    rng = random.Random(20261207)
    for _ in range(3000):
        formula = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        result = evaluate(formula, {"a": rng.choice([0, 1, -1, 1e308]), "b": 2, "é": 3})
        assert (result.value is None) == bool(result.reason)


@given(
    formula=st.text(alphabet=st.sampled_from(list("ab1 0.+-*/()×÷,_éñ*")), max_size=40),
    a=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    b=st.one_of(st.none(), st.integers(min_value=-(10**30), max_value=10**30)),
)
@settings(max_examples=200, deadline=None)
def test_any_formula_over_any_values_gives_a_value_or_a_reason(
    formula: str, a: float | None, b: int | None
) -> None:
    result = evaluate(formula, {"a": a, "b": float(b) if b is not None else None})
    assert (result.value is None) == bool(result.reason)
    assert result.value is None or math.isfinite(result.value)
