import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
# Every CELERY_* Django setting configures the app (settings.py documents each one).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
