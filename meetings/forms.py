import re
from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from proposals.models import Proposal
from reformbank.forms import SingleLineCharField
from reformbank.submissions import SubmissionKeyField

from .models import CAPACITY_MAX, JOIN_URL_MAX, NOTES_MAX, Meeting

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
# A meeting is arranged at most this far ahead, and lasts at most this long.
FURTHEST_AHEAD = timedelta(days=3 * 365)
LONGEST = timedelta(days=7)
# Meetings before this date are not recorded (it also keeps the year in range whatever is typed).
EARLIEST = datetime(2020, 1, 1, tzinfo=timezone.get_fixed_timezone(60))
IDEAS_MAX = 20
# An idea given by its number, or by its address (…/ideer/123/).
IDEA_REFERENCE = re.compile(r"^(?:.*/ideer/)?(\d{1,9})/?$")


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as the browser's date-time picker sends it, in Swedish time."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)
    input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]


class MeetingForm(forms.ModelForm):
    submission_key = SubmissionKeyField()
    district = forms.ChoiceField(label=_("Distrikt"))
    kind = forms.ChoiceField(
        label=_("Form"), choices=Meeting.Kind.choices, initial=Meeting.Kind.ON_SITE, widget=forms.RadioSelect
    )
    starts_at = LocalDateTimeField(label=_("Börjar"), help_text=_("Svensk tid."))
    ends_at = LocalDateTimeField(label=_("Slutar"))
    join_url = forms.URLField(
        label=_("Länk till det digitala mötet"),
        required=False,
        max_length=JOIN_URL_MAX,
        assume_scheme="https",
        help_text=_(
            "För digitala möten: börjar med https://. Visas bara för anmälda, från en timme före start."
        ),
    )
    capacity = forms.IntegerField(
        label=_("Antal platser"),
        min_value=1,
        max_value=CAPACITY_MAX,
        help_text=_("När platserna är tagna hamnar nya anmälningar på en väntelista."),
    )

    class Meta:
        model = Meeting
        fields = ["title", "district", "kind", "starts_at", "ends_at", "address", "join_url", "capacity"]
        fields += ["round", "description"]
        field_classes = {"title": SingleLineCharField, "address": SingleLineCharField}
        labels = {
            "title": _("Titel"),
            "address": _("Adress"),
            "description": _("Beskrivning"),
        }
        help_texts = {
            "address": _("För möten på plats: lokal och gatuadress."),
            "description": _("Vad mötet handlar om. Du kan använda Markdown: **fet**, *kursiv*, listor."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = {str(d.pk): d for d in districts}
        self.fields["district"].choices = [(key, d.display_name) for key, d in self.districts.items()] + [
            ("joint", _("Gemensamt för båda distrikten"))
        ]
        if self.instance.pk:
            self.initial["district"] = (
                str(self.instance.district_id) if self.instance.district_id else "joint"
            )
        self.fields["address"].required = False

    def clean_district(self):
        value = self.cleaned_data["district"]
        return None if value == "joint" else self.districts[value]

    def clean_join_url(self):
        url = self.cleaned_data["join_url"]
        if url and not url.startswith("https://"):
            raise forms.ValidationError(_("Länken måste börja med https://."))
        return url

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at < EARLIEST:
            raise forms.ValidationError(_("Välj ett datum från 2020 och framåt."))
        if starts_at > timezone.now() + FURTHEST_AHEAD:
            raise forms.ValidationError(_("Ett möte kan ligga högst tre år fram i tiden."))
        return starts_at

    def clean(self):
        cleaned = super().clean()
        kind, starts_at, ends_at = cleaned.get("kind"), cleaned.get("starts_at"), cleaned.get("ends_at")
        if kind == Meeting.Kind.DIGITAL and not cleaned.get("join_url") and "join_url" not in self.errors:
            self.add_error("join_url", _("Ett digitalt möte behöver en länk."))
        if kind == Meeting.Kind.ON_SITE:
            if not cleaned.get("address") and "address" not in self.errors:
                self.add_error("address", _("Ett möte på plats behöver en adress."))
            cleaned["join_url"] = ""
        if starts_at and ends_at:
            if ends_at <= starts_at:
                self.add_error("ends_at", _("Mötet måste sluta efter att det börjar."))
            elif ends_at - starts_at > LONGEST:
                self.add_error("ends_at", _("Ett möte kan pågå högst en vecka."))
        return cleaned

    def meeting_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "district"}


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Anteckningar"),
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Vad som sades och beslutades. Du kan använda Markdown."),
    )
    ideas = SingleLineCharField(
        label=_("Idéer som togs upp"),
        required=False,
        max_length=1000,
        help_text=_("Idéernas nummer eller adresser, åtskilda med kommatecken (högst 20)."),
    )

    def clean_ideas(self) -> list[Proposal]:
        references = [
            part.strip() for part in re.split(r"[,\s]+", self.cleaned_data["ideas"]) if part.strip()
        ]
        numbers = []
        for reference in references:
            match = IDEA_REFERENCE.match(reference)
            if match is None:
                raise forms.ValidationError(
                    _("”%(reference)s” är varken ett idénummer eller en adress till en idé."),
                    params={"reference": reference[:60]},
                )
            numbers.append(int(match.group(1)))
        numbers = list(dict.fromkeys(numbers))
        if len(numbers) > IDEAS_MAX:
            raise forms.ValidationError(_("Högst %(max)s idéer."), params={"max": IDEAS_MAX})
        found = Proposal.objects.only("id", "title").in_bulk(numbers)
        missing = [str(n) for n in numbers if n not in found]
        if missing:
            raise forms.ValidationError(
                _("Det finns ingen idé med nummer %(numbers)s."), params={"numbers": ", ".join(missing)}
            )
        return [found[n] for n in numbers]


class IdeaSearchForm(forms.Form):
    sok = forms.CharField(label=_("Hitta en idés nummer: sök på rubriken"), required=False, max_length=200)


class DistrictFilterForm(forms.Form):
    distrikt = forms.ChoiceField(label=_("Distrikt"), required=False)

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = {d.code: d for d in districts}
        self.fields["distrikt"].choices = [("", _("Båda distrikten"))] + [
            (code, d.display_name) for code, d in self.districts.items()
        ]

    def district_id(self) -> int | None:
        if not self.is_bound or not self.is_valid():
            return None
        district = self.districts.get(self.cleaned_data["distrikt"])
        return district.pk if district else None
