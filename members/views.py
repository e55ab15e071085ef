from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from places.models import District
from reformbank.views import require

from . import permissions, services
from .delivery import user_for_email_settings_token
from .forms import (
    EmailSettingsForm,
    FollowRemoveForm,
    NotificationsReadForm,
    ProfileForm,
    RolesForm,
    UserSearchForm,
)
from .languages import language_cookie_set
from .models import EditorRole, Notification, User


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={
            "display_name": user.display_name,
            "home_place": user.home_place,
            "language": user.language,
            "email_frequency": user.email_frequency,
            "show_name": "1" if user.show_name else "0",
        },
    )
    if request.method == "POST" and form.is_valid():
        services.member_profile_update(user=user, **form.cleaned_data)
        if form.cleaned_data["language"]:
            translation.activate(user.language)  # the confirmation is in the language just chosen
        messages.success(request, _("Din profil är sparad."))
        response = redirect("members:profile")
        return language_cookie_set(response, user.language) if form.cleaned_data["language"] else response
    return render(request, "members/profile.html", {"form": form})


def language_set(request):
    """Django's language switch (/i18n/setlang/); a signed-in member's choice is also kept on their account,
    so that emails to them are in it."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if (
        request.method == "POST"
        and request.user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and response.status_code in (200, 302)
    ):
        services.member_language_set(user=request.user, language=language)
    return response


@login_required
def roles(request):
    require(permissions.can_manage_roles(request.viewer))
    search = UserSearchForm(request.GET or None)
    users = User.objects.order_by("email").prefetch_related(
        Prefetch("editor_roles", queryset=EditorRole.objects.select_related("district"))
    )
    if search.is_valid() and search.cleaned_data["q"]:
        term = search.cleaned_data["q"]
        users = users.filter(Q(email__icontains=term) | Q(display_name__icontains=term))
    page = Paginator(users, settings.PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    districts = list(District.objects.all())
    return render(request, "members/roles.html", {"page": page, "search": search, "districts": districts})


@login_required
@require_POST
def roles_update(request, pk):
    require(permissions.can_manage_roles(request.viewer))
    member = get_object_or_404(User, pk=pk)
    form = RolesForm(request.POST)
    if form.is_valid():
        try:
            services.member_roles_set(
                user=member,
                district_ids=[d.pk for d in form.cleaned_data["districts"]],
                is_admin=form.cleaned_data["is_admin"],
                granted_by=request.user,
            )
        except services.RolesError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Rollerna för %(member)s är sparade.") % {"member": member.email})
    else:
        messages.error(request, _("Rollerna kunde inte sparas: välj bland de distrikt som finns."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("members:roles")


@login_required
def notifications(request):
    """The member's notifications, newest first. Reading the page changes nothing: the member marks them
    read (one, or all the page shows) with a POST."""
    page = Paginator(Notification.objects.filter(user=request.user), 30).get_page(request.GET.get("page"))
    unread = [n.pk for n in page if n.read_at is None]
    return render(request, "members/notifications.html", {"page": page, "unread": unread})


@login_required
@require_POST
def notifications_read(request):
    form = NotificationsReadForm(request.POST, user=request.user)
    if form.is_valid():
        services.notifications_mark_read(user=request.user, notifications=form.cleaned_data["notifications"])
        messages.success(request, _("Markerat som läst."))
    else:
        messages.error(request, _("Notiserna kunde inte markeras som lästa. Ladda om sidan och försök igen."))
    url = reverse("members:notifications")
    page = form.cleaned_data.get("page") if form.is_valid() else None
    return redirect(f"{url}?page={page}" if page and page > 1 else url)


@login_required
def follows(request):
    """What the member follows, newest first, each with a button to stop."""
    page = Paginator(request.user.follows.all(), 50).get_page(request.GET.get("page"))
    return render(request, "members/follows.html", {"page": page})


@login_required
@require_POST
def follow_remove(request):
    form = FollowRemoveForm(request.POST, user=request.user)
    if form.is_valid():
        follow = form.cleaned_data["follow"]
        services.follow_remove(follow=follow)
        messages.success(request, _("Du bevakar inte längre ”%(label)s”.") % {"label": follow.label})
    else:
        messages.info(request, _("Den bevakningen fanns redan inte kvar."))
    return redirect("members:follows")


@csrf_exempt  # the signed link is the credential, not a session; mail programs post to it (RFC 8058)
def email_settings(request, token):
    """How often a member gets email, from the link in every email, without logging in. A GET shows the
    choice; a POST saves it (a mail program's one-click unsubscribe turns email off)."""
    user = user_for_email_settings_token(token)
    if user is None:
        raise Http404
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        services.member_email_frequency_set(user=user, email_frequency=User.EmailFrequency.NEVER)
        return HttpResponse(status=204)
    form = EmailSettingsForm(request.POST or None, initial={"email_frequency": user.email_frequency})
    if request.method == "POST" and form.is_valid():
        services.member_email_frequency_set(user=user, email_frequency=form.cleaned_data["email_frequency"])
        messages.success(request, _("Sparat. Du kan ändra det när du vill, här eller i din profil."))
        return redirect("members:email_settings", token=token)
    return render(request, "members/email_settings.html", {"form": form, "member": user})
