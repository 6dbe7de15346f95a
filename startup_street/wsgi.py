import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
application = get_wsgi_application()

from startup_street.search.memory import warm_in_background  # noqa: E402 - needs apps loaded

warm_in_background()
