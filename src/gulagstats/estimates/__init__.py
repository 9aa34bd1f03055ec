"""Published estimates of the scale of repression, set against the archival record.

- :mod:`.vocabulary`: the controlled vocabulary of quantities and the periods
  a claim may name;
- :mod:`.record`: the archival benchmarks, computed from the loaded tables by
  the rules in ``data/benchmark_rules.csv``;
- :mod:`.claims`: reading and checking claims (a file or a frame);
- :mod:`.verdicts`: the verdict rule, ``compare()`` and ``assess()``.

The public functions are also reached from the package: ``gulagstats.compare``,
``gulagstats.assess``, ``gulagstats.assess_claims``, ``gulagstats.benchmarks``
and ``gulagstats.quantities``.
"""

from ..rules.benchmarks import benchmarks
from .verdicts import assess, assess_claims, compare
from .vocabulary import quantities

__all__ = ["assess", "assess_claims", "benchmarks", "compare", "quantities"]
