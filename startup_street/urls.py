from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from startup_street import views
from startup_street.api import errors as api_errors
from startup_street.api.api import api
from startup_street.core import urls as core_urls

admin.site.site_header = _("Startup Street administration")
admin.site.site_title = _("Startup Street")

# The home page reads programs and startups, so it is the project's, not core's (core is the
# lowest layer); it keeps its name, core:home.
core = ([path("", views.home, name="home"), *core_urls.urlpatterns], core_urls.app_name)

urlpatterns = [
    path("", include(core)),
    path("", include("startup_street.operations.urls")),
    path("accounts/", include("startup_street.accounts.urls")),
    path("organizations/", include("startup_street.organizations.urls")),
    path("startups/", include("startup_street.startups.urls")),
    path("programs/", include("startup_street.programs.urls")),
    path("", include("startup_street.decisions.urls")),  # under applications/ and reviews/
    path("applications/", include("startup_street.applications.urls")),
    path("reviews/", include("startup_street.reviews.urls")),
    path("mentoring/", include("startup_street.mentoring.urls")),
    path("spaces/", include("startup_street.spaces.urls")),
    path("events/", include("startup_street.events.urls")),
    path("search/", include("startup_street.search.urls")),
    path("dashboard/", include("startup_street.dashboard.urls")),
    path("api/v1/", api.urls),
    path("api/v1/<path:rest>", api_errors.unknown_address),  # after every API operation
    path("admin/", admin.site.urls),
]
