import json

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from startup_street.core.i18n import normalise_language, pick
from startup_street.core.timezones import get_zone
from startup_street.programs.discovery import find_programs
from startup_street.programs.forms import ProgramFilterForm

FILTERS = (
    ("kind", "kind of support (funding, testbed, ...)"),
    ("sector", "sector code; programs open to every sector match too"),
    ("stage", "stage code; programs open to every stage match too"),
    ("country", "ISO country code (KR, CN, ...)"),
    ("city", "city"),
    ("organization", "organisation slug"),
    ("language", "written in or translated into: ko, zh-hans, en"),
    ("closes_within", "a call closes within this many days"),
    ("closes_after", "a call closes on or after this date (YYYY-MM-DD, UTC)"),
    ("closes_before", "a call closes on or before this date (YYYY-MM-DD, UTC)"),
    ("founded_within", "a call takes a startup founded this many years ago"),
    ("team", "a call takes a team of this many people"),
    ("revenue", "a call takes this annual revenue band (none, under_100m_krw, ...)"),
)


def _deadline(program) -> dict:
    call = next(iter(getattr(program, "live_calls", [])), None)
    if call is None:
        return {"next_deadline": None, "next_deadline_time_zone": None}
    local = call.closes_at.astimezone(get_zone(call.time_zone))
    return {"next_deadline": local.isoformat(), "next_deadline_time_zone": call.time_zone}


class Command(BaseCommand):
    help = "Search published programs in Korean, Chinese or English, with the catalogue's filters."

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--lang", default="en", help="language of the titles shown")
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--limit", type=int, default=10)
        for name, text in FILTERS:
            parser.add_argument("--" + name.replace("_", "-"), dest=name, help=text)
        parser.add_argument("--open-now", action="store_true", help="a call is open now")

    def handle(self, *args, query: str, lang: str, limit: int, **options):
        language = normalise_language(lang)
        if not language:
            raise CommandError("--lang: choose ko, zh-hans or en")
        data = {name: options[name] for name, _text in FILTERS if options.get(name) is not None}
        data.update(q=query, open_now="1" if options["open_now"] else "")
        with translation.override(language):
            form = ProgramFilterForm(data)
            if form.errors:
                raise CommandError(
                    "; ".join(
                        f"--{k.replace('_', '-')}: {' '.join(v)}" for k, v in form.errors.items()
                    )
                )
            results = find_programs(AnonymousUser(), form.cleaned_data).results[: max(limit, 0)]
            rows = [
                {
                    "slug": p.slug,
                    "title": pick(p.title, p.original_language, language).text,
                    "organization": p.organization.slug,
                    "kind": p.kind,
                    "city": p.city,
                    "country": p.country,
                    **_deadline(p),
                }
                for p in results
            ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for n, row in enumerate(rows, 1):
                self.stdout.write(f"{n:>2}. {row['title']}  [{row['slug']}]")
