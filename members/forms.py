from django import forms
from django.utils.translation import gettext_lazy as _

from places.models import District, Place

from .services import member_profile_update


class ProfileFields(forms.Form):
    display_name = forms.CharField(
        label=_("Visningsnamn"),
        max_length=80,
        help_text=_("Visas vid dina idéer och kommentarer."),
    )
    home_place = forms.ModelChoiceField(
        label=_("Hemkommun"),
        queryset=Place.objects.filter(is_active=True, kind=Place.Kind.MUNICIPALITY),
        required=False,
        empty_label=_("Välj kommun"),
    )


class SignupForm(ProfileFields):
    """Extra fields on allauth's sign-up form."""

    def signup(self, request, user):
        member_profile_update(
            user=user,
            display_name=self.cleaned_data["display_name"],
            home_place=self.cleaned_data["home_place"],
        )


class ProfileForm(ProfileFields):
    pass


class RolesForm(forms.Form):
    districts = forms.ModelMultipleChoiceField(
        label=_("Redaktör för"),
        queryset=District.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    is_admin = forms.BooleanField(label=_("Administratör"), required=False)


class UserSearchForm(forms.Form):
    q = forms.CharField(label=_("Sök medlem"), required=False, max_length=200)
