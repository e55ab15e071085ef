"""Two admins changing each other's roles at the same moment: handled one after the other, an admin stays."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from members.models import User
from tests.conftest import make_user
from tests.parallel import client_for, parallel


@pytest.mark.django_db(transaction=True)
def test_two_admins_removing_each_other_at_once_leave_one_admin():
    first = make_user("admin1@example.se", admin=True)
    second = make_user("admin2@example.se", admin=True)
    a, b = client_for(first), client_for(second)
    responses = parallel(
        [
            lambda: a.post(reverse("members:roles_update", args=[second.pk]), {}),
            lambda: b.post(reverse("members:roles_update", args=[first.pk]), {}),
        ]
    )
    assert User.objects.filter(is_superuser=True).count() == 1
    # The loser is refused by the service (it was demoted while its request ran) or, when the winner was
    # done before its request began, by the view (403).
    said = sorted(str(m) for r in responses for m in get_messages(r.wsgi_request))
    statuses = sorted(r.status_code for r in responses)
    if statuses == [302, 302]:
        assert said[0] == "Du är inte längre administratör." and said[1].endswith("är sparade.")
    else:
        assert statuses == [302, 403] and len(said) == 1 and said[0].endswith("är sparade.")
