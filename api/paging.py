"""Pages of the API's lists: a page number and a page size, the total count and links to the pages beside.

Every list pages as deep as the site's idea list does (selectors.MAX_PAGES pages of 20, so 1,000 items),
whatever the page size: a deep page costs an OFFSET of every row before it, and a crawler walking every
filter's pages would pay it on each. Past that depth `truncated` says there is more to find by narrowing."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from proposals.selectors import MAX_PAGES

MAX_DEPTH = MAX_PAGES * settings.PROPOSALS_PER_PAGE
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = settings.PROPOSALS_PER_PAGE


def reachable_pages(size: int) -> int:
    return max(1, MAX_DEPTH // size)


def page_check(count: int, *, number: int, size: int) -> None:
    """404 for a page past the last one that can be reached; the first page always exists, empty or not."""
    pages = min(reachable_pages(size), max(1, -(-count // size)))
    if number > pages:
        raise HttpError(
            404,
            _("Sidan %(number)s finns inte: listan har %(pages)s sidor.")
            % {"number": number, "pages": pages},
        )


def page_meta(request, count: int, *, number: int, size: int) -> dict:
    """The count and the links of page `number` (see page_check) of a list of `count` items."""
    last = min(reachable_pages(size), max(1, -(-count // size)))
    return {
        "count": count,
        "truncated": count > reachable_pages(size) * size,
        "next": page_link(request, number + 1) if number < last else None,
        "previous": page_link(request, number - 1) if number > 1 else None,
    }


def page_of(request, object_list, *, number: int, size: int) -> tuple[Page, dict]:
    """One page of a list (a queryset or a list) and its meta (see page_meta); 404 past the last page."""
    paginator = Paginator(object_list, size)
    page_check(paginator.count, number=number, size=size)
    return paginator.page(number), page_meta(request, paginator.count, number=number, size=size)


def page_link(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
