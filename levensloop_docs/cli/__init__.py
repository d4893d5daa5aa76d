"""The command line: one module per command (``commands/``), the one error edge (``main``).

Only ``main.py`` turns a ``LevensloopError`` into a Dutch message and an exit code.
"""
