from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from taggit.models import Tag

from members.services import is_following
from reformbank.views import follow_answer, form_submit, require

from . import exports, permissions, selectors, services
from .forms import (
    CommentForm,
    CommentHideForm,
    MergeForm,
    MergeSearchForm,
    ProposalFilterForm,
    ProposalForm,
    StatusForm,
    TopicFollowForm,
)
from .models import Comment, Proposal, ProposalCoauthor, ProposalMerge, Support
from .search import mark_matches, parse_query
from .selectors import MARK_START, MARK_STOP
from .templatetags.proposal_tags import highlight


def _proposal_or_404(pk, viewer) -> Proposal:
    try:
        proposal = selectors.proposal_for_detail(pk)
    except Proposal.DoesNotExist:
        raise Http404 from None
    if not permissions.can_see_proposal(viewer, proposal):
        raise Http404
    return proposal


@require_GET
def home(request):
    return render(request, "proposals/home.html", selectors.home_overview())


@require_GET
def proposal_list(request):
    options = selectors.filter_options()
    form = ProposalFilterForm(request.GET or None, options=options)
    filters = form.filters()
    page, search = selectors.proposal_page(filters, request.GET.get("page"), correct=form.corrects_typos())
    if search and search.searchable:
        form.show_counts(search.hits)
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "topic": _followable_topic(request, filters, options),
            "form": form,
            "filters": filters,
            "page": page,
            "searching": bool(filters.q),
            "unsearchable": search is not None and not search.searchable,
            "top_tags": search.hits.tags if search else [],
            "hits": search.hits if search else None,
            "query": search.query if search else None,
        },
    )


@require_GET
def proposal_export(request, fmt):
    """The list or search for the same query string as a file: every page of it, up to exports.MAX_ROWS."""
    if fmt not in exports.FORMATS:
        raise Http404
    form = ProposalFilterForm(request.GET or None, options=selectors.filter_options())
    params = request.GET.copy()
    params.pop("page", None)
    source = settings.SITE_URL.rstrip("/") + reverse("proposals:list")
    export = exports.Export(
        ids=exports.public_list_ids(form.filters()),
        basename="reformbanken-ideer",
        source_url=f"{source}?{params.urlencode()}" if params else source,
    )
    return exports.export_response(export, fmt)


def _followable_topic(request, filters, options) -> dict | None:
    """What a member may follow from a list filtered by exactly one tag or one place: its name, whether they
    follow it, and the fields the follow button posts."""
    if not request.user.is_authenticated or filters.q or bool(filters.tag) == (filters.place_id is not None):
        return None
    if filters.tag:
        topic = Tag.objects.filter(slug=filters.tag).first()
        if topic is None:
            return None
        name, fields = f"#{topic.name}", {"tag": topic.slug}
    else:
        topic = next(place for place in options.places if place.pk == filters.place_id)
        if not topic.is_active:
            return None
        name, fields = topic.name, {"place": topic.code}
    return {"name": name, "fields": fields, "following": is_following(user=request.user, target=topic)}


SUGGESTIONS = 8


@require_GET
def proposal_suggest(request):
    """Ideas whose title matches what is typed in the search field, the last word as a prefix: JSON for the
    search field's suggestion list (each title escaped, the matches in <mark>)."""
    q = request.GET.get("q", "")[:200]
    query = parse_query(q, prefix_last=True)
    if not query or len(q.strip()) < 2:
        return JsonResponse({"suggestions": []})
    suggestions = [
        {
            "url": reverse("proposals:detail", args=[pk]),
            "title": title,
            "html": highlight(mark_matches(title, query, MARK_START, MARK_STOP)),
        }
        for pk, title in selectors.proposal_suggestions(query, limit=SUGGESTIONS)
    ]
    return JsonResponse({"suggestions": suggestions})


SIMILAR = 5


