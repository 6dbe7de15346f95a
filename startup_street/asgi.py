import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
application = get_asgi_application()

from startup_street.search.memory import warm_in_background  # noqa: E402 - needs apps loaded

warm_in_background()
