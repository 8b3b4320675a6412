FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .
# collectstatic needs a key to load settings; the real one comes from the environment at run time.
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput

# var/exports: the volume of the exports built offline starts owned by the app's user.
RUN useradd --system --uid 1000 tracker && mkdir -p /app/var/exports && chown -R tracker /app
USER tracker
EXPOSE 8000
CMD ["gunicorn", "tracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]
