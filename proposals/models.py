import unicodedata

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from places.models import in_language

TITLE_MAX = 160
SUMMARY_MAX = 600
BODY_MAX = 20000
PROBLEM_MAX = 4000
ANSWER_MAX = 6000
COMMENT_MAX = 4000


class PolicyArea(models.Model):
    """A fixed, admin-managed policy area (sakområde)."""

    name = models.CharField(_("namn"), max_length=80, unique=True)
    name_en = models.CharField(_("namn på engelska"), max_length=80, blank=True)
    slug = models.SlugField(_("kortnamn"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("sakområde")
        verbose_name_plural = _("sakområden")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)


# What the list's filters test on an idea besides its sort order (proposals.selectors.proposal_filtered): kept in
# each sort order's index.
LISTED_COVERED = [
    "hidden_at",
    "merged_into",
    "status",
    "policy_area",
    "support_count",
    "search_districts",
    "search_places",
]
# Each sort order's column and the names of its index over the bank and within an area.
SORT_INDEXES = [
    ("created_at", "proposal_newest", "proposal_area_newest"),
    ("support_count", "proposal_most_supported", "proposal_area_supported"),
    ("comment_count", "proposal_most_commented", "proposal_area_commented"),
    ("last_activity_at", "proposal_recent_activity", "proposal_area_active"),
]


class Proposal(models.Model):
    """A member's reform idea in the bank."""

    class Status(models.TextChoices):
        NEW = "new", _("Ny")
        UNDER_REVIEW = "under_review", _("Under beredning")
        SELECTED = "selected", _("Utvald till reformagendan")
        ANSWERED = "answered", _("Besvarad")
        DECLINED = "declined", _("Går inte vidare")

    title = models.CharField(_("rubrik"), max_length=TITLE_MAX)
    summary = models.TextField(_("sammanfattning"), max_length=SUMMARY_MAX)
    body = models.TextField(_("förslaget"), max_length=BODY_MAX)
    problem = models.TextField(_("problemet som idén löser"), max_length=PROBLEM_MAX)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("författare"),
    )
    places = models.ManyToManyField(
        "places.Place", related_name="proposals", verbose_name=_("kommun eller region")
    )
    policy_area = models.ForeignKey(
        PolicyArea, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("sakområde")
    )
    tags = TaggableManager(verbose_name=_("taggar"), blank=True)
    derived_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="derivatives",
        verbose_name=_("bygger vidare på"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    answer = models.TextField(_("styrelsens svar"), max_length=ANSWER_MAX, blank=True)
    support_count = models.PositiveIntegerField(_("stöd"), default=0)
    comment_count = models.PositiveIntegerField(_("kommentarer"), default=0)
    created_at = models.DateTimeField(_("skapad"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    last_activity_at = models.DateTimeField(_("senast aktiv"), default=timezone.now, editable=False)
    # The search index (proposals/search.py): every field for matching, title and summary with tier labels for
    # ranking and suggestions, place and tag ids as lists (",3,17,") so that facet counts need no joins, and the
    # districts of the places (",1,2,") so that a district filter is one string test per hit.
    search_vector = SearchVectorField(null=True, editable=False)
    search_head = SearchVectorField(null=True, editable=False)
    search_places = models.TextField(default=",", editable=False)
    search_districts = models.TextField(default=",", editable=False)
    search_tags = models.TextField(default=",", editable=False)
    # The submit form's one-time key: a double-click or a resent form finds the idea it already made.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    # Hidden by an editor (moderation): gone from every public list, its page only for its editors, admins
    # and author, who read the public reason.
    hidden_at = models.DateTimeField(_("dold"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dold av"),
    )
    hidden_reason = models.CharField(_("skäl"), max_length=500, blank=True)
    # Merged by an editor into the idea it duplicates: gone from every list, its address leads to that idea.
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_ideas",
        verbose_name=_("sammanförd med"),
    )
    merged_at = models.DateTimeField(_("sammanförd"), null=True, blank=True)

    class Meta:
        verbose_name = _("idé")
        verbose_name_plural = _("idéer")
        indexes = [
            GinIndex(fields=["search_vector"], name="proposal_search_gin"),
            GinIndex(fields=["search_head"], name="proposal_search_head_gin"),
            # The supported ideas' words: a search filtered on ideas with support (two in five) finds its hits
            # without reading the others.
            GinIndex(
                fields=["search_vector"],
                name="proposal_supported_search_gin",
                condition=Q(support_count__gt=0),
            ),
            # The head's lexemes behind their labels ("Askolor", "D_skola") and the week the idea was created in
            # ("~2921"): a search by relevance finds the ideas at or above a rank from it, and the newest of them
            # (proposals.search.hits, migration 0022 defines the function).
            GinIndex(
                Func(
                    F("search_head"),
                    F("created_at"),
                    function="proposal_head_labels",
                    output_field=SearchVectorField(),
                ),
                name="proposal_head_weeks_gin",
            ),
            # The sort orders, each with what the list's filters test (LISTED_COVERED): a page of the list walks
            # one of them from the index alone, however thinly its filter is spread along the order, and reads
            # only the rows of the page (proposals.selectors.proposal_card_page).
            *(
                models.Index(fields=[f"-{column}", "-id"], name=name, include=LISTED_COVERED)
                for column, name, _area_name in SORT_INDEXES
            ),
            # Index-only counts of the listed ideas (neither hidden nor merged: proposal_queryset_for_list):
            # the whole list, and by district, area and status (few distinct values); the ids alone for a
            # municipality's count, merged with its place links. Without the condition in the index, every
            # count read the table to test hidden_at and merged_into (30 ms of the list's 50 on 100,000 ideas).
            models.Index(
                fields=["search_districts", "policy_area_id", "status"],
                name="proposal_listed_filter",
                condition=Q(hidden_at__isnull=True, merged_into__isnull=True),
            ),
            models.Index(
                fields=["id"],
                name="proposal_listed",
                condition=Q(hidden_at__isnull=True, merged_into__isnull=True),
            ),
            models.Index(fields=["status", "-created_at"], name="proposal_status_newest"),
            # An area's ideas in each sort order: a deep page of one area (in one district) walks only that
            # area's ideas, not the whole bank's, in order.
            *(
                models.Index(
                    fields=["policy_area", f"-{column}", "-id"], name=area_name, include=LISTED_COVERED
                )
                for column, _name, area_name in SORT_INDEXES
            ),
            # Counting an area's ideas within a district: the area's ids from the index alone, joined with the
            # district's links, instead of a probe into the table for every link.
            models.Index(fields=["policy_area", "id"], name="proposal_area_id"),
            # The bank's last change, which cached searches are keyed by (proposals.search.hits).
            models.Index(fields=["updated_at"], name="proposal_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "under_review", "selected", "answered", "declined"]),
                name="proposal_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["answered", "declined"]) | ~Q(answer=""),
                name="proposal_answer_required",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="proposal_title_not_empty"),
            models.UniqueConstraint(fields=["author", "submission_key"], name="proposal_one_per_submission"),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="proposal_hidden_needs_reason",
            ),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="proposal_not_merged_into_itself"),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True, merged_at__isnull=True)
                | Q(merged_into__isnull=False, merged_at__isnull=False),
                name="proposal_merged_at_with_merged_into",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.pk])

    @property
    def is_open_for_edit(self):
        return self.status in {self.Status.NEW, self.Status.UNDER_REVIEW}

    @cached_property
    def district_ids(self) -> frozenset[int]:
        """The districts of the idea's places (prefetch `places__districts` to make this free)."""
        return frozenset(district.pk for place in self.places.all() for district in place.districts.all())


