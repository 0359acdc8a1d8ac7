"""newsgraph: news articles in, a queryable record of roles, quotes and policy claims out."""

__version__ = "0.1.0"
