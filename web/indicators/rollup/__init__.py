"""Case figures kept incrementally, so a month's measures for the whole office read a few
hundred rows whatever the number of cases (issue 11, item 6).

Each case contributes, as a pure function of its facts (``facts.py``): counts on the
day it opened and the day it ended, a lead time in días hábiles, and *intervals* of days
in which it counts as in process, overdue, at risk or aged past 6, 11 or 21 días
hábiles, written as +1 on the interval's first day and −1 on the day after its last.
A figure "on day d" is then the sum of its deltas up to d. The rows are kept per unit,
procedure version and day, and again per month (``tables.py``); ``keep.py`` applies a
case's change (its new contribution minus its old one) in the transaction of the log
entry that records it, ``read.py`` answers the measures, ``verify.py`` recomputes every
row from the log and compares.
"""
