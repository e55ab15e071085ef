from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from places.admin import PlaceAdmin
from places.models import Place

from .models import Comment, PolicyArea, Proposal, StatusChange
from .search import search_districts_refresh
from .services import proposal_search_index


class SwedishLabels:
    """Swedish labels in the change form for fields whose model gives none (the field's English name shows)."""

    labels = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.labels:
            field.label = capfirst(self.labels[db_field.name])
        return field


# Column headers for fields whose model gives no Swedish name.
@admin.display(description=_("stöd"), ordering="support_count")
def supporters(obj):
    return obj.support_count


@admin.display(description=_("kommentarer"), ordering="comment_count")
def comments(obj):
    return obj.comment_count


@admin.display(description=_("skapad"), ordering="created_at")
def created(obj):
    return obj.created_at


@admin.display(description=_("ändrad"), ordering="updated_at")
def updated(obj):
    return obj.updated_at


@admin.display(description=_("senast aktiv"), ordering="last_activity_at")
def last_active(obj):
    return obj.last_activity_at


@admin.display(description=_("dold"), ordering="hidden_at")
def hidden(obj):
    return obj.hidden_at


@admin.display(description=_("idé"), ordering="proposal")
def idea(obj):
    return obj.proposal


@admin.display(description=_("författare"), ordering="author")
def writer(obj):
    return obj.author


@admin.display(description=_("från status"))
def from_status(obj):
    return obj.get_from_status_display()


@admin.display(description=_("till status"))
def to_status(obj):
    return obj.get_to_status_display()


@admin.display(description=_("ändrad av"))
def changed_by(obj):
    return obj.changed_by


@admin.display(description=_("motivering"))
def reason(obj):
    return obj.reason


# The places' admin, from the app below, with what the bank keeps of a place's districts on each idea.
admin.site.unregister(Place)


@admin.register(Place)
class PlaceWithIdeasAdmin(PlaceAdmin):
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and "districts" in form.changed_data:
            # The search and the idea list filter ideas by district through the districts of their places, kept
            # on each idea. A change made elsewhere (shell, SQL) needs `manage.py search_reindex`.
            search_districts_refresh(place_ids=[form.instance.pk])


@admin.register(PolicyArea)
class PolicyAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "position", "is_active"]
    list_editable = ["position", "is_active"]
    prepopulated_fields = {"slug": ["name"]}


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    fields = readonly_fields = [from_status, to_status, changed_by, reason, created]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "policy_area", "status", supporters, created]
    list_filter = ["status", "policy_area", "places"]
    search_fields = ["title", "author__email"]
    raw_id_fields = ["author", "derived_from"]
    readonly_fields = [supporters, comments, created, updated, last_active]
    exclude = ["support_count", "comment_count", "last_activity_at"]  # shown read-only, under Swedish names
    list_select_related = ["author", "policy_area"]
    inlines = [StatusChangeInline]

    def save_related(self, request, form, formsets, change):
        """Text, places and tags may have changed: index the idea again, as the services do."""
        super().save_related(request, form, formsets, change)
        proposal_search_index(form.instance)


@admin.register(Comment)
class CommentAdmin(SwedishLabels, admin.ModelAdmin):
    list_display = [idea, writer, created, hidden]
    labels = {
        "proposal": _("idé"),
        "author": _("författare"),
        "edited_at": _("redigerad"),
        "hidden_at": _("dold"),
        "hidden_by": _("dold av"),
    }
    raw_id_fields = ["proposal", "author", "parent", "hidden_by"]
    list_select_related = ["proposal", "author"]