class ProposalRevision(models.Model):
    """The text of an idea as it was before an edit."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=TITLE_MAX)
    summary = models.TextField(max_length=SUMMARY_MAX)
    body = models.TextField(max_length=BODY_MAX)
    problem = models.TextField(max_length=PROBLEM_MAX)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tidigare version")
        verbose_name_plural = _("tidigare versioner")


class StatusChange(models.Model):
    """Who moved an idea to which status, when and why."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("idé")
    )
    from_status = models.CharField(_("från status"), max_length=20, choices=Proposal.Status.choices)
    to_status = models.CharField(_("till status"), max_length=20, choices=Proposal.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ändrad av")
    )
    reason = models.TextField(_("motivering"), max_length=ANSWER_MAX, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("statusändring")
        verbose_name_plural = _("statusändringar")


class Support(models.Model):
    """A member's one endorsement of an idea."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stöd")
        verbose_name_plural = _("stöd")
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="support_one_per_member")]


class Comment(models.Model):
    """A comment on an idea; replies go one level deep."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="comments", verbose_name=_("idé")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="comments",
        verbose_name=_("författare"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("svar på"),
    )
    body = models.TextField(_("kommentar"), max_length=COMMENT_MAX)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    edited_at = models.DateTimeField(_("redigerad"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("dold"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dold av"),
    )
    hidden_reason = models.CharField(_("skäl"), max_length=500, blank=True)
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""), name="comment_hidden_needs_reason"
            ),
            models.UniqueConstraint(fields=["author", "submission_key"], name="comment_one_per_submission"),
        ]

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class SearchWord(models.Model):
    """The bank's vocabulary for the search (proposals.search.lexicon): every lexeme any idea's index holds,
    `written` when an idea contains it as written or as the base form of a word it contains (those are what a
    typo is corrected to), and in how many
    ideas it occurred when the index was last rebuilt (`manage.py search_reindex`), a weight for choosing
    between corrections. Saving an idea adds its new words with a count of one and never updates a row,
    so that ideas saved at the same time never wait for each other here."""

    word = models.CharField(max_length=80, unique=True)
    written = models.BooleanField(default=False)
    ideas = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("sökord")
        verbose_name_plural = _("sökord")

    def __str__(self):
        return self.word


