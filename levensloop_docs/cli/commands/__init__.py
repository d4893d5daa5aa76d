"""One module per command. Modules import only click at the top; the work is lazy."""
