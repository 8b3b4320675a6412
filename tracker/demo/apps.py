from django.apps import AppConfig


class DemoConfig(AppConfig):
    verbose_name = "Demonstration data"
    name = "tracker.demo"
    label = "demo"
