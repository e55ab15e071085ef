"""Filters of the idea list that apps above this one add: they register here when Django starts (their
AppConfig.ready), so the bank never imports them. The practice app adds "tried in practice somewhere" and "in a
municipality the party governs".

Each is a checkbox of the list's filter form, and so of every page built on it (the search, the feeds, the
exports, an idea round's page); ticked, it keeps the ideas whose ids its subquery gives."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class ListFilter:
    name: str  # its key in the query string
    label: str
    proposal_ids: Callable[[], QuerySet]  # a subquery of the ids of the ideas it keeps


_registered: dict[str, ListFilter] = {}


def list_filter_register(list_filter: ListFilter) -> None:
    _registered[list_filter.name] = list_filter


def list_filters() -> list[ListFilter]:
    return list(_registered.values())


def list_filter(name: str) -> ListFilter:
    return _registered[name]
