"""axe-core finds nothing serious on any page shape as any role: the same pages the Nu HTML check renders
(tests/reformbank/test_html_valid.py), each opened in chromium as anonymous, member, editor and admin, at
desktop width, and at phone width for anonymous visitors and members."""

from django.conf import settings
from django.test import Client, override_settings

from tests.browser.conftest import PHONE
from tests.reformbank.test_html_valid import ROLES, page_urls, site  # noqa: F401 - site is a fixture


def session_cookie(live_server, user) -> list[dict]:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]


@override_settings(ROOT_URLCONF="tests.reformbank.test_html_valid")
def test_every_page_shape_is_accessible_for_every_role(
    request,
    site,  # noqa: F811 - the fixture imported above
    new_page,
    live_server,
    assert_accessible,  # noqa: F811
):
    idea, agenda = site
    urls = page_urls(idea, agenda)
    for role, persona in ROLES.items():
        page = new_page()
        if persona:
            page.context.add_cookies(session_cookie(live_server, request.getfixturevalue(persona)))
        widths = [None, PHONE] if role in ("anonymous", "member") else [None]
        for width in widths:
            if width:
                page.set_viewport_size(width)
            for name, url in urls.items():
                page.goto(url)
                try:
                    assert_accessible(page)
                except AssertionError as error:
                    raise AssertionError(f"{role} on {name} ({url}): {error}") from None
