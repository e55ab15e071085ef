"""The county's places and districts, and their management by admins."""

from django.urls import reverse

from places.models import District, Place


def test_county_is_loaded(db):
    assert Place.objects.filter(kind="municipality").count() == 26
    region = Place.objects.get(kind="region")
    assert region.name == "Region Stockholm"
    assert set(region.districts.values_list("code", flat=True)) == {"lan", "stad"}
    assert list(Place.objects.get(code="0180").districts.values_list("code", flat=True)) == ["stad"]
    assert District.objects.get(code="lan").places.count() == 26  # 25 municipalities + the region


def test_admin_renames_and_retires_a_municipality_without_losing_ideas(
    client, admin_user, proposal, place, area
):
    client.force_login(admin_user)
    url = reverse("admin:places_place_change", args=[place.pk])
    response = client.post(
        url,
        {
            "code": place.code,
            "name": "Nacka kommun",
            "kind": "municipality",
            "districts": [District.objects.get(code="lan").pk],
        },
    )
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.name == "Nacka kommun" and not place.is_active
    assert list(proposal.places.all()) == [place]
    assert "Nacka kommun" in client.get(proposal.get_absolute_url()).content.decode()
    # A retired place is no longer offered for new ideas, but its ideas keep it when edited.
    new_form = client.get(reverse("proposals:create")).content.decode()
    assert "Nacka kommun" not in new_form
    client.force_login(proposal.author)
    assert "Nacka kommun" in client.get(reverse("proposals:edit", args=[proposal.pk])).content.decode()


def test_admin_cannot_delete_places(client, admin_user, place):
    client.force_login(admin_user)
    assert client.get(reverse("admin:places_place_delete", args=[place.pk])).status_code == 403
    assert Place.objects.filter(pk=place.pk).exists()


def test_admin_adds_a_policy_area(client, admin_user):
    from proposals.models import PolicyArea

    client.force_login(admin_user)
    client.post(
        reverse("admin:proposals_policyarea_add"),
        {"name": "Digitalisering", "slug": "digitalisering", "position": 20, "is_active": "on"},
    )
    assert PolicyArea.objects.filter(slug="digitalisering").exists()


def test_a_place_moved_to_another_district_takes_its_ideas_along_in_search(
    client, admin_user, member, make_proposal, place
):
    make_proposal(member, title="Läxhjälp i Nacka", places=[place])
    in_stad = {"q": "läxhjälp", "district": "stad"}

    def found(params):
        return [p.title for p in client.get(reverse("proposals:list"), params).context["page"]]

    assert found(in_stad) == []
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:places_place_change", args=[place.pk]),
        {
            "code": place.code,
            "name": place.name,
            "kind": "municipality",
            "is_active": "on",
            "districts": [District.objects.get(code="stad").pk],
        },
    )
    assert response.status_code == 302
    assert found(in_stad) == ["Läxhjälp i Nacka"]
    assert found({"q": "läxhjälp", "district": "lan"}) == []
    assert found({"district": "stad"}) == ["Läxhjälp i Nacka"]
