from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "startup_street.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.conf import settings
        from threadpoolctl import threadpool_limits

        # Keeping the index in step with startups is infrastructure, not business logic: the
        # handlers run inside the saving transaction, so the index commits with the data.
        # Programs and mentors are followed by their own apps (programs/indexing.py,
        # mentoring/indexing.py).
        from .hooks import connect

        connect()

        # numpy's BLAS threads (the embedding model, nearest neighbours): one per process by
        # default. A search is small work; more threads only spin against the server's other
        # processes (a query's p95 went from 21 to 161 ms on two cores with one of them busy).
        threadpool_limits(limits=settings.SEARCH_BLAS_THREADS, user_api="blas")
