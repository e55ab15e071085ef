from django import forms
from django.utils.translation import gettext_lazy as _

from reformbank.submissions import SubmissionKeyField

from .files import MAX_FILE_BYTES, BadFile, table_read
from .rows import FIELDS


class UploadForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("Partidistrikt"),
        queryset=None,
        empty_label=None,
        help_text=_("Idéerna hamnar i distriktets kommuner; rader om andra kommuner nekas."),
        error_messages={"invalid_choice": _("Välj ett av dina partidistrikt.")},
    )
    file = forms.FileField(
        label=_("Fil"),
        help_text=_(
            "CSV (UTF-8, eller semikolonavgränsad från Excel), XLSX eller JSON, högst %(max)s MB och 20 000 rader. "
            "Första raden ska vara kolumnrubriker."
        )
        % {"max": MAX_FILE_BYTES // (1024 * 1024)},
        error_messages={"required": _("Välj en fil."), "empty": _("Filen är tom.")},
    )
    submission_key = SubmissionKeyField()

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
        self.fields["file"].widget.attrs["accept"] = ".csv,.txt,.xlsx,.json"

    def clean_file(self):
        """The file read into a table here, so that what is wrong with it shows next to the field."""
        upload = self.cleaned_data["file"]
        try:
            self.cleaned_data["table"] = table_read(upload)
        except BadFile as error:
            raise forms.ValidationError(str(error), code="bad_file") from None
        return upload


class MappingForm(forms.Form):
    """For each field of an idea, the column of the file that fills it (or none)."""

    def __init__(self, *args, header: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        columns = [("", _("– Finns inte i filen –"))] + [
            (str(index), name or _("Kolumn %(number)s") % {"number": index + 1})
            for index, name in enumerate(header)
        ]
        for field in FIELDS:
            self.fields[field.name] = forms.TypedChoiceField(
                label=field.label,
                choices=columns,
                coerce=int,
                empty_value=None,
                required=field.required,
                error_messages={"required": _("Välj kolumnen – fältet behövs för varje idé.")},
            )

    def clean(self):
        cleaned = super().clean()
        used = {}
        for field in FIELDS:
            column = cleaned.get(field.name)
            if column is None:
                continue
            if column in used:
                self.add_error(
                    field.name,
                    _("Kolumnen är redan vald för %(field)s.") % {"field": used[column]},
                )
            used[column] = field.label
        return cleaned

    def mapping(self) -> dict[str, int]:
        return {
            field.name: self.cleaned_data[field.name]
            for field in FIELDS
            if self.cleaned_data.get(field.name) is not None
        }
