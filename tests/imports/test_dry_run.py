"""The dry run reports per row what the import would do, and why a row is refused; nothing is written to the
bank. The sample with errors shows each kind of refusal the editor meets."""

import pytest
from django.urls import reverse

from imports import services
from imports.models import ImportRowResult
from places.models import District
from proposals.models import Proposal

from .conftest import WITH_ERRORS_XLSX, check, csv_file, mapping_data, newest_job, sample, upload


@pytest.fixture
def editor(client, editor_lan):
    client.force_login(editor_lan)
    return editor_lan


def dry_run(client, name, content, **kwargs):
    upload(client, name, content, **kwargs)
    job = newest_job()
    response = check(client, job)
    assert response.status_code == 302
    job.refresh_from_db()
    return job, dict(job.results.values_list("row_number", "message"))


def test_sample_with_errors_refuses_each_bad_row_and_says_why(client, editor):
    job, messages = dry_run(client, WITH_ERRORS_XLSX, sample(WITH_ERRORS_XLSX))
    assert (job.state, job.created_count, job.refused_count) == ("checked", 25, 5)
    refused = {n: m for n, m in messages.items() if m}
    assert refused == {
        6: "Okänd kommun ”Botkyrca” – menade du Botkyrka?",
        12: "Rubrik saknas.",
        16: "Okänt sakområde ”Integration” – menade du Integration och jämlikhet?",
        23: "Stockholm hör inte till Stockholms läns partidistrikt.",
        29: "Samma idé som rad 11 (samma id, eller samma rubrik och kommun).",
    }
    assert not Proposal.objects.exists()
    page = client.get(job.get_absolute_url() + "?visa=nekade").content.decode()
    assert "menade du Botkyrka?" in page and "Importera 25 idéer" in page


def test_same_title_in_the_same_municipality_is_a_duplicate(client, editor, make_proposal, member, place):
    existing = make_proposal(member, title="Fler parkbänkar", places=[place])  # Nacka
    row = "X-1,2025-03-01,fler PARKBÄNKAR,Sittplatser.,Bänkar.,{place},Trygghet,,,,"
    job, messages = dry_run(
        client,
        "ideer.csv",
        csv_file(row.format(place="Nacka"), row.format(place="Solna").replace("X-1", "X-2")),
    )
    assert messages == {
        2: f"Dubblett: idé nr {existing.pk} i reformbanken har samma rubrik och kommun.",
        3: "",
    }


def test_every_field_is_checked(client, editor):
    rows = [
        'A,2025-03-01,Rubrik ett,Kort.,Text.,182,trygghet,"park, bänk",Eva,Ny,',  # code without its zero, slug
        "B,3025-01-01,Rubrik två,Kort.,Text.,Nacka,Trygghet,,,,",
        "C,14/3/2025,Rubrik tre,Kort.,Text.,Nacka,Trygghet,,,,",
        "D,,Rubrik fyra,Kort.,Text.,Nacka,Trygghet,,,Klar,",
        "E,,Rubrik fem,Kort.,Text.,Nacka,Trygghet,,,Besvarad,",
        "F,,Rubrik \x07sex,Kort.,Text.,Nacka,Trygghet,,,,",
        "G,,Rubrik sju,,,Nacka,Trygghet,,,,",
        "H,,Rubrik åtta,Kort.,Text.,,Trygghet,#bad<tag>,,,",
        "I,," + "x" * 161 + ",,,Nacka,,,,,,",
        "J,,Rubrik tio,,En lång text utan sammanfattning.,01,Trygghet,,,Under beredning,",
    ]
    job, messages = dry_run(client, "ideer.csv", csv_file(*rows))
    assert messages == {
        2: "",
        3: "Datumet 3025-01-01 är orimligt.",
        4: "Datumet ”14/3/2025” känns inte igen; skriv det som 2025-03-14.",
        5: "Okänd status ”Klar”.",
        6: "En besvarad idé eller en som inte går vidare behöver ett svar.",
        7: "Rubrik innehåller otillåtna kontrolltecken.",
        8: "Både sammanfattning och text saknas.",
        9: "Kommun saknas. Taggen ”bad<tag>” får bara innehålla bokstäver, siffror, mellanslag och bindestreck och "
        "vara högst 40 tecken.",
        10: "Rubrik är för lång (161 tecken, högst 160). Både sammanfattning och text saknas. Sakområde saknas.",
        11: "",
    }


def test_mapping_needs_title_places_and_area_and_one_column_per_field(client, editor):
    upload(client, "ideer.csv", csv_file("X,,Rubrik,Kort.,Text.,Nacka,Trygghet,,,,"))
    job = newest_job()
    data = mapping_data(job)
    del data["title"]
    data["summary"] = data["body"]
    response = check(client, job, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Välj kolumnen – fältet behövs för varje idé." in html
    assert "Kolumnen är redan vald för Sammanfattning." in html
    job.refresh_from_db()
    assert job.state == "uploaded" and not job.results.exists()
    # The form keeps what was chosen.
    assert f'<option value="{data["summary"]}" selected>' in html


def test_admin_imports_stockholm_into_the_city_district(client, admin_user):
    client.force_login(admin_user)
    job, messages = dry_run(
        client,
        "stad.csv",
        csv_file("S-1,,Fler lekplatser,Kort.,Text.,Stockholm,Trygghet,,,,"),
        district=District.objects.get(code="stad"),
    )
    assert messages == {2: ""} and job.created_count == 1


def test_job_pages_cost_a_fixed_number_of_queries(client, editor, django_assert_max_num_queries):
    job, _messages = dry_run(client, WITH_ERRORS_XLSX, sample(WITH_ERRORS_XLSX))
    # session, user, viewer, job with district and creator, result count, result page
    with django_assert_max_num_queries(6):
        assert client.get(job.get_absolute_url()).status_code == 200
    # session, user, viewer, job's state and counts
    with django_assert_max_num_queries(4):
        assert client.get(reverse("imports:progress", args=[job.pk])).status_code == 200
    # session, user, viewer, recent jobs with district and creator, the district choices (the select reads
    # them twice)
    with django_assert_max_num_queries(6):
        assert client.get(reverse("imports:upload")).status_code == 200
    # session, user, viewer, job, the results (one cursor)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("imports:report", args=[job.pk]))
        assert len(b"".join(response.streaming_content).splitlines()) == 31


def test_results_are_paged(client, editor):
    rows = [f"P-{i},,Idé nummer {i},Kort.,Text.,Nacka,Trygghet,,,," for i in range(120)]
    job, _messages = dry_run(client, "ideer.csv", csv_file(*rows))
    page = client.get(job.get_absolute_url() + "?page=3").content.decode()
    assert "Sida 3 av 3" in page and "Idé nummer 100" in page and "Idé nummer 99<" not in page
    assert ImportRowResult.objects.filter(job=job).count() == 120


def test_without_ids_the_title_and_places_find_the_ideas_again(client, editor):
    header = "Rubrik;Kommun;Sakområde;Text"
    content = f"{header}\nFler parkbänkar;Nacka, Solna;Trygghet;Bänkar.\nLängre öppettider;Täby;Kultur och fritid;Kvällar.\n"
    job, _messages = dry_run(client, "utan-id.csv", content.encode())
    services.import_job_start(job=job)
    services.import_job_execute(job_id=job.pk)  # what the task worker runs
    assert Proposal.objects.count() == 2
    again, messages = dry_run(client, "utan-id.csv", content.replace("Bänkar.", "Fler bänkar.").encode())
    assert (again.updated_count, again.unchanged_count, again.created_count) == (1, 1, 0)
    assert messages == {2: "", 3: ""}
