"""Turning a case into documents: context, template engines and output formats."""
