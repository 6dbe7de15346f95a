"""Application facts other apps' pages show without importing this app."""

from django import template

from ..models import Application

register = template.Library()


@register.simple_tag
def application_of(call, startup):
    """``{% application_of call startup as existing %}``: the startup's application to the call,
    if it has one (a program page offers "Apply" only to a startup that has not applied)."""
    return Application.objects.filter(call=call, startup=startup).only("pk", "status").first()
