import secrets

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tracker.editor.roles import editors_group


class Command(BaseCommand):
    help = (
        "Create an editor account with a generated password, printed once. "
        "There is no default password: keep the one printed, or reset it with changepassword."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--if-missing", action="store_true", help="Do nothing (and print no password) if the user exists."
        )

    @transaction.atomic
    def handle(self, username, email, if_missing, **options):
        group = editors_group()
        if User.objects.filter(username=username).exists():
            if if_missing:
                self.stdout.write(f"Editor “{username}” exists already; its password is unchanged.")
                User.objects.get(username=username).groups.add(group)
                return
            raise CommandError(f"A user “{username}” exists already.")
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(username, email, password)
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Created editor “{username}”. Password (shown this once): {password}"))