@require_GET
def proposal_similar(request):
    """Ideas like the title a member is typing (their words in the Swedish search's sense, one of them may be
    missing, the last one a prefix): JSON for the submit form's duplicate warning, each with where to support
    it instead (or to log in first). Hidden and merged ideas are left out, as in search."""
    title = request.GET.get("titel", "")[:200]
    if len(title.strip()) < 4:
        return JsonResponse({"ideas": []})
    _query, hits = selectors.proposal_search_hits(selectors.ProposalFilters(q=title), depth=SIMILAR, sort="")
    if hits is None:
        return JsonResponse({"ideas": []})
    ranked = hits.ranked_ids
    rows = Proposal.objects.filter(pk__in=ranked, hidden_at__isnull=True, merged_into__isnull=True).only(
        "id", "title", "author_id", "support_count", "merged_into_id"
    )
    by_pk = {row.pk: row for row in rows}
    ideas = []
    for proposal in (by_pk[pk] for pk in ranked if pk in by_pk):
        url = proposal.get_absolute_url()
        idea = {"id": proposal.pk, "title": proposal.title, "url": url, "supports": proposal.support_count}
        if not request.user.is_authenticated:
            idea["login_url"] = f"{reverse('account_login')}?{urlencode({'next': url})}"
        elif permissions.can_support(request.viewer, proposal):
            idea["support_url"] = reverse("proposals:support", args=[proposal.pk])
        ideas.append(idea)
    response = JsonResponse({"ideas": ideas})
    patch_cache_control(response, private=True)  # the buttons depend on who asks
    return response


@login_required
def proposal_create(request, derive_from=None):
    origin = _proposal_or_404(derive_from, request.viewer) if derive_from is not None else None
    require(permissions.can_submit(request.viewer))
    status = 200
    if request.method == "POST":
        form = ProposalForm(request.POST)
        submitted = form_submit(
            form,
            lambda data: services.proposal_create(
                author=request.user,
                derived_from=origin,
                submission_key=data["submission_key"],
                **{name: data[name] for name in ProposalForm.Meta.fields},
            ),
        )
        if submitted:
            messages.success(request, _("Tack! Din idé finns nu i reformbanken."))
            return redirect(submitted.result)
        status = submitted.status
    else:
        initial = {}
        if origin is not None:
            initial = {
                "title": origin.title,
                "summary": origin.summary,
                "problem": origin.problem,
                # The text is required: a lead-in naming the source, so the form submits as it comes.
                "body": (_("Bygger vidare på ”%(title)s”.") % {"title": origin.title} + "\n\n" + origin.body)[
                    : Proposal._meta.get_field("body").max_length
                ],
                "places": list(origin.places.all()),
                "policy_area": origin.policy_area,
                "tags": ", ".join(tag.name for tag in origin.tags.all()),
            }
        form = ProposalForm(initial=initial)
    return render(request, "proposals/proposal_form.html", {"form": form, "origin": origin}, status=status)


@login_required
def proposal_edit(request, pk):
    proposal = _proposal_or_404(pk, request.viewer)
    status = 200
    if request.method == "POST":
        # The author's own edit of an idea the board took up meanwhile: refused by the service, text kept.
        require(permissions.is_own_proposal(request.viewer, proposal))
        form = ProposalForm(request.POST, instance=proposal)
        submitted = form_submit(
            form,
            lambda data: services.proposal_update(
                proposal=proposal,
                editor=request.user,
                **{name: data[name] for name in ProposalForm.Meta.fields},
            ),
        )
        if submitted:
            messages.success(
                request, _("Dina ändringar är sparade. Den tidigare texten finns kvar i historiken.")
            )
            return redirect(proposal)
        status = submitted.status
    else:
        require(permissions.can_edit_proposal(request.viewer, proposal))
        form = ProposalForm(
            instance=proposal, initial={"tags": ", ".join(t.name for t in proposal.tags.all())}
        )
    return render(
        request, "proposals/proposal_form.html", {"form": form, "proposal": proposal}, status=status
    )


