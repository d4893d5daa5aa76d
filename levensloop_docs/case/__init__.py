"""A case on disk: reading, validating (every problem at once), the rules across fields, saving."""
