from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from startup_street.api.api import api

admin.site.site_header = _("Startup Street administration")
admin.site.site_title = _("Startup Street")

urlpatterns = [
    path("", include("startup_street.core.urls")),
    path("accounts/", include("startup_street.accounts.urls")),
    path("organizations/", include("startup_street.organizations.urls")),
    path("startups/", include("startup_street.startups.urls")),
    path("programs/", include("startup_street.programs.urls")),
    path("applications/", include("startup_street.applications.urls")),
    path("reviews/", include("startup_street.reviews.urls")),
    path("mentoring/", include("startup_street.mentoring.urls")),
    path("events/", include("startup_street.events.urls")),
    path("search/", include("startup_street.search.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
