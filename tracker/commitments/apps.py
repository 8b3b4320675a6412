from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    verbose_name = "The record"
    name = "tracker.commitments"
    label = "commitments"
