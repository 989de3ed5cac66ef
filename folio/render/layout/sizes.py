"""Sizes of the swimlane chart, in pixels. One place, so that layout and SVG agree."""

from __future__ import annotations

MARGIN = 16

# Title above the lanes.
TITLE_FONT = 14.0
TITLE_LINE = 18.0
TITLE_MAX_LINES = 2

# Lane headers.
HEADER_FONT = 10.5
HEADER_LINE = 13.0
HEADER_MAX_LINES = 5
HEADER_PAD = 8.0
#: Space between the header and the first row.
HEADER_GAP = 14.0
#: Space between the last gap and the bottom of the lanes.
LANE_FOOT = 6.0

# Task boxes (Proceso).
BOX_W = 156.0
BOX_FONT = 9.5
BOX_LINE = 11.5
BOX_PAD = 6.0
BOX_MAX_LINES = 6

# Decision diamonds (Decisión).
DIAMOND_W = 136.0
DIAMOND_H = 72.0
DIAMOND_FONT = 8.5
DIAMOND_LINE = 10.0
DIAMOND_MAX_LINES = 3
#: Vertical room for the arrow between a task box and its diamond.
DIAMOND_GAP = 16.0

# Terminators (Inicio / Fin) and connectors.
TERM_W = 56.0
TERM_H = 24.0
TERM_FONT = 9.5
CONN_H = 26.0
CONN_MIN_W = 28.0
CONN_FONT = 8.5
CONN_MAX_CHARS = 14

# Branch labels on edges.
LABEL_FONT = 8.5
LABEL_LINE = 10.0
LABEL_MAX_W = 86.0
LABEL_MAX_LINES = 3
LABEL_PAD = 2.0

# Artifacts (Documento, Base de datos), in a column left of the task box.
ART_W = 66.0
ART_GAP = 8.0
ART_FONT = 7.5
ART_LINE = 8.5
ART_MAX_LINES = 3
ART_SPACING = 4.0

# Lanes and routing channels.
#: Free space kept around everything a lane holds.
CORE_MARGIN = 8.0
TRACK_SPACING = 7.0
#: Least distance between a track and the middle of its channel (the lane border).
BORDER_CLEARANCE = 7.0
#: Space between the outermost track of a channel or gap and what is around it.
TRACK_MARGIN = 7.0
MIN_CHANNEL = 14.0
MIN_GAP = 22.0
