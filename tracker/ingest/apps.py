from django.apps import AppConfig


class IngestConfig(AppConfig):
    verbose_name = "Pipeline"
    name = "tracker.ingest"
    label = "ingest"
