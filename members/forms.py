from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from places.models import District, Place
from reformbank.forms import SingleLineCharField

from .adapter import supported_language
from .models import Follow, Notification, User
from .services import member_profile_update


class EmailFrequencyField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("E-post om dina notiser"),
            choices=User.EmailFrequency.choices,
            widget=forms.RadioSelect,
            help_text=_(
                "Notiser om idéer och annat du bevakar. Kontomejl, som återställning av lösenord, kommer alltid."
            ),
            **kwargs,
        )


class ProfileFields(forms.Form):
    display_name = SingleLineCharField(
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


class SignupForm(ProfileFields, allauth_forms.SignupForm):
    """allauth's sign-up form with the profile fields; the account is made whole or not at all."""

    field_order = ["email", "display_name", "home_place", "password1", "password2"]

    def try_save(self, request):
        with transaction.atomic():
            return super().try_save(request)

    def signup(self, request, user):
        member_profile_update(
            user=user,
            display_name=self.cleaned_data["display_name"],
            home_place=self.cleaned_data["home_place"],
            language=supported_language(translation.get_language()),
        )


class ProfileForm(ProfileFields):
    language = forms.ChoiceField(
        label=_("Språk"),
        choices=settings.LANGUAGES,
        required=False,  # left out: the member's language stays as it is
        help_text=_("Språket för sidan och för e-post till dig."),
    )
    email_frequency = EmailFrequencyField(required=False)  # left out: as it is
    show_name = forms.TypedChoiceField(
        label=_("Ditt namn"),
        choices=[("1", _("Visa mitt visningsnamn vid det jag skriver")), ("0", _("Visa bara ”Medlem”"))],
        coerce=lambda value: value == "1",
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,  # left out: as it is
        help_text=_("Vilka idéer du stöder visas aldrig med ditt namn."),
    )


class EmailSettingsForm(forms.Form):
    email_frequency = EmailFrequencyField()


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


class NotificationsReadForm(forms.Form):
    """The notifications a member marks read: one, or all those the page showed."""

    notifications = forms.ModelMultipleChoiceField(queryset=Notification.objects.none())
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notifications"].queryset = Notification.objects.filter(user=user)


class FollowRemoveForm(forms.Form):
    follow = forms.ModelChoiceField(queryset=Follow.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow"].queryset = Follow.objects.filter(user=user)
