from django import forms
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEntry
from members.models import User
from reformbank.forms import SingleLineCharField

from .models import REASON_MAX, RESPONSE_MAX


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Vad är fel?"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Redaktionen läser anmälan. Den som skrev får inte veta vem som anmälde."),
    )

    def __init__(self, *args, prefix_id: str = "report", **kwargs):
        # Its own ids: the idea page holds one report form for the idea and one for each comment.
        super().__init__(*args, auto_id=f"{prefix_id}_%s", **kwargs)


class HideForm(forms.Form):
    reason = SingleLineCharField(
        label=_("Skäl som visas för alla"),
        max_length=RESPONSE_MAX,
        help_text=_("Visas i stället för texten. Texten sparas och kan visas igen."),
    )


class AskChangeForm(forms.Form):
    message = forms.CharField(
        label=_("Vad ska författaren ändra?"),
        max_length=RESPONSE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skickas som en notis till författaren."),
    )


class AuditFilterForm(forms.Form):
    """The log's filters, from the query string. A value that is no choice or date is an error beside its
    field; the list is then filtered by the others."""

    action = forms.ChoiceField(
        label=_("Åtgärd"), required=False, choices=[("", _("Alla åtgärder")), *AuditEntry.Action.choices]
    )
    actor = forms.ModelChoiceField(
        label=_("Utförd av"), required=False, queryset=User.objects.none(), empty_label=_("Alla")
    )
    since = forms.DateField(
        label=_("Från och med"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Till och med"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, actors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = actors

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("Slutdatumet ligger före startdatumet."))
        return cleaned

    def filters(self) -> dict:
        """The valid filters (all of them for an unbound form: none)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
