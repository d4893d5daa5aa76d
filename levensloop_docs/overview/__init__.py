"""Looking across cases: the procesregisseur's overview, the meeting agenda, the regional monitor.

Everything here reads a folder of case files (``cases.load_folder``: the same loading and
validation as ``controleer``; a broken case is named and skipped) and computes plain rows
and tables: ``deadlines`` (one row per case, sorted by urgency), ``agenda`` (the items of a
meeting with a minutes template each), ``monitor`` (regional counts and the target-group
profile of Tabel 4 of the Noord Nederland evaluation), ``suppression`` (small cells hidden,
also when totals would give them away) and ``charts`` (bar charts with matplotlib).
``documents`` turns them into region-level publications through ``run.publish``.
"""
