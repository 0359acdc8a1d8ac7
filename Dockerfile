# newsgraph on the embedded SQLite database with the seeds loaded; set DATABASE_URL for PostgreSQL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/newsgraph.db

RUN useradd --create-home --uid 10001 newsgraph && mkdir /data && chown newsgraph /data
WORKDIR /srv/newsgraph

COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seeds ./seeds
COPY config ./config
RUN pip install -e . && chown -R newsgraph /srv/newsgraph

USER newsgraph
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"
# The queue's workers run from the same image, with the second command:
#   docker run -e DATABASE_URL=… -e BROKER_URL=redis://… newsgraph python -m app worker
CMD ["sh", "-c", "python -m app load seeds && exec python -m app serve --host 0.0.0.0 --port 8000"]