def proposal_detail(request, pk):
    proposal = _proposal_or_404(pk, request.viewer)
    if proposal.merged_into_id:
        # Not permanent: an editor may undo the merge, and browsers keep a 301 for good.
        return redirect("proposals:detail", pk=proposal.merged_into_id)
    viewer = request.viewer
    comments = list(selectors.proposal_comments(proposal))
    for comment in comments:
        for item in [comment, *comment.replies.all()]:
            item.user_can_edit = permissions.can_edit_comment(viewer, item)
    context = {
        "proposal": proposal,
        "comments": comments,
        "revisions": proposal.revisions.select_related("edited_by"),
        "status_changes": proposal.status_changes.select_related("changed_by"),
        "derivatives": proposal.derivatives.filter(hidden_at__isnull=True, merged_into__isnull=True).only(
            "id", "title", "created_at"
        ),
        "has_supported": viewer.is_authenticated
        and Support.objects.filter(proposal=proposal, member_id=viewer.pk).exists(),
        "is_following": is_following(user=request.user, target=proposal),
        "can_edit": permissions.can_edit_proposal(viewer, proposal),
        "can_support": permissions.can_support(viewer, proposal),
        "can_comment": permissions.can_comment(viewer, proposal),
        "can_derive": permissions.can_submit(viewer),
        "can_moderate": permissions.can_moderate(viewer, proposal),
        "comment_form": CommentForm(),
        "coauthors": [
            row.member for row in ProposalCoauthor.objects.filter(proposal=proposal).select_related("member")
        ]
        if proposal.has_coauthors
        else [],
    }
    if context["can_moderate"]:
        context["status_form"] = StatusForm(proposal=proposal)
    if context["can_moderate"] and proposal.has_merges:
        context["merges"] = ProposalMerge.objects.filter(
            kept=proposal, undone_at__isnull=True
        ).select_related("merged", "editor")
    return render(request, "proposals/proposal_detail.html", context)


@login_required
@require_POST
def proposal_support(request, pk):
    proposal = _proposal_or_404(pk, request.viewer)
    require(permissions.can_support(request.viewer, proposal))
    if request.POST.get("action") == "withdraw":
        services.proposal_unsupport(proposal=proposal, member=request.user)
        messages.info(request, _("Du stöder inte längre idén."))
    elif services.proposal_support(proposal=proposal, member=request.user):
        messages.success(request, _("Tack för ditt stöd!"))
    else:
        messages.info(request, _("Du stöder redan den här idén."))
    return redirect(proposal)


@login_required
@require_POST
def proposal_follow(request, pk):
    proposal = _proposal_or_404(pk, request.viewer)
    return follow_answer(
        request,
        proposal,
        lambda following: services.proposal_follow(
            proposal=proposal, member=request.user, following=following
        ),
        started=_("Du bevakar idén och får en notis när något händer med den."),
        stopped=_("Du bevakar inte längre idén."),
    )


@login_required
@require_POST
def topic_follow(request):
    """Follow a tag or a municipality (the region), from the list filtered by it; back to that list."""
    form = TopicFollowForm(request.POST)
    if not form.is_valid():
        raise Http404
    topic = form.cleaned_data["tag"] or form.cleaned_data["place"]
    name = f"#{topic.name}" if isinstance(topic, Tag) else topic.name
    return follow_answer(
        request,
        services.topic_list_url(topic),
        lambda following: services.topic_follow(topic=topic, member=request.user, following=following),
        started=_("Du bevakar %(name)s och får en notis om nya idéer.") % {"name": name},
        stopped=_("Du bevakar inte längre %(name)s.") % {"name": name},
    )


@login_required
@require_POST
def proposal_status(request, pk):
    proposal = _proposal_or_404(pk, request.viewer)
    require(permissions.can_moderate(request.viewer, proposal))
    form = StatusForm(request.POST, proposal=proposal)
    submitted = form_submit(
        form,
        lambda data: services.proposal_status_change(
            proposal=proposal, editor=request.user, status=data["status"], text=data["text"]
        ),
    )
    if submitted:
        messages.success(request, _("Idéns status är ändrad."))
        return redirect(proposal)
    context = {"proposal": proposal, "form": form}
    return render(request, "proposals/status_form.html", context, status=submitted.status)


