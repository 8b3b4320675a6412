from django.conf import settings

from tracker.public import links


def site(request):
    """The site's name and public address (SITE_URL, else the request's: see links.py)."""
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": links.site_url(request)}
