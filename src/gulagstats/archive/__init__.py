"""Fact-check an archive: millions of documents, in partitions, on local processes or a Dask cluster.

``gulagstats factcheck --corpus PATH`` (:func:`gulagstats.api.factcheck_corpus`) wraps the
fact-checker's unit of work (:func:`gulagstats.factcheck.run.check_text`, then
:func:`gulagstats.factcheck.judgment.judge` once a batch) without changing it:

- ``sources``: what a corpus is (a folder of texts, a JSON Lines file, a Parquet dataset),
  its partitions and their documents, read in batches (``folder``, ``jsonlines``, ``parquetset``);
- ``work``: one partition in, one Parquet file of claims and verdicts out, written whole or
  not at all, skipped when the file holds the same input;
- ``task``: what the process that starts a run hands its workers and gets back (settings,
  counts, the fingerprint of the fact-checker), free of pandas and pyarrow; ``jobs``: the two
  functions a worker runs (check a partition, read the partitions back for the tables);
- ``engines``: the same work serially, on local worker processes, or on a Dask cluster;
- ``progress``: documents per second, claims found and time left, on standard error;
- ``summary``: the summary tables and the manifest, read back from the partitions;
- ``run``: the whole run, from the checks of its inputs to the last file.

pyarrow (and Dask for ``--engine dask``) are the ``[archive]`` extra, imported only here.
"""
