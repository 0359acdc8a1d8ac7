"""API read models (separate from the ORM models) and the builders that fill them."""
