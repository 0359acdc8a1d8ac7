"""Settings, read once from the environment (and an optional .env file)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, FilePath
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = PROJECT_ROOT / "newsgraph.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{DEFAULT_SQLITE}",
        description="SQLAlchemy URL of the database; an SQLite file in the project root when unset.",
    )
    max_file_bytes: int = Field(
        default=10_000_000,
        description="Files larger than this are refused by the loader (an HTML page carries far more "
        "markup than text, a JSON Lines file many articles).",
    )
    max_text_chars: int = Field(
        default=1_000_000,
        description="A document whose text is longer than this is refused (spaCy parses at most "
        "1,000,000 characters at once; memory grows with the text).",
    )
    host: str = Field(default="127.0.0.1", description="Address `serve` binds to.")
    port: int = Field(default=8000, description="Port `serve` listens on.")
    cors_origins: list[str] = Field(
        default=[], description='Origins allowed by CORS, as a JSON list: ["https://example.org"].'
    )
    reads_in_threads: bool = Field(
        default=False,
        description="Run the API's reads in its thread pool rather than on the event loop: for a "
        "database far enough away that waiting on the network costs more than handing each request "
        "to a thread (on the same machine or network, the loop answers more; BENCHMARKS.md).",
    )
    cache_max_age: int = Field(default=60, description="Cache-Control max-age of GET responses, in seconds.")
    api_key: str | None = Field(
        default=None, description="Bearer key that POST /api/v1/articles requires; writing is off when unset."
    )
    max_body_bytes: int = Field(default=1_000_000, description="Largest request body POST accepts.")
    broker_url: str | None = Field(
        default=None,
        description="Redis URL of the ingest queue (`redis://127.0.0.1:6379/0`). When set, POST "
        "/api/v1/articles stores the body as a job and answers 202; `python -m app worker` processes "
        "analyse and store it. Unset, POST analyses and stores in the request.",
    )
    job_tries: int = Field(
        default=3, ge=1,
        description="How many times a queued job is tried before it ends `failed` (a try its worker "
        "died during counts).",
    )
    worker_lost_after_seconds: int = Field(
        default=30, ge=1,
        description="A queue worker silent this long is taken for dead, and the jobs it held go "
        "to another worker.",
    )
    publisher_names: FilePath | None = Field(
        default=None,
        description="A tab-separated file of publisher labels and the names to serve them under, one "
        "pair per line (for portals that label outlets in another script or by a code).",
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
