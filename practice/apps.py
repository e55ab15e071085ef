from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = _("I praktiken")

    def ready(self):
        """The idea list's filters "tried in practice" and "where the party governs" (proposals.list_filters)."""
        from proposals.list_filters import ListFilter, list_filter_register

        from . import selectors

        list_filter_register(
            ListFilter("provad", _("Prövad i praktiken någonstans"), selectors.proposal_ids_tried)
        )
        list_filter_register(
            ListFilter("styrt", _("I en kommun där partiet styr"), selectors.proposal_ids_in_governing_places)
        )
