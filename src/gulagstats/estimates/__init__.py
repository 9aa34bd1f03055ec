"""Published estimates of the scale of repression, set against the archival record.

One judging pipeline, a module a stage (:mod:`.judge` runs them):

- :mod:`.question`: what a claim asks (and the readings of a published estimate);
- :mod:`.plan` (with :mod:`.bounding` and :mod:`.basis`): what the record says
  under each reading, each benchmark typed as a point, a floor or a ceiling;
- :mod:`.classify`: the one classifier of claimed numbers against a typed range;
- :mod:`.verdict`: one verdict a claim, or what it depends on (reading, source);
- :mod:`.explain`: the sentence, written last from the verdict;

and around it :mod:`.claims` (reading and checking claims), :mod:`.vocabulary`
(the words people use for a quantity), :mod:`.tally` (counting estimates and
claims once), :mod:`.verdicts` (:func:`~.verdicts.compare_estimates`,
:func:`~.verdicts.assess_one`, :func:`~.verdicts.assess_many`, each on a
:class:`~gulagstats.core.record.Record`).

The benchmarks they are set against are computed by
:mod:`gulagstats.rules.benchmarks`.  The public functions
(``gulagstats.compare``, ``assess``, ``assess_claims``, ``benchmarks``,
``quantities``) are in :mod:`gulagstats.api`.
"""
