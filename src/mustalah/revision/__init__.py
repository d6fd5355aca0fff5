"""What a reviser changed (``mustalah diff``): word-level edits attributed to lint findings."""
