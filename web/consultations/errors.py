"""Refusals of the consultation actions, worded for the person who reads them."""


class ConsultationError(Exception):
    """An action refused: the message says why and what to do."""
