import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reformbank.settings")
application = get_wsgi_application()

from proposals.search import language_resources_load  # noqa: E402 (needs the app registry loaded above)

language_resources_load()
