"""The core: cells with their provenance, the record (data only) and the derivations.

- :mod:`.cells`: one published value of a table (:class:`~.cells.Cell`), the
  index of every cell (:class:`~.cells.CellIndex`), the :class:`~.cells.View`
  that resolves cells and remembers those it returned, and
  :class:`~.cells.MissingCell`;
- :mod:`.derive`: amounts the tables support (a cell, or the sum that makes it
  up), sums over spans, changes;
- :mod:`.composition`: cells whose population holds more than its label says;
- :mod:`.results`: the result of a check (:class:`~.results.CheckResult`) and
  the cells it names;
- :mod:`.record`: the :class:`~.record.Record`, the tables of ``data/`` read,
  hash-checked and typed once, with one overlay applied once.

Everything above (rules, checks, estimates, figures, fact-check, report)
takes a record; nothing here imports upward.
"""
