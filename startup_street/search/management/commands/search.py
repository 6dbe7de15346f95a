import json

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.utils import translation

from startup_street.core.i18n import normalise_language, pick
from startup_street.programs.selectors import programs_visible_to
from startup_street.search.selectors import search_programs


class Command(BaseCommand):
    help = "Search published programs in Korean, Chinese or English."

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--lang", default="en", help="language of the titles shown")
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--limit", type=int, default=10)

    def handle(self, *args, query: str, lang: str, limit: int, **options):
        language = normalise_language(lang) or "en"
        results = search_programs(programs_visible_to(AnonymousUser()), query)[:limit]
        with translation.override(language):
            rows = [
                {
                    "slug": p.slug,
                    "title": pick(p.title, p.original_language, language).text,
                    "organization": p.organization.slug,
                    "kind": p.kind,
                }
                for p in results
            ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for n, row in enumerate(rows, 1):
                self.stdout.write(f"{n:>2}. {row['title']}  [{row['slug']}]")
