"""The instrument and the evaluation: immutable data and pure rules (no Qt, no SQL, no file I/O)."""
