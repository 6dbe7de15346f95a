from django.utils.text import slugify


def unique_slug(
    model, text: str, *, prefix: str = "", fallback: str = "item", limit: int = 60
) -> str:
    """A slug for ``text`` not yet used by ``model`` (``-2``, ``-3``... appended when needed)."""
    base = "-".join(part for part in (prefix, slugify(text)[:limit]) if part) or fallback
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
