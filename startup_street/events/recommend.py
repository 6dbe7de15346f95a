"""Whom to meet: offers and seeks compared by multilingual embeddings, with the reason."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import Registration

MIN_SIMILARITY = 0.25


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors for ``texts`` in any of ko, zh, en (the one place naming the embedder)."""
    from startup_street.text.embeddings import get_embedder

    return get_embedder(settings.SEARCH_EMBEDDER).encode(texts)


@dataclass(frozen=True)
class Recommendation:
    registration: Registration
    score: float
    reason: str


def recommendations_for(
    me: Registration, candidates: list[Registration], *, limit: int = 5
) -> list[Recommendation]:
    """The candidates whose offers best meet what ``me`` seeks, or who seek what ``me``
    offers, best first, each with the sentence that matched."""
    others = [c for c in candidates if c.pk != me.pk and (c.offers or c.seeks)]
    if not others or not (me.offers or me.seeks):
        return []
    texts = [me.seeks or " ", me.offers or " "]
    for other in others:
        texts += [other.offers or " ", other.seeks or " "]
    vectors = embed(texts)
    seeks, offers = vectors[0], vectors[1]
    their_offers, their_seeks = vectors[2::2], vectors[3::2]
    fit_seek = their_offers @ seeks if me.seeks else np.full(len(others), -1.0)
    fit_offer = their_seeks @ offers if me.offers else np.full(len(others), -1.0)
    fit_seek[[not o.offers for o in others]] = -1.0
    fit_offer[[not o.seeks for o in others]] = -1.0
    best = np.maximum(fit_seek, fit_offer)
    found = []
    for j in np.argsort(-best, kind="stable")[:limit]:
        if best[j] < MIN_SIMILARITY:
            break
        other = others[j]
        if fit_seek[j] >= fit_offer[j]:
            reason = _("They offer “%(text)s”, close to what you seek.")
            text = other.offers
        else:
            reason = _("They seek “%(text)s”, close to what you offer.")
            text = other.seeks
        found.append(
            Recommendation(other, float(best[j]), reason % {"text": Truncator(text).chars(120)})
        )
    return found
