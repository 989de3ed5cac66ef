"""A write the evaluation app refuses, with its reason in Spanish for the page."""


class EvaluationError(Exception):
    pass
