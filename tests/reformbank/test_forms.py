"""The project's form pieces (reformbank.forms)."""

import re

from django import forms

from reformbank.forms import Checkbox, PlainSelect

CHOICES = [("", "Alla"), ("nacka", "Nacka (12)"), ("x", 'Ett <b>"namn"</b> & mer'), (3, "Tre")]


def markup(html: str) -> str:
    """Whitespace between tags aside."""
    return re.sub(r">\s+<", "><", str(html)).strip()


def test_plain_select_writes_the_markup_of_djangos_select_template():
    attrs = {"id": "id_place", "aria-invalid": "true", "required": True, "disabled": False}
    for value in ["", "nacka", "x", 3, "3", None, "okänd"]:
        plain = PlainSelect(attrs=attrs, choices=CHOICES).render("place", value)
        django = forms.Select(attrs=attrs, choices=CHOICES).render("place", value)
        assert markup(plain) == markup(django)


def test_plain_select_escapes_labels_and_marks_the_chosen_option():
    html = PlainSelect(choices=CHOICES).render("place", "x")
    assert '<option value="x" selected>Ett &lt;b&gt;&quot;namn&quot;&lt;/b&gt; &amp; mer</option>' in html
    assert html.count(" selected") == 1


def test_plain_select_lists_the_options_of_a_group_in_line():
    grouped = [("", "Alla"), ("Län", [("nacka", "Nacka"), ("solna", "Solna")])]
    html = PlainSelect(choices=grouped).render("place", "solna")
    flat = PlainSelect(choices=[("", "Alla"), ("nacka", "Nacka"), ("solna", "Solna")]).render(
        "place", "solna"
    )
    assert html == flat
    assert '<option value="solna" selected>Solna</option>' in html


def test_checkbox_writes_the_markup_of_djangos_checkbox_template():
    attrs_tried = [{"id": "id_supported"}, {"id": "id_supported", "aria-invalid": "true", "disabled": False}]
    for attrs in attrs_tried:
        for value in [True, False, None, "", "on", 'x"<', 0, 1]:
            for check_test in [None, lambda value: value == "on"]:
                plain = Checkbox(attrs=attrs, check_test=check_test).render("supported", value)
                django = forms.CheckboxInput(attrs=attrs, check_test=check_test).render("supported", value)
                assert plain == django
    assert Checkbox().render("supported", True) == '<input type="checkbox" name="supported" checked>'


def test_a_checkbox_field_is_still_a_checkbox_to_the_field_templates():
    class Form(forms.Form):
        supported = forms.BooleanField(label="Bara idéer med stöd", required=False, widget=Checkbox)

    field = Form()["supported"]
    assert field.widget_type == "checkbox"
    assert '<label class="checkbox" for="id_supported"><input type="checkbox" name="supported"' in str(
        field.as_field_group()
    )
