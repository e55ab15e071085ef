import re
import unicodedata

from django import forms
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField
from taggit.models import Tag

from places.models import Place
from reformbank.forms import Checkbox, PlainSelect, SingleLineCharField, validate_single_line
from reformbank.submissions import SubmissionKeyField

from .list_filters import list_filters
from .models import Comment, PolicyArea, Proposal
from .selectors import FilterOptions, ProposalFilters
from .services import STATUS_TRANSITIONS, STATUSES_NEEDING_TEXT

MAX_TAGS = 8
TAG_MAX_LENGTH = 40
TAG_RE = re.compile(r"^[\w\- ]+$", re.UNICODE)


class TagsField(TagField):
    """Comma-separated tags on one line, checked for length and characters. Each is normalised (NFKC: full-width
    ｓｋｏｌａ is skola; lower case; single spaces), and tags that share a slug are one tag: "skola x" is the
    existing "skola-x"."""

    default_validators = [validate_single_line]

    def clean(self, value):
        tags = super().clean(value)
        cleaned = []
        for tag in tags:
            tag = " ".join(unicodedata.normalize("NFKC", tag).lower().split())
            if len(tag) > TAG_MAX_LENGTH:
                raise forms.ValidationError(
                    _("Taggen ”%(tag)s” är för lång (högst %(max)s tecken)."),
                    params={"tag": tag[:TAG_MAX_LENGTH] + "…", "max": TAG_MAX_LENGTH},
                )
            if not TAG_RE.match(tag) or not slugify(tag):
                raise forms.ValidationError(
                    _("Taggen ”%(tag)s” får bara innehålla bokstäver, siffror, mellanslag och bindestreck."),
                    params={"tag": tag},
                )
            cleaned.append(tag)
        return self._canonical(cleaned)

    @staticmethod
    def _canonical(tags: list[str]) -> list[str]:
        """One name per slug, in the order typed: the existing tag's name where the slug is taken."""
        by_slug = {}
        for tag in tags:
            by_slug.setdefault(Tag().slugify(tag), tag)
        if len(by_slug) > MAX_TAGS:
            raise forms.ValidationError(_("Högst %(max)s taggar."), params={"max": MAX_TAGS})
        existing = dict(Tag.objects.filter(slug__in=by_slug).values_list("slug", "name"))
        return [existing.get(slug, tag) for slug, tag in by_slug.items()]


