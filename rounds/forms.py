from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import Place
from proposals.models import PolicyArea
from reformbank.forms import SingleLineCharField
from reformbank.submissions import SubmissionKeyField

from .models import DESCRIPTION_MAX, TITLE_MAX

JOINT = "joint"


class RoundForm(forms.Form):
    """A round's theme, description, dates and, optionally, the places and policy areas it concerns."""

    title = SingleLineCharField(
        label=_("Tema"),
        max_length=TITLE_MAX,
        help_text=_("Rubriken medlemmarna ser, t.ex. ”Trygghet i förorten”."),
    )
    description = forms.CharField(
        label=_("Beskrivning"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Vad styrelsen vill ha idéer om och varför. Du kan använda Markdown."),
    )
    opens_on = forms.DateField(label=_("Öppnar"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(
        label=_("Stänger"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Sista dagen att skicka in idéer."),
    )
    places = forms.ModelMultipleChoiceField(
        label=_("Kommuner och regioner"),
        queryset=Place.objects.filter(is_active=True).prefetch_related("districts"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-box"}),
        help_text=_("Frivilligt: vilka kommuner insamlingen gäller. Inget val betyder hela distriktet."),
        error_messages={
            "invalid_choice": _("Välj en kommun eller region ur listan."),
            "invalid_pk_value": _("Välj en kommun eller region ur listan."),
        },
    )
    policy_areas = forms.ModelMultipleChoiceField(
        label=_("Sakområden"),
        queryset=PolicyArea.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-box"}),
        help_text=_("Frivilligt: vilka sakområden insamlingen gäller."),
        error_messages={
            "invalid_choice": _("Välj ett sakområde ur listan."),
            "invalid_pk_value": _("Välj ett sakområde ur listan."),
        },
    )

    def __init__(self, *args, round_=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_

    def district_for_places(self):
        """The district whose places the round may concern (None: both, a joint round)."""
        return self.round.district if self.round is not None else None

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("Insamlingen kan inte stänga innan den öppnar."))
        district = self.district_for_places()
        places = cleaned.get("places")
        if district is not None and places:
            outside = [p.name for p in places if district.pk not in {d.pk for d in p.districts.all()}]
            if outside:
                self.add_error(
                    "places",
                    _("%(places)s hör inte till %(district)s.")
                    % {"places": ", ".join(outside), "district": district.display_name},
                )
        return cleaned


class RoundCreateForm(RoundForm):
    submission_key = SubmissionKeyField()
    district = forms.ChoiceField(label=_("Distrikt"))
    field_order = ["district", "title", "description", "opens_on", "closes_on", "places", "policy_areas"]

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = {str(d.pk): d for d in districts}
        self.fields["district"].choices = [(key, d.display_name) for key, d in self.districts.items()] + [
            (JOINT, _("Gemensam för båda distrikten"))
        ]

    def clean_district(self):
        value = self.cleaned_data["district"]
        return None if value == JOINT else self.districts[value]

    def district_for_places(self):
        return self.cleaned_data.get("district")

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("Sista dagen har redan varit. Välj ett senare datum."))
        return closes_on
