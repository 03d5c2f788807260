# Production image: gunicorn behind whitenoise, WeasyPrint's system libraries and fonts.
# Build: docker build -t policybuilder .   Run: docker compose up (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    ALLOW_INSECURE_KEY=false \
    SECURE_SSL_REDIRECT=true \
    SECURE_HSTS_SECONDS=31536000

# WeasyPrint needs Pango (and HarfBuzz through it); the fonts cover Latin, Greek, Cyrillic,
# Arabic, Chinese and Japanese so that any shop name renders in the PDF.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
        fonts-dejavu-core fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 app
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=app:app . .
# collectstatic needs no database or secret; the values are placeholders for this step only.
RUN DEBUG=false SECRET_KEY=collectstatic-only SITE_URL=http://collectstatic.invalid python manage.py collectstatic --noinput

# The PDFs the worker stores (docker-compose mounts the shared "media" volume here; a new volume takes
# this folder's owner, so the app user can write to it).
RUN mkdir -p /app/media && chown app:app /app/media

USER app
EXPOSE 8000
# Migrate and load the clause library at every start (both are idempotent, and loading keeps
# editors' changes), then serve. --preload imports the app and warms it (URLs, templates, the compiled
# library: policybuilder/ops/warm.py) once in the master, so a new or recycled worker serves at once.
# PDFs are rendered by the Celery worker (docker-compose's "worker"), not here, so web workers are
# recycled only rarely, as a guard against slow leaks. No gunicorn
# access log: the app logs each request itself with private tokens hashed (policybuilder/ops/middleware.py).
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py loadclauses && exec gunicorn policybuilder.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --preload --max-requests 10000 --max-requests-jitter 1000"]
