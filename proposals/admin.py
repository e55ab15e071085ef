from django.contrib import admin

from places.admin import PlaceAdmin
from places.models import Place
from reformbank.admin import editor_may_use

from .models import Comment, PolicyArea, Proposal, StatusChange, SynonymSet
from .search import search_districts_refresh
from .services import proposal_search_index

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
    fields = readonly_fields = ["from_status", "to_status", "changed_by", "reason", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "policy_area", "status", "support_count", "created_at"]
    list_filter = ["status", "policy_area", "places"]
    search_fields = ["title", "author__email"]
    raw_id_fields = ["author", "derived_from"]
    # Hiding is done on the site (moderation), where it is re-checked and lands in the audit log.
    readonly_fields = [
        "support_count",
        "comment_count",
        "created_at",
        "updated_at",
        "last_activity_at",
        "hidden_at",
        "hidden_by",
        "hidden_reason",
    ]
    list_select_related = ["author", "policy_area"]
    inlines = [StatusChangeInline]

    def save_related(self, request, form, formsets, change):
        """Text, places and tags may have changed: index the idea again, as the services do."""
        super().save_related(request, form, formsets, change)
        proposal_search_index(form.instance)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["proposal", "author", "created_at", "hidden_at"]
    raw_id_fields = ["proposal", "author", "parent", "hidden_by"]
    list_select_related = ["proposal", "author"]


@admin.register(SynonymSet)
class SynonymSetAdmin(admin.ModelAdmin):
    """Editors' synonyms: searches use them as they run, so a change counts from the next search on."""

    list_display = ["__str__", "one_way", "note"]
    list_filter = ["one_way"]
    search_fields = ["note"]
    fields = ["terms", "one_way", "note"]

    # Board editors keep the synonyms, without being staff (reformbank.admin).
    def has_module_permission(self, request):
        return editor_may_use(request)

    def has_view_permission(self, request, obj=None):
        return editor_may_use(request)

    def has_add_permission(self, request):
        return editor_may_use(request)

    def has_change_permission(self, request, obj=None):
        return editor_may_use(request)

    def has_delete_permission(self, request, obj=None):
        return editor_may_use(request)

    def get_search_results(self, request, queryset, search_term):
        """A set is found by any of its terms as well as by its note."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        term = " ".join(search_term.lower().split())
        if term:
            found |= queryset.filter(terms__contains=[term])
        return found, duplicates