class SynonymSet(models.Model):
    """Words a search treats as one (two-way: fritids ↔ fritidshem), or the first of which also finds the
    others (one-way: snöskottning → snöröjning). Applied to each search as it runs: no reindex."""

    terms = ArrayField(models.CharField(max_length=80), verbose_name=_("ord"))
    one_way = models.BooleanField(
        _("bara åt ett håll"),
        default=False,
        help_text=_("Det första ordet hittar de andra, men de andra hittar inte det första."),
    )
    note = models.CharField(_("anteckning"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("synonymer")
        verbose_name_plural = _("synonymer")
        ordering = ["terms"]
        indexes = [GinIndex(fields=["terms"], name="synonymset_terms_gin")]
        constraints = [
            models.CheckConstraint(condition=Q(terms__len__gte=2), name="synonymset_two_terms"),
            # A double-click on Save, or two editors adding the same set, makes one set.
            models.UniqueConstraint(
                fields=["terms", "one_way"],
                name="synonymset_unique_terms",
                violation_error_message=_("De här synonymerna finns redan."),
            ),
        ]

    def __str__(self):
        return (" → " if self.one_way else " ↔ ").join(self.terms)

    def clean(self):
        """Terms as a search compares them: lower case, single spaces, each once, at least two."""
        terms = [" ".join(unicodedata.normalize("NFC", t).lower().split()) for t in self.terms or []]
        self.terms = list(dict.fromkeys(t for t in terms if t))
        if len(self.terms) < 2:
            raise ValidationError({"terms": _("Skriv minst två ord, åtskilda med kommatecken.")})


class ProposalCoauthor(models.Model):
    """A member named beside the author: the author of an idea an editor merged into this one."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="coauthors")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("medförfattare")
        verbose_name_plural = _("medförfattare")
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="coauthor_one_per_member")]


class ProposalMerge(models.Model):
    """An editor merged a duplicate (`merged`) into the idea kept (`kept`). `moved` records exactly what moved,
    so that undoing it restores both ideas as they were:

    supports: [[member id, created_at ISO]] moved to the kept idea; supports_kept_apart: member ids whose
    support stayed on the merged idea (they supported the kept one already, or wrote it); comments: ids moved;
    tags, places: ids added to the kept idea; coauthors: member ids added as co-authors."""

    kept = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="merges_kept")
    merged = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="merges_merged")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("sammanförd"), default=timezone.now, editable=False)
    moved = models.JSONField(default=dict)
    undone_at = models.DateTimeField(_("ångrad"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("sammanförning")
        verbose_name_plural = _("sammanförningar")
        constraints = [
            models.CheckConstraint(condition=~Q(kept=F("merged")), name="merge_two_ideas"),
            # An idea is merged away at most once at a time.
            models.UniqueConstraint(
                fields=["merged"], condition=Q(undone_at__isnull=True), name="merge_one_active_per_idea"
            ),
        ]

    def __str__(self):
        return f"{self.merged_id} → {self.kept_id}"
