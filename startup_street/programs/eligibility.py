"""Eligibility: a call's structured rules checked against a startup profile, rule by rule.

Every rule gives ``met``, ``not_met`` or ``unknown`` (the profile does not say: ask the founder),
with a sentence that explains it in the viewer's language. A startup is eligible when no rule is
``not_met``; ``unknown`` rules are shown as questions, never silently passed or failed.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from startup_street.core.enums import Country, RevenueBand, Stage
from startup_street.core.models import Sector
from startup_street.core.places import city_name, same_city
from startup_street.core.text import join_words

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
REVENUE_BANDS = RevenueBand.values  # in increasing order
RULE_LABELS = {
    "max_years_since_founding": gettext_lazy("Years since founding"),
    "stages": gettext_lazy("Stage"),
    "sectors": gettext_lazy("Sector"),
    "countries": gettext_lazy("Country"),
    "cities": gettext_lazy("City"),
    "team_size": gettext_lazy("Team size"),
    "founder_age": gettext_lazy("Founder age"),
    "residency": gettext_lazy("Residency"),
    "max_revenue_band": gettext_lazy("Revenue"),
    "exclude_participants_of": gettext_lazy("Earlier participation"),
    "required_documents": gettext_lazy("Required documents"),
}


@dataclass(frozen=True)
class RuleResult:
    rule: str
    status: str
    explanation: str

    @property
    def label(self) -> str:
        return str(RULE_LABELS[self.rule])


@dataclass(frozen=True)
class Verdict:
    results: list[RuleResult]

    @property
    def eligible(self) -> bool:
        return all(result.status != NOT_MET for result in self.results)

    @property
    def unknown(self) -> list[RuleResult]:
        return [result for result in self.results if result.status == UNKNOWN]


def _int(value, name: str, low: int = 0, high: int = 10_000) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            {name: _("Enter a whole number from %(low)d to %(high)d.") % {"low": low, "high": high}}
        )
    return value


def _choices(value, name: str, allowed: set[str] | None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError({name: _("Enter a list.")})
    if allowed is not None and not set(value) <= allowed:
        raise ValidationError(
            {
                name: _("Unknown value: %(values)s.")
                % {"values": ", ".join(sorted(set(value) - allowed))}
            }
        )
    return value


def validate_rules(rules: dict) -> dict:
    """Check a call's rules; raises ValidationError naming the bad rule."""
    if not isinstance(rules, dict):
        raise ValidationError(_("Eligibility rules must be a mapping."))
    unknown = set(rules) - set(RULE_LABELS)
    if unknown:
        raise ValidationError(_("Unknown rule: %(rules)s.") % {"rules": ", ".join(sorted(unknown))})
    checks = {
        "max_years_since_founding": lambda v, n: _int(v, n, 0, 100),
        "stages": lambda v, n: _choices(v, n, set(Stage.values)),
        "sectors": lambda v, n: _choices(v, n, set(Sector.objects.values_list("code", flat=True))),
        "countries": lambda v, n: _choices(v, n, set(Country.values)),
        "cities": lambda v, n: _choices(v, n, None),
        "residency": lambda v, n: _choices(v, n, set(Country.values)),
        "max_revenue_band": lambda v, n: _choices([v], n, set(REVENUE_BANDS))[0],
        "exclude_participants_of": _program_ids,
        "required_documents": lambda v, n: _choices(v, n, None),
    }
    for name in ("team_size", "founder_age"):
        checks[name] = _range
    for name, value in rules.items():
        checks[name](value, name)
    return rules


def _program_ids(value, name: str) -> list[int]:
    if not isinstance(value, list):
        raise ValidationError({name: _("Enter a list.")})
    return [_int(item, name, 1, 2**62) for item in value]


def _range(value, name: str) -> dict:
    if not isinstance(value, dict) or not set(value) <= {"min", "max"} or not value:
        raise ValidationError({name: _("Give a minimum, a maximum or both.")})
    low, high = value.get("min", 0), value.get("max", 10_000)
    _int(low, name)
    _int(high, name)
    if low > high:
        raise ValidationError({name: _("The minimum is above the maximum.")})
    return value


def _years_since(founded: date | None, today: date) -> float | None:
    return None if founded is None else (today - founded).days / 365.25


def _in(value, allowed: list[str], what: str, shown: str | None = None) -> tuple[str, str]:
    if not value:
        return UNKNOWN, _("Your profile does not give your %(what)s.") % {"what": what}
    if value in allowed:
        return MET, _("%(value)s is accepted.") % {"value": shown or value}
    return NOT_MET, _("%(value)s is not among those accepted.") % {"value": shown or value}


def evaluate(
    rules: dict, startup, *, participated_in: set[int] = frozenset(), today=None
) -> Verdict:
    """Check ``startup`` (a Startup or anything with its fields) against a call's rules."""
    today = today or timezone.localdate()
    results = []
    for rule, value in (rules or {}).items():
        status, text = _check(rule, value, startup, participated_in, today)
        results.append(RuleResult(rule, status, text))
    return Verdict(results)


def _check(rule, value, startup, participated_in, today) -> tuple[str, str]:
    if rule == "max_years_since_founding":
        years = _years_since(startup.founded_on, today)
        if years is None:
            return UNKNOWN, _("Add your founding date to the profile.")
        status = MET if years <= value else NOT_MET
        return status, _("Founded %(years).1f years ago; the limit is %(limit)d.") % {
            "years": years,
            "limit": value,
        }
    if rule == "stages":
        return _in(
            startup.stage, value, _("stage"), startup.get_stage_display() if startup.stage else None
        )
    if rule == "sectors":
        codes = {sector.code for sector in startup.sectors.all()}
        if not codes:
            return UNKNOWN, _("Add your sectors to the profile.")
        if codes & set(value):
            return MET, _("Your sector is one of those supported.")
        return NOT_MET, _("None of your sectors is supported.")
    if rule == "countries":
        return _in(
            startup.country,
            value,
            _("country"),
            startup.get_country_display() if startup.country else None,
        )
    if rule == "cities":
        allowed = [startup.city] if any(same_city(startup.city, c) for c in value) else []
        return _in(startup.city, allowed, _("city"), city_name(startup.city))
    if rule == "team_size":
        if not startup.team_size:
            return UNKNOWN, _("Add your team size to the profile.")
        ok = value.get("min", 0) <= startup.team_size <= value.get("max", 10_000)
        return (MET if ok else NOT_MET), _("Your team has %(n)d people.") % {"n": startup.team_size}
    if rule == "exclude_participants_of":
        if set(value) & participated_in:
            return NOT_MET, _("Startups selected for an earlier round cannot apply again.")
        return MET, _("You have not been selected for an earlier round.")
    if rule == "required_documents":
        return UNKNOWN, _("You will be asked for: %(documents)s.") % {
            "documents": join_words(value)
        }
    if rule == "max_revenue_band":
        band = getattr(startup, "revenue_band", "")
        if not band:
            return UNKNOWN, _("Add your revenue band to the profile.")
        ok = REVENUE_BANDS.index(band) <= REVENUE_BANDS.index(value)
        return (MET if ok else NOT_MET), _("Your revenue is within the limit.") if ok else _(
            "Your revenue is above the limit."
        )
    # founder_age, residency: about people, not kept on the profile
    return UNKNOWN, _("The program will ask about this: check the call's conditions.")
