from django.apps import AppConfig


class FollowConfig(AppConfig):
    name = "tracker.follow"
    label = "follow"
    verbose_name = "Follow by e-mail"
