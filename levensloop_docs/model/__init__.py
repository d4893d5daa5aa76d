"""The plain data model at the centre: the case schema, its field parsers and the vocabularies.

Everything above reads a ``Casus``; nothing here reads files other than the vocabularies.
"""
