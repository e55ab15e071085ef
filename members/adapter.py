import ipaddress
from dataclasses import dataclass
from functools import lru_cache, partial
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core import validators
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from .languages import language_cookie_set
from .models import User
from .tasks import email_send


@dataclass(frozen=True)
class EmailSite:
    """What allauth's mail templates call `current_site`: the portal's name and the host it is reached on."""

    name: str
    domain: str


def site_url(request=None) -> str:
    """Where the portal is reached: the address the request came to, else SITE_URL."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_URL.rstrip("/")


@lru_cache(maxsize=4)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _address(text: str):
    """An IP address as proxies and servers write it (with or without a port), or None."""
    text = text.strip()
    if text.startswith("["):  # [2001:db8::1]:443
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:  # 203.0.113.7:51234
        text = text.partition(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address of the client that sent the request.

    Only the proxies in settings.TRUSTED_PROXIES are believed: while the address we heard from is one of them,
    step one entry leftwards in X-Forwarded-For. The first address that is not a trusted proxy is the client;
    whatever stands left of it was written by the client itself and may be forged.
    """
    address = _address(request.META.get("REMOTE_ADDR", ""))
    trusted = _networks(tuple(settings.TRUSTED_PROXIES))
    hops = request.headers.get("X-Forwarded-For", "").split(",")
    while address is not None and hops and any(address in network for network in trusted):
        hop = _address(hops.pop())
        if hop is None:
            # "unknown" or empty: keep the last proxy's address rather than trust anything left of it.
            break
        address = hop
    return str(address) if address is not None else None


def supported_language(code: str | None) -> str:
    """One of settings.LANGUAGES for a language code ("en-gb" is "en"); the site's language for anything else."""
    try:
        return translation.get_supported_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def recipient_language(email: str, user=None) -> str:
    """The language a mail is written in: its member's (the one allauth names, else the address's), else the
    active one."""
    if not isinstance(user, User):
        user = (
            User.objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
            .only("language")
            .first()
        )
    return supported_language(user.language if user else translation.get_language())


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """Key allauth's rate limits by the real client, not by the proxy in front of the site."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def clean_email(self, email: str) -> str:
        # Django's form field accepts 320 characters, the user and address tables hold 254: refuse a longer
        # one here (sign-up and adding an address) instead of letting allauth cut it short.
        validators.MaxLengthValidator(User._meta.get_field("email").max_length)(email)
        return super().clean_email(email)

    # Mail sent outside a request (the shell, a task) links to SITE_URL; in a request, allauth links to the
    # address the request came to.
    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        if (request or self.request) is not None:
            return super().get_email_confirmation_url(request, emailconfirmation)
        return site_url() + reverse("account_confirm_email", args=[emailconfirmation.key])

    def get_reset_password_from_key_url(self, key: str) -> str:
        if self.request is not None:
            return super().get_reset_password_from_key_url(key)
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return site_url() + path.replace("UID-KEY", quote(key))

    def post_login(self, request, user, **kwargs):
        """A member who signs in reads the site in the language kept on their account, on any device."""
        response = super().post_login(request, user, **kwargs)
        translation.activate(user.language)  # the "signed in" message is already in it
        return language_cookie_set(response, user.language)

    def send_mail(self, template_prefix, email, context):
        """Render allauth's mail here, in the recipient's language, and send it from the task worker once the request's transaction commits."""
        request = self.request
        address = urlsplit(site_url(request))
        context = {
            "request": request,
            "email": email,
            "current_site": EmailSite(name=settings.SITE_NAME, domain=address.netloc),
            **context,
        }
        with translation.override(recipient_language(email, context.get("user"))):
            message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        transaction.on_commit(
            partial(
                email_send.enqueue,
                subject=message.subject,
                body=message.body,
                to=list(message.to),
                html=html,
                from_email=message.from_email,
            )
        )
