import uuid

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from reformbank.forms import SingleLineCharField
from reformbank.submissions import SubmissionKeyField

from .models import NARRATIVE_MAX, TEXT_MAX, TITLE_MAX, Adoption, Amendment


class TextareaField(forms.CharField):
    """A multi-line text with its line endings as \n: browsers send \r\n, and a stored text must not differ
    from the same text saved another way only in its line endings."""

    widget = forms.Textarea

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class VersionedForm(forms.Form):
    """A change to the agenda: made on top of the version the editor saw, with a short message."""

    base_number = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    message = SingleLineCharField(
        label=_("Ändringsmeddelande"),
        max_length=200,
        help_text=_("Kort om vad du ändrade, t.ex. ”Skärpte punkten om hyror”. Visas i historiken."),
    )


class NarrativeForm(VersionedForm):
    title = SingleLineCharField(label=_("Titel"), max_length=TITLE_MAX)
    narrative = TextareaField(
        label=_("Berättelse"),
        max_length=NARRATIVE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Agendans övergripande berättelse. Markdown fungerar."),
    )
    field_order = ["title", "narrative", "message", "base_number"]


class SectionForm(VersionedForm):
    title = SingleLineCharField(label=_("Rubrik för reformriktningen"), max_length=TITLE_MAX)
    intro = TextareaField(
        label=_("Inledning"), max_length=TEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    field_order = ["title", "intro", "message", "base_number"]


class PointForm(VersionedForm):
    text = TextareaField(
        label=_("Reformpunkt"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    field_order = ["text", "message", "base_number"]


class MergeForm(VersionedForm):
    other = forms.ChoiceField(label=_("Slå ihop med"))
    text = TextareaField(
        label=_("Text för den sammanslagna punkten"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    field_order = ["other", "text", "message", "base_number"]

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].choices = [(str(p.key), p.text[:100]) for p in points]


class SplitForm(VersionedForm):
    first = TextareaField(
        label=_("Första punkten"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    second = TextareaField(
        label=_("Andra punkten"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    field_order = ["first", "second", "message", "base_number"]


class StructureForm(forms.Form):
    """Move or remove: only the version it was made on."""

    base_number = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    offset = forms.TypedChoiceField(choices=[("-1", "-1"), ("1", "1")], coerce=int, required=False)
    section = forms.UUIDField(required=False)


class AgendaCreateForm(forms.Form):
    submission_key = SubmissionKeyField()
    title = SingleLineCharField(label=_("Titel"), max_length=TITLE_MAX)
    district = forms.ChoiceField(label=_("Distrikt"))

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = {str(d.pk): d for d in districts}
        self.fields["district"].choices = [(key, d.name) for key, d in self.districts.items()] + [
            ("joint", _("Gemensam för båda distrikten"))
        ]

    def clean_district(self):
        value = self.cleaned_data["district"]
        return None if value == "joint" else self.districts[value]


class ConsultationForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Remissen pågår till och med"), widget=forms.DateInput(attrs={"type": "date"})
    )


class AdoptForm(forms.ModelForm):
    class Meta:
        model = Adoption
        fields = ["body", "decided_on", "minutes_reference"]
        field_classes = {"minutes_reference": SingleLineCharField}
        widgets = {"decided_on": forms.DateInput(attrs={"type": "date"})}
        labels = {
            "body": _("Beslutande organ"),
            "decided_on": _("Beslutsdatum"),
            "minutes_reference": _("Protokollsreferens"),
        }
        help_texts = {"minutes_reference": _("T.ex. ”Kongressprotokoll 2027-03-12, § 14”.")}

    future_confirmed = forms.BooleanField(
        label=_("Beslutsdatumet ligger i framtiden – jag bekräftar"),
        required=False,
        help_text=_("Bara om beslutet är fattat med ett datum efter i dag."),
    )

    def clean(self):
        cleaned = super().clean()
        decided_on = cleaned.get("decided_on")
        if decided_on and decided_on > timezone.localdate() and not cleaned.get("future_confirmed"):
            self.add_error(
                "future_confirmed",
                _(
                    "Beslutsdatumet %(date)s ligger i framtiden. Rätta datumet, eller kryssa i att det stämmer."
                )
                % {"date": formats.date_format(decided_on)},
            )
        return cleaned

    def adoption(self) -> dict:
        """What the service records: the decision, without the confirmation."""
        return {name: self.cleaned_data[name] for name in ("body", "decided_on", "minutes_reference")}


class AmendmentForm(forms.Form):
    submission_key = SubmissionKeyField()
    target = forms.ChoiceField(label=_("Gäller"))
    kind = forms.ChoiceField(
        label=_("Typ av ändring"), choices=Amendment.Kind.choices, widget=forms.RadioSelect
    )
    text = TextareaField(
        label=_("Föreslagen text"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Den nya texten (vid ”Ersätt” eller ”Lägg till”). Lämnas tom vid ”Stryk”."),
    )
    motivation = TextareaField(
        label=_("Motivering"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for section in document.sections:
            choices.append(
                (f"s:{section.key}", _("Reformriktningen ”%(title)s”") % {"title": section.title[:80]})
            )
            for point in section.points:
                choices.append((f"p:{section.key}:{point.key}", "— " + point.text[:90]))
        self.fields["target"].choices = choices

    def clean(self):
        cleaned = super().clean()
        target, kind = cleaned.get("target"), cleaned.get("kind")
        if target and kind:
            parts = target.split(":")
            # UUIDs, not strings: the service looks the keys up among the document's UUID keys.
            cleaned["section_key"] = uuid.UUID(parts[1])
            cleaned["point_key"] = uuid.UUID(parts[2]) if len(parts) == 3 else None
            if kind == Amendment.Kind.ADD and cleaned["point_key"]:
                cleaned["point_key"] = None
            if kind != Amendment.Kind.DELETE and not cleaned.get("text", "").strip():
                self.add_error("text", _("Skriv den text du föreslår."))
            if kind == Amendment.Kind.DELETE:
                cleaned["text"] = ""
        return cleaned


class AmendmentAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Beslut"),
        widget=forms.RadioSelect,
        choices=[c for c in Amendment.Decision.choices if c[0] != Amendment.Decision.PENDING],
    )
    text = TextareaField(
        label=_("Text i ändrad form"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bara vid ”Bifallet i ändrad form”: texten som förs in i agendan."),
    )
    answer = TextareaField(
        label=_("Motivering (offentlig)"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == Amendment.Decision.ACCEPTED_MODIFIED
            and not cleaned.get("text", "").strip()
        ):
            self.add_error("text", _("Skriv texten i den ändrade formen."))
        return cleaned


class PromoteForm(forms.Form):
    target = forms.ChoiceField(
        label=_("Reformriktning"),
        error_messages={
            "invalid_choice": _(
                "Välj en reformriktning i en agenda du redigerar. Den du valde finns inte längre "
                "eller kan inte ändras nu."
            ),
            "required": _("Välj en reformriktning i en agenda du redigerar."),
        },
    )
    text = TextareaField(
        label=_("Text för reformpunkten"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tomt: idéns rubrik och sammanfattning."),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = targets
