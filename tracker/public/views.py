# Replaced by the public site (issue 4); the names exist so the URLconf loads meanwhile.
from django.http import HttpResponse


def dashboard(request):
    return HttpResponse("Commitment Tracker")


def commitment_list(request):
    return HttpResponse("Commitments")


def commitment_detail(request, reference):
    return HttpResponse(reference)


def dialogue_detail(request, slug):
    return HttpResponse(slug)


def party_detail(request, code):
    return HttpResponse(code)
