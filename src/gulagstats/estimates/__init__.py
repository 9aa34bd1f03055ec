"""Published estimates of the scale of repression, set against the archival record.

- :mod:`.vocabulary`: the words of estimates and claims (periods as written,
  the words people use for a quantity);
- :mod:`.claims`: reading and checking claims (a file or a frame);
- :mod:`.scope`: readings, bounds and scopes (what a careful reader does);
- :mod:`.verdicts`: the verdict rule, :func:`~.verdicts.compare_estimates`,
  :func:`~.verdicts.assess_one` and :func:`~.verdicts.assess_many`, each on a
  :class:`~gulagstats.core.record.Record`.

The benchmarks they are set against are computed by
:mod:`gulagstats.rules.benchmarks`.  The public functions
(``gulagstats.compare``, ``assess``, ``assess_claims``, ``benchmarks``,
``quantities``) are in :mod:`gulagstats.api`.
"""
