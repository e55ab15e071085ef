import html
import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


class FormRenderer(TemplatesSetting):
    """Django's form rendering, with the project's field template (templates/forms/field.html)."""

    field_template_name = "forms/field.html"

    def get_template(self, template_name):
        # allauth draws its forms with as_p, whose template writes Django's label_tag ("E-postadress:"). Here
        # every form is drawn field by field through the field template: labels without a colon, one markup.
        if template_name == "django/forms/p.html":
            template_name = self.form_template_name
        return super().get_template(template_name)


def html_value(value) -> str:
    """A value in HTML as format_html and the template engine put it: as it is if it is already HTML (a
    SafeString), else escaped. Without format_html's check of every value for a lazy translation, which costs
    more than the escaping where a page writes hundreds of values."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def html_attributes(attrs: dict) -> str:
    """A widget's attributes as Django's widget template writes them: in order, True as a bare name, False
    left out."""
    return mark_safe(  # noqa: S308 (each part is escaped by html_value)
        "".join(
            f" {html_value(name)}" if value is True else f' {html_value(name)}="{html_value(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


class PlainSelect(forms.Select):
    """A select without option groups (their options are listed in line), written in Python: Django's select
    template includes a template for each option and another for its attributes, and builds a dictionary for
    each option first; the list's filter form, with some sixty options, spent most of its time there on every
    list and search page. The markup is the template's, whitespace aside."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        options, found = [], False
        for choice_value, choice_label in self.choices:
            group = (
                choice_label if isinstance(choice_label, (list, tuple)) else [(choice_value, choice_label)]
            )
            for option_value, label in group:
                option_value = "" if option_value is None else option_value
                selected = not found and str(option_value) in chosen
                found |= selected
                options.append(
                    f'<option value="{html_value(option_value)}"{" selected" if selected else ""}>'
                    f"{html_value(label)}</option>"
                )
        attributes = html_attributes(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{html_value(name)}"{attributes}>{"".join(options)}</select>')  # noqa: S308


class Checkbox(forms.CheckboxInput):
    """A checkbox written in Python, as PlainSelect is: Django's checkbox template includes the input template,
    which includes the attributes template (three templates for one tag, on every list and search page for each
    of the filter form's checkboxes). The markup is the template's. Named so that its bound field's
    `widget_type` stays "checkbox", which the field templates test to put the box inside its label."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = "" if widget["value"] is None else f' value="{html_value(widget["value"])}"'
        attributes = html_attributes(widget["attrs"])
        return mark_safe(  # noqa: S308 (each part is escaped by html_value)
            f'<input type="{html_value(widget["type"])}" name="{html_value(name)}"{value}{attributes}>'
        )


# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. The middleware already turns
# away requests with control characters other than tab, line feed and carriage return; a one-line field also
# refuses those three.
LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x85\u2028\u2029]")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Letters and symbols that show as nothing, used to make a name or title that looks empty.
BLANK_FILLERS = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")


def is_invisible(char: str) -> bool:
    """Whitespace, a format character (zero-width space and joiners, word joiner, BOM, bidi marks) or a filler."""
    return char.isspace() or unicodedata.category(char) == "Cf" or char in BLANK_FILLERS


def strip_invisible(text: str) -> str:
    """The text without the invisible characters at either end (those inside, like a joiner in an emoji, stay)."""
    start, end = 0, len(text)
    while start < end and is_invisible(text[start]):
        start += 1
    while end > start and is_invisible(text[end - 1]):
        end -= 1
    return text[start:end]


def validate_single_line(value: str) -> None:
    if LINE_BREAKS.search(value):
        raise ValidationError(_("Skriv på en rad, utan radbrytningar."), code="line_break")
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("Texten innehåller otillåtna kontrolltecken."), code="control_character")


class SingleLineCharField(forms.CharField):
    """A one-line text (a title, a name, a tag): no line breaks or control characters, and invisible characters
    around it are removed like spaces, so a text of only invisible characters is missing ("required")."""

    default_validators = [validate_single_line]

    def to_python(self, value):
        value = super().to_python(value)
        if self.strip and value:
            value = strip_invisible(value)
        return value if value else self.empty_value
