from datetime import date, timedelta

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import Place
from proposals.models import PolicyArea
from reformbank.forms import SingleLineCharField
from reformbank.submissions import SubmissionKeyField

from .models import LINK_MAX, OUTCOME_MAX, TITLE_MAX, Assignment, Implementation
from .services import assignment_place_problem

EARLIEST = date(1970, 1, 1)
# A decision or a trial can be planned ahead, but not for ever.
LATEST_AHEAD = timedelta(days=5 * 366)


class WebLinkField(forms.URLField):
    """A link to a web page: http or https only (never javascript: or data: in an href)."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class ImplementationForm(forms.Form):
    state = forms.ChoiceField(label=_("Läge"), choices=Implementation.State.choices, widget=forms.RadioSelect)
    happened_on = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("När motionen lämnades, beslutet togs, försöket började eller utvärderingen kom."),
    )
    outcome = forms.CharField(
        label=_("Utfall"),
        required=False,
        max_length=OUTCOME_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Några meningar om hur det gick eller var det står."),
    )
    link = WebLinkField(
        label=_("Länk till beslut eller utvärdering"),
        required=False,
        max_length=LINK_MAX,
        assume_scheme="https",
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
    submission_key = SubmissionKeyField()

    def clean_happened_on(self):
        happened_on = self.cleaned_data["happened_on"]
        if not EARLIEST <= happened_on <= timezone.localdate() + LATEST_AHEAD:
            raise forms.ValidationError(_("Ange ett datum mellan 1970 och fem år framåt."))
        return happened_on


class PlaceChoiceForm(forms.Form):
    """The idea page's small form: which place to record an implementation for."""

    plats = forms.ChoiceField(label=_("Kommun eller region"))

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plats"].choices = [(place.code, place.name) for place in places]


class AssignmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Uppdrag"), choices=Assignment.Kind.choices)
    place = forms.ModelChoiceField(
        label=_("Kommun eller region"),
        queryset=Place.objects.filter(is_active=True),
        required=False,
        empty_label=_("Ingen (riksdagen)"),
    )
    title = SingleLineCharField(
        label=_("Roll"),
        required=False,
        max_length=TITLE_MAX,
        help_text=_("Till exempel ”ledamot i utbildningsnämnden” eller ”gruppledare”."),
    )

    def clean(self):
        cleaned = super().clean()
        if "kind" in cleaned and "place" in cleaned:
            problem = assignment_place_problem(cleaned["kind"], cleaned["place"])
            if problem:
                self.add_error("place", problem)
        return cleaned


class CarryForm(forms.Form):
    """ "Jag driver den här": in which of the representative's confirmed offices."""

    assignment = forms.TypedChoiceField(label=_("I uppdraget"), coerce=int)

    def __init__(self, *args, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignment"].choices = [(a.pk, a.description) for a in assignments]


class MatrixForm(forms.Form):
    """The matrix's policy area, from the areas loaded once for both the choices and the check."""

    omrade = forms.ChoiceField(label=_("Sakområde"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = {area.slug: area for area in PolicyArea.objects.filter(is_active=True)}
        self.fields["omrade"].choices = [(slug, area.display_name) for slug, area in self.areas.items()]

    def clean_omrade(self):
        return self.areas[self.cleaned_data["omrade"]]
