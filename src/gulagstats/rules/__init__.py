"""The rule language and its evaluators, above the core and below every layer that judges.

- :mod:`.terms`: the term language (``MEASURE [pop:] [cat:] [unit:] [in:] [@PERIOD] [prose]``);
- :mod:`.reader`: its reader, :class:`~.reader.Reader`, and the figures of the prose;
- :mod:`.relations`: what adds up to what (``data/relations.csv``);
- :mod:`.prose_rules`: the rules of the prose checks (``data/check_rules.csv``);
- :mod:`.benchmarks`: the benchmark evaluator (``data/benchmark_rules.csv``).
"""
