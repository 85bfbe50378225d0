"""Text normalization for ITA reports: pure functions, no I/O."""
