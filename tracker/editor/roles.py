"""Who may use the editor workspace: members of the Editors group, and superusers.

The group carries the model permissions the workspace needs; `is_editor` is the one check every
editor view makes (through `EditorRequiredMixin` and `editor_gate` in permissions.py).
"""

from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"

# app_label.codename for every permission an editor needs. Assessments: add and view only.
EDITOR_PERMISSIONS = [
    *(
        f"commitments.{verb}_{model}"
        for model in ("commitment", "commitmentsource", "evidence", "meeting", "dialogue")
        for verb in ("add", "change", "view")
    ),
    "commitments.add_assessment",
    "commitments.view_assessment",
    "commitments.view_party",
    "commitments.view_topic",
    *(
        f"ingest.{verb}_{model}"
        for model in ("article", "candidate", "suggestion", "feed")
        for verb in ("add", "change", "view")
    ),
]


def editors_group() -> Group:
    """The Editors group with exactly its permissions (idempotent)."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    wanted = []
    for dotted in EDITOR_PERMISSIONS:
        app_label, codename = dotted.split(".")
        wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    group.permissions.set(wanted)
    return group


def is_editor(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()
