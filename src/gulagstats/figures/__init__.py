"""Figures drawn from the data: GRZ Figures A-D and the figures the article lacked.

- :mod:`.style`: the visual grammar that carries provenance (status of every
  point, gaps for missing values, sources in the footer);
- :mod:`.select`: picking the plotted values (each cell's preferred row) out of
  long tables, and the arithmetic of derived series;
- :mod:`.article`: Figures A-D of Getty, Rittersporn & Zemskov (1993);
- :mod:`.extra`: mortality, secret-police sentences, source disagreement, estimates;
- :mod:`.export`: every figure to files, with a manifest of the plotted data.

Nothing here imports matplotlib at import time; the public functions are
reached through ``gulagstats.figure_a`` and friends (or from this package).
"""

from .article import figure_a, figure_b, figure_c, figure_d
from .export import draw_figures
from .extra import (
    figure_estimates,
    figure_mortality_rate,
    figure_nkvd_sentences,
    figure_source_disagreement,
)

__all__ = [
    "draw_figures",
    "figure_a",
    "figure_b",
    "figure_c",
    "figure_d",
    "figure_estimates",
    "figure_mortality_rate",
    "figure_nkvd_sentences",
    "figure_source_disagreement",
]
