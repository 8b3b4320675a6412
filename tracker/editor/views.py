# Replaced by the editor workspace (issue 5); the name exists so the URLconf loads meanwhile.
from django.http import HttpResponse


def home(request):
    return HttpResponse("Editor")
