"""The review sheet: everything one reviewer reads about one assignment, for the web page and
the API alike, blind review decided once (the ``reviews.see_applicant`` permission)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from startup_street.applications.answers import answer_text
from startup_street.applications.models import Attachment
from startup_street.applications.selectors import answers_by_question, questions_of

from . import selectors
from .enums import Phase
from .models import Review, ReviewAssignment, Rubric

SEE_APPLICANT = "reviews.see_applicant"


def sees_applicant(user, assignment: ReviewAssignment) -> bool:
    """Whether ``user`` may see who applied: no in blind review."""
    return user.has_perm(SEE_APPLICANT, assignment)


def applicant_shown(user, assignment: ReviewAssignment) -> str:
    """The applicant as ``user`` may name it: its startup, else "Application #N"."""
    if sees_applicant(user, assignment):
        return assignment.application.startup.name
    return _("Application #%(number)d") % {"number": assignment.application_id}


@dataclass(frozen=True)
class ShownAttachment:
    attachment: Attachment
    name: str  # the file's own name, or "attachment-<id>" in blind review


@dataclass(frozen=True)
class ReviewSheet:
    assignment: ReviewAssignment
    rubric: Rubric
    blind: bool
    applicant: str
    criteria: list
    review: Review | None
    questions: list  # (question, answer as read: a choice's label)
    answers: dict  # question id: answer, as stored
    attachments: list[ShownAttachment]
    others: list[dict]

    @property
    def application(self):
        return self.assignment.application

    @property
    def closed(self) -> bool:
        return self.rubric.phase == Phase.CLOSED


def attachment_name(attachment: Attachment, *, blind: bool) -> str:
    return f"attachment-{attachment.pk}" if blind else attachment.original_name


def review_sheet(assignment: ReviewAssignment, user) -> ReviewSheet:
    """The sheet of ``assignment`` as its reviewer ``user`` reads it (a read: nothing is
    written, a call without a rubric yet reads as the default one)."""
    application = assignment.application
    rubric = selectors.rubric_of(application.call)
    blind = not sees_applicant(user, assignment)
    answers = answers_by_question(application)
    return ReviewSheet(
        assignment=assignment,
        rubric=rubric,
        blind=blind,
        applicant=applicant_shown(user, assignment),
        criteria=list(rubric.criteria.all()) if rubric.pk else [],
        review=Review.objects.filter(assignment=assignment).first(),
        questions=[(q, answer_text(q, answers.get(q.pk))) for q in questions_of(application.call)],
        answers=answers,
        attachments=[
            ShownAttachment(a, attachment_name(a, blind=blind))
            for a in application.attachments.order_by("pk")
        ],
        others=selectors.other_reviews(assignment, rubric, blind=blind),
    )
