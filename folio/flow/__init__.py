"""Process rules: how a case moves through a procedure's steps (pure Python)."""
