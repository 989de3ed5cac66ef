"""Planning and performance evaluation: pure arithmetic and checks (no Django)."""
