from django import forms
from django.utils.translation import gettext_lazy as _

from places.models import District, Place
from proposals.models import PolicyArea

from .selectors import MONTHS, QUARTERS


class DashboardForm(forms.Form):
    """The dashboard's filters, limited to the viewer's districts (an admin sees them all)."""

    period = forms.ChoiceField(
        label=_("Period"),
        choices=[(MONTHS, _("12 månader, per månad")), (QUARTERS, _("3 år, per kvartal"))],
        required=False,
    )
    distrikt = forms.ModelChoiceField(
        label=_("Partidistrikt"),
        queryset=District.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("Alla mina distrikt"),
    )
    kommun = forms.ModelChoiceField(
        label=_("Kommun eller region"),
        queryset=Place.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("Alla"),
    )
    omrade = forms.ModelChoiceField(
        label=_("Sakområde"),
        queryset=PolicyArea.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla sakområden"),
    )

    def __init__(self, *args, districts, places, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["distrikt"].queryset = districts
        self.fields["kommun"].queryset = places
        self.fields["omrade"].queryset = areas

    def clean(self):
        data = super().clean()
        district, place = data.get("distrikt"), data.get("kommun")
        if district and place and not place.districts.filter(pk=district.pk).exists():
            self.add_error("kommun", _("Kommunen hör inte till det valda distriktet."))
        return data
