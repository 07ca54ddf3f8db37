# Quotebook: gunicorn serving create_app() as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite:////data/quotebook.db

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY api ./api
COPY schemas ./schemas
COPY openapi.yaml gunicorn.conf.py ./

RUN useradd --create-home --uid 10001 quotebook \
    && mkdir -p /data && chown quotebook /data
USER quotebook
VOLUME /data
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status != 200)"

# gunicorn.conf.py: bind 0.0.0.0:8000, 2 workers (WORKERS), 60 s timeout, 8190-byte request lines.
CMD ["gunicorn", "api:create_app()"]
