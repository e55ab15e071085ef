from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnchoringConfig(AppConfig):
    name = "anchoring"
    verbose_name = _("Förankring")