class ProposalForm(forms.ModelForm):
    places = forms.ModelMultipleChoiceField(
        label=_("Kommun eller region"),
        queryset=Place.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-box"}),
        help_text=_("Välj en eller flera. Region Stockholm gäller hela länet."),
        error_messages={
            "required": _("Välj minst en kommun eller regionen."),
            "invalid_choice": _("Välj en kommun eller region ur listan."),
            "invalid_pk_value": _("Välj en kommun eller region ur listan."),
        },
    )
    policy_area = forms.ModelChoiceField(
        label=_("Sakområde"),
        queryset=PolicyArea.objects.filter(is_active=True),
        empty_label=_("Välj sakområde"),
        error_messages={"invalid_choice": _("Välj ett sakområde ur listan.")},
    )
    submission_key = SubmissionKeyField()
    tags = TagsField(
        label=_("Taggar"),
        required=False,
        help_text=_("Nyckelord, åtskilda med kommatecken, t.ex. ”läxhjälp, fritids”."),
    )

    class Meta:
        model = Proposal
        fields = ["title", "summary", "problem", "body", "places", "policy_area", "tags"]
        field_classes = {"title": SingleLineCharField}
        labels = {
            "title": _("Rubrik"),
            "summary": _("Sammanfattning"),
            "problem": _("Vilket problem löser idén?"),
            "body": _("Förslaget"),
        }
        help_texts = {
            "summary": _("En eller två meningar som visas i listor och sökträffar."),
            "body": _("Beskriv förslaget. Du kan använda Markdown: **fet**, *kursiv*, listor och länkar."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 4}),
            "body": forms.Textarea(attrs={"rows": 12}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tags"].widget.attrs.update(
            {"data-tag-autocomplete": "", "autocomplete": "off", "list": "tag-suggestions"}
        )
        if self.instance.pk:
            # A retired place an idea already has stays selectable for that idea.
            self.fields["places"].queryset = Place.objects.filter(
                Q(is_active=True) | Q(pk__in=self.instance.places.values("pk"))
            )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Ny status"), choices=Proposal.Status.choices)
    text = forms.CharField(
        label=_("Svar eller motivering"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Krävs när idén besvaras eller inte går vidare. Visas offentligt på idén."),
    )

    def __init__(self, *args, proposal, **kwargs):
        # Its own ids: the idea page also shows the agenda's promote form, which has a "text" field too.
        super().__init__(*args, auto_id="status_%s", **kwargs)
        allowed = STATUS_TRANSITIONS[proposal.status]
        self.fields["status"].choices = [(v, label) for v, label in Proposal.Status.choices if v in allowed]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in STATUSES_NEEDING_TEXT and not cleaned.get("text", "").strip():
            self.add_error("text", _("Skriv ett svar eller en motivering för den här statusen."))
        return cleaned


class CommentForm(forms.ModelForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    submission_key = SubmissionKeyField()

    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": _("Kommentar")}
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}


class CommentHideForm(forms.Form):
    reason = forms.CharField(label=_("Skäl att dölja"), max_length=500)


class MergeSearchForm(forms.Form):
    q = SingleLineCharField(
        label=_("Sök idén att behålla (rubrik eller nummer)"), required=False, max_length=200
    )


class MergeForm(forms.Form):
    """The idea to keep, by number; `find(pk)` gives the idea if the editor may merge into it, else None."""

    kept = forms.IntegerField(label=_("Idé att behålla (nummer)"), min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, find, **kwargs):
        super().__init__(*args, **kwargs)
        self.find = find

    def clean_kept(self):
        kept = self.find(self.cleaned_data["kept"])
        if kept is None:
            raise forms.ValidationError(_("Det finns ingen idé med det numret som du kan sammanföra med."))
        return kept


class ProposalFilterForm(forms.Form):
    """The list's filters, parsed from the query string against options loaded once per request."""

    q = forms.CharField(label=_("Sök"), required=False, max_length=200)
    place = forms.ChoiceField(label=_("Kommun"), required=False, widget=PlainSelect)
    district = forms.ChoiceField(label=_("Distrikt"), required=False, widget=PlainSelect)
    area = forms.ChoiceField(label=_("Sakområde"), required=False, widget=PlainSelect)
    tag = forms.SlugField(label=_("Tagg"), required=False, allow_unicode=True, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alla statusar"))] + Proposal.Status.choices,
        required=False,
        widget=PlainSelect,
    )
    supported = forms.BooleanField(label=_("Bara idéer med stöd"), required=False, widget=Checkbox)
    author = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    sort = forms.ChoiceField(
        label=_("Sortera"),
        required=False,
        widget=PlainSelect,
        choices=[
            ("", _("Relevans")),
            ("newest", _("Nyast")),
            ("supported", _("Mest stöd")),
            ("commented", _("Mest kommenterad")),
            ("active", _("Senast aktiv")),
        ],
    )

    def __init__(self, *args, options: FilterOptions, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        self.fields["place"].choices = [("", _("Alla kommuner"))] + [
            (p.code, p.name if p.is_active else _("%(place)s (avvecklad)") % {"place": p.name})
            for p in options.places
        ]
        self.fields["district"].choices = [("", _("Båda distrikten"))] + [
            (d.code, d.display_name) for d in options.districts
        ]
        self.fields["area"].choices = [("", _("Alla sakområden"))] + [
            (a.slug, a.display_name) for a in options.areas
        ]
        for extra in list_filters():
            self.fields[extra.name] = forms.BooleanField(label=extra.label, required=False, widget=Checkbox)

    def show_counts(self, hits) -> None:
        """Put the search's hit count beside each municipality, policy area and status: "Nacka (12)"."""
        places = {p.code: hits.place.get(p.pk, 0) for p in self.options.places}
        areas = {a.slug: hits.area.get(a.pk, 0) for a in self.options.areas}
        for name, counts in [("place", places), ("area", areas), ("status", hits.status)]:
            self.fields[name].choices = [
                (value, f"{label} ({counts.get(value, 0)})" if value else label)
                for value, label in self.fields[name].choices
            ]

    def corrects_typos(self) -> bool:
        """Whether the search's typos are corrected: not when the member asked for the words as typed (the
        "Sök i stället på …" link of a corrected search sets `exakt=1`)."""
        return self.data.get("exakt") != "1"

    def filters(self) -> ProposalFilters:
        """The valid filters; a field with a bad value is left out (and shows its error)."""
        if not self.is_bound:
            return ProposalFilters()
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        places = {p.code: p.pk for p in self.options.places}
        districts = {d.code: d.pk for d in self.options.districts}
        areas = {a.slug: a.pk for a in self.options.areas}
        return ProposalFilters(
            q=(data.get("q") or "").strip(),
            place_id=places.get(data.get("place")),
            district_id=districts.get(data.get("district")),
            policy_area_id=areas.get(data.get("area")),
            tag=data.get("tag") or "",
            status=data.get("status") or "",
            has_supports=bool(data.get("supported")),
            author_id=data.get("author"),
            sort=data.get("sort") or "",
            extra=tuple(extra.name for extra in list_filters() if data.get(extra.name)),
        )


class TopicFollowForm(forms.Form):
    """Follow or stop following one tag or one place."""

    tag = forms.ModelChoiceField(queryset=Tag.objects.all(), to_field_name="slug", required=False)
    place = forms.ModelChoiceField(
        queryset=Place.objects.filter(is_active=True), to_field_name="code", required=False
    )
    following = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")

    def clean(self):
        data = super().clean()
        if bool(data.get("tag")) == bool(data.get("place")):
            raise forms.ValidationError(_("Välj en tagg eller en kommun att bevaka."))
        return data
