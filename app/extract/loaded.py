"""Importing this module loads the English pipeline. The loader's worker processes are forked
from a server process that imported it, so the model is read from disk once, not once per worker."""
from app.extract.pipeline import nlp

nlp()
