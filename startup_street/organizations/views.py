from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .forms import InvitationForm, OrganizationForm
from .models import Organization


def organization_list(request):
    qs = selectors.organizations_visible_to(request.user)
    kind = request.GET.get("kind", "")
    if kind:
        qs = qs.filter(kind=kind)
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "organizations/organization_list.html", {"page": page, "kind": kind})


def _visible_organization(request, slug: str) -> Organization:
    return get_object_or_404(selectors.organizations_visible_to(request.user), slug=slug)


def organization_detail(request, slug: str):
    organization = _visible_organization(request, slug)
    programs = organization.programs.filter(is_published=True).order_by("-created_at")[:50]
    return render(
        request,
        "organizations/organization_detail.html",
        {"organization": organization, "programs": programs},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request, slug: str):
    organization = _visible_organization(request, slug)
    if not request.user.has_perm("organizations.change_organization", organization):
        raise PermissionDenied
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        services.update_organization(
            organization=organization, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("The organisation was saved."))
        return redirect("organizations:detail", slug=organization.slug)
    return render(
        request,
        "organizations/organization_edit.html",
        {"organization": organization, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organization_members(request, slug: str):
    organization = _visible_organization(request, slug)
    if not request.user.has_perm("organizations.invite_organization", organization):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_member(
                organization=organization,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                accept_url=lambda token: request.build_absolute_uri(
                    reverse("organizations:accept_invitation", args=[token])
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The invitation was sent."))
            return redirect("organizations:members", slug=organization.slug)
    context = {
        "organization": organization,
        "form": form,
        "memberships": selectors.members_of(organization),
        "invitations": selectors.open_invitations_of(organization),
    }
    return render(request, "organizations/organization_members.html", context)


@login_required
@require_POST
def remove_member(request, slug: str, pk: int):
    organization = _visible_organization(request, slug)
    if not request.user.has_perm("organizations.invite_organization", organization):
        raise PermissionDenied
    membership = get_object_or_404(organization.memberships.select_related("user"), pk=pk)
    try:
        services.remove_member(membership=membership, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is no longer %(role)s.")
            % {"name": membership.user, "role": membership.get_role_display()},
        )
    return redirect("organizations:members", slug=organization.slug)


@login_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token: str):
    invitation = services.find_invitation(token)
    if invitation is None:
        raise Http404
    if request.method == "POST":
        try:
            services.accept_invitation(invitation=invitation, user=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("You joined %(org)s.") % {"org": invitation.organization})
            return redirect("organizations:detail", slug=invitation.organization.slug)
    return render(request, "organizations/invitation_accept.html", {"invitation": invitation})
