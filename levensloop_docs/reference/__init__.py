"""Shipped reference data with its own schema: region profiles, criteria, the sharing policy."""
