"""Format adapters: each turns one file format into the common ``Row`` stream."""