MERGE_CANDIDATES = 10


def _merge_target(viewer, merged: Proposal, pk: int) -> Proposal | None:
    """The idea numbered `pk`, if the viewer may merge `merged` into it."""
    # Its state (hidden, merged meanwhile) is the service's to check, under lock: a 409, not a form error.
    kept = Proposal.objects.filter(pk=pk).exclude(pk=merged.pk).prefetch_related("places__districts").first()
    if kept is None or not permissions.can_merge(viewer, merged, kept):
        return None
    return kept if permissions.can_see_proposal(viewer, kept) else None


@login_required
def proposal_merge(request, pk):
    """An editor merges this idea into the one it duplicates: search for that one by title or number, then
    confirm with its button (a POST of its number)."""
    proposal = _proposal_or_404(pk, request.viewer)
    require(permissions.can_moderate(request.viewer, proposal))
    if proposal.merged_into_id and request.method != "POST":
        messages.info(request, _("Idén är redan sammanförd med en annan idé."))
        return redirect("proposals:detail", pk=proposal.merged_into_id)
    status = 200
    form = MergeForm(
        request.POST or None, find=lambda kept_pk: _merge_target(request.viewer, proposal, kept_pk)
    )
    if request.method == "POST":
        submitted = form_submit(
            form,
            lambda data: services.proposal_merge(kept=data["kept"], merged=proposal, editor=request.user),
        )
        if submitted:
            messages.success(request, _("Idéerna är sammanförda. Du kan ångra det här."))
            return redirect(submitted.result.kept)
        status = submitted.status
    search = MergeSearchForm(request.GET or None)
    candidates = []
    if search.is_valid() and search.cleaned_data["q"]:
        q = search.cleaned_data["q"].lstrip("#")
        if q.isdigit() and len(q) < 10:
            ids = [int(q)]
        else:
            ids = [
                kept_pk
                for kept_pk, _title in selectors.proposal_suggestions(
                    parse_query(q, prefix_last=True), limit=MERGE_CANDIDATES
                )
            ]
        found = (
            Proposal.objects.filter(pk__in=ids, hidden_at__isnull=True, merged_into__isnull=True)
            .exclude(pk=proposal.pk)
            .prefetch_related("places__districts")
        )
        by_pk = {kept.pk: kept for kept in found if permissions.can_merge(request.viewer, proposal, kept)}
        candidates = [by_pk[kept_pk] for kept_pk in ids if kept_pk in by_pk]
    elif request.GET:
        status = 400
    context = {"proposal": proposal, "form": form, "search": search, "candidates": candidates}
    return render(request, "proposals/merge.html", context, status=status)


@login_required
@require_POST
def merge_undo(request, pk):
    """An editor undoes a merge, from the kept idea's page."""
    merge = get_object_or_404(ProposalMerge, pk=pk)
    kept = _proposal_or_404(merge.kept_id, request.viewer)
    merged = selectors.proposal_for_detail(merge.merged_id)
    require(permissions.can_merge(request.viewer, merged, kept))
    try:
        services.proposal_unmerge(merge=merge, editor=request.user)
    except services.ServiceError as error:
        context = {"proposal": kept, "error": error}
        return render(request, "proposals/merge_refused.html", context, status=error.status)
    messages.success(request, _("Sammanförningen är ångrad: idéerna är åter två egna idéer."))
    return redirect(kept)


@login_required
@require_POST
def comment_create(request, pk):
    proposal = _proposal_or_404(pk, request.viewer)
    require(permissions.can_comment(request.viewer, proposal))
    form = CommentForm(request.POST)
    submitted = form_submit(
        form,
        lambda data: services.comment_create(
            proposal=proposal,
            author=request.user,
            body=data["body"],
            parent=get_object_or_404(Comment, pk=data["parent"], proposal=proposal)
            if data["parent"]
            else None,
            submission_key=data["submission_key"],
        ),
    )
    if submitted:
        messages.success(request, _("Din kommentar är publicerad."))
        return redirect(f"{proposal.get_absolute_url()}#kommentarer")
    context = {"proposal": proposal, "form": form}
    return render(request, "proposals/comment_form.html", context, status=submitted.status)


