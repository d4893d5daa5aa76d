"""Re-render a folder of cases: parallel, incremental, crash-safe (``levensloop genereer MAP``).

- ``run``: the batch itself (``run_batch(BatchOptions) -> Summary``): lock, template check,
  decisions, phase one (read and validate changed cases), phase two (make outputs).
- ``manifest``: ``.levensloop-manifest.json`` in the output folder: per case file its hash,
  per output file the hashes of its inputs and of itself.
- ``inputs``: the fingerprints of templates, registry entries and data files.
- ``worker``: what a worker process does with one case (plain data in, plain data out).
- ``progress``: rich bar on a terminal, plain lines otherwise.
- ``summary``: the closing report and the exit code.

The batch never lists document types: it takes them from the registry
(``run.documents.registry()``), so a new entry in ``templates/documenten.yaml`` is picked up.
"""
