"""Figures drawn from the data: GRZ Figures A-D and the figures the article lacked.

- :mod:`.style`: the visual grammar that carries provenance (status of every
  point, gaps for missing values, sources in the footer);
- :mod:`.select`: picking the plotted values (each cell's preferred row) out of
  long tables, and the arithmetic of derived series;
- :mod:`.article`: Figures A-D of Getty, Rittersporn & Zemskov (1993);
- :mod:`.extra`: mortality, secret-police sentences, source disagreement, estimates;
- :mod:`.export`: every figure to files, with a manifest of the plotted data.

Each ``plot_*`` function draws from a :class:`~gulagstats.core.record.Record`
(the estimates figure from the frame :func:`gulagstats.compare` returns).
Nothing here imports matplotlib at import time; the public functions are
``gulagstats.figure_a`` and friends (:mod:`gulagstats.api`).
"""
