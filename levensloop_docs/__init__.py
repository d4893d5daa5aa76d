"""levensloop-docs: documenten voor de levensloopaanpak."""

__version__ = "0.1.0"
