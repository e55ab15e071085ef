"""The read-only JSON API (/api/v1/): the ideas, places, policy areas, tags and published agendas, as an
anonymous visitor sees them on the site.

Every answer is the anonymous view, whoever asks: the API never looks at the session (a signed-in editor's
cookie reveals no draft), so answers can be cached and shared. Each 200 carries an ETag (a hash of the body)
and answers a matching If-None-Match with 304; every client address may make settings.API_RATE_LIMIT requests
a minute (api/throttling.py)."""

import hashlib
import math

from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import Throttled, ValidationError
from ninja.renderers import JSONRenderer

from places.models import District, Place
from proposals.models import PolicyArea

from . import endpoints
from .throttling import ClientRateThrottle

CACHE_SECONDS = 60


class Utf8Renderer(JSONRenderer):
    """JSON in UTF-8 as it is (the content type says so): "Täby", not "T\\u00e4by"."""

    json_dumps_params = {"ensure_ascii": False}


class ReadOnlyAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        """Every 200 with an ETag (strong: a hash of the exact body) and a short public cache life; a request
        whose If-None-Match names the ETag gets 304 without the body."""
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        if response.status_code != 200:
            return response
        response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:40])
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    def get_openapi_schema(self, **kwargs):
        """The schema, with the values the ideas' place, district and area filters take listed: they are data
        (a municipality may be added), so they are read when the schema is asked for. Optional parameters are
        never null, and a 400 may be the site's HTML page."""
        schema = super().get_openapi_schema(**kwargs)
        choices = {
            "place": list(Place.objects.order_by("code").values_list("code", flat=True)),
            "district": list(District.objects.order_by("code").values_list("code", flat=True)),
            "area": list(PolicyArea.objects.order_by("slug").values_list("slug", flat=True)),
        }
        for path, operations in schema["paths"].items():
            # A control character anywhere in the query string is refused before the API sees the request,
            # by the site's own 400 page (reformbank.middleware.ControlCharacterMiddleware).
            operations["get"]["responses"][400]["content"]["text/html"] = {"schema": {"type": "string"}}
            for parameter in operations["get"].get("parameters", []):
                parameter["schema"] = _not_null(parameter["schema"])
                if path.endswith(endpoints.IDEAS_PATH) and parameter["name"] in choices:
                    parameter["schema"] = {"type": "string", "enum": choices[parameter["name"]]}
        return schema


def _not_null(schema: dict) -> dict:
    """An optional parameter's schema without its `null` (pydantic's `X | None`): a query parameter left out
    is None, one that is sent is never null."""
    options = [option for option in schema.get("anyOf", []) if option != {"type": "null"}]
    if len(options) != 1:
        return schema
    rest = {key: value for key, value in schema.items() if key != "anyOf"}
    return {**options[0], **rest}


api = ReadOnlyAPI(
    title="Reformbanken API",
    version="1",
    description=(
        "Read-only JSON API of Reformbanken: the reform ideas, municipalities, policy areas, tags and the "
        "published reform agendas, exactly as an anonymous visitor sees them on the site. "
        "Lists are paged (`page`, `page_size`); every answer has an ETag. "
        "Each client address may make a limited number of requests a minute (429 with Retry-After beyond)."
    ),
    urls_namespace="api:v1",
    renderer=Utf8Renderer(),
    docs_url=None,
    throttle=[ClientRateThrottle()],
)


@api.exception_handler(ValidationError)
def invalid_request(request, exc):
    """A parameter of the wrong type, out of range or not among the choices: 400 naming the parameter."""
    return api.create_response(request, {"detail": exc.errors}, status=400)


@api.exception_handler(Throttled)
def too_many_requests(request, exc):
    """Over the rate limit: 429 (ninja adds Retry-After, the seconds until the next minute begins)."""
    detail = _("För många anrop. Försök igen om %(seconds)s sekunder.") % {
        "seconds": math.ceil(exc.wait or 0)
    }
    return api.create_response(request, {"detail": detail}, status=429)


api.add_router("", endpoints.router)