def _comment_or_404(pk) -> Comment:
    return get_object_or_404(Comment.objects.select_related("proposal"), pk=pk)


@login_required
def comment_edit(request, pk):
    comment = _comment_or_404(pk)
    if not permissions.can_see_proposal(request.viewer, comment.proposal):
        raise Http404
    require(permissions.can_edit_comment(request.viewer, comment))
    form = CommentForm(request.POST or None, instance=comment)
    status = 200
    if request.method == "POST":
        submitted = form_submit(
            form, lambda data: services.comment_update(comment=comment, body=data["body"])
        )
        if submitted:
            messages.success(request, _("Kommentaren är ändrad."))
            return redirect(f"{comment.proposal.get_absolute_url()}#kommentar-{comment.pk}")
        status = submitted.status
    context = {"proposal": comment.proposal, "form": form, "comment": comment}
    return render(request, "proposals/comment_form.html", context, status=status)


@login_required
def comment_hide(request, pk):
    comment = _comment_or_404(pk)
    comment.proposal = _proposal_or_404(comment.proposal_id, request.viewer)
    require(permissions.can_moderate(request.viewer, comment.proposal))
    back = f"{comment.proposal.get_absolute_url()}#kommentar-{comment.pk}"
    if comment.is_hidden:
        messages.info(request, _("Kommentaren är redan dold."))
        return redirect(back)
    form = CommentHideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.comment_hide(comment=comment, editor=request.user, reason=form.cleaned_data["reason"]):
            messages.success(request, _("Kommentaren är dold."))
        else:  # another editor (or the first click) was first: their name and reason stay
            messages.info(request, _("Kommentaren är redan dold."))
        return redirect(back)
    return render(request, "proposals/comment_hide.html", {"comment": comment, "form": form})


@login_required
def my_proposals(request):
    proposals = (
        selectors.proposal_queryset_for_list().filter(author=request.user).order_by("-created_at", "-id")
    )
    page = selectors.proposal_card_page(proposals, request.GET.get("page"))
    return render(request, "proposals/my_proposals.html", {"page": page})


@login_required
def editor_queue(request):
    district_ids = request.viewer.editor_district_ids
    if not district_ids:
        raise PermissionDenied
    status = request.GET.get("status", "")
    if status not in Proposal.Status.values:
        status = ""
    page = selectors.proposal_card_page(
        selectors.district_queue(district_ids, status), request.GET.get("page")
    )
    return render(
        request,
        "proposals/editor_queue.html",
        {
            "page": page,
            "status": status,
            "statuses": Proposal.Status.choices,
        },
    )


@login_required
@require_GET
def editor_queue_export(request, fmt):
    """The editors' queue of the viewer's districts, for the same status tab, as a file."""
    district_ids = request.viewer.editor_district_ids
    if not district_ids:
        raise PermissionDenied
    if fmt not in exports.FORMATS:
        raise Http404
    status = request.GET.get("status", "")
    status = status if status in Proposal.Status.values else ""
    source = settings.SITE_URL.rstrip("/") + reverse("proposals:queue")
    export = exports.Export(
        ids=exports.queue_ids(district_ids, status),
        basename="reformbanken-redaktionens-ko",
        source_url=f"{source}?status={status}" if status else source,
    )
    response = exports.export_response(export, fmt)
    # What only the district's editors may read: kept out of shared caches.
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def tag_autocomplete(request):
    """Existing tags that start with (or contain) what the member has typed; JSON for the tag field."""
    term = request.GET.get("q", "").strip().lower()[:40]
    if len(term) < 1:
        return JsonResponse({"tags": []})
    tags = (
        Tag.objects.filter(Q(name__istartswith=term) | Q(name__icontains=f" {term}"))
        .order_by("name")
        .values_list("name", flat=True)[:10]
    )
    return JsonResponse({"tags": list(tags)})
