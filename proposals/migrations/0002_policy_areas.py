from django.db import migrations

POLICY_AREAS = [
    ("Skola och utbildning", "skola-och-utbildning"),
    ("Förskola och barnomsorg", "forskola-och-barnomsorg"),
    ("Bostäder och stadsbyggnad", "bostader-och-stadsbyggnad"),
    ("Kollektivtrafik och infrastruktur", "kollektivtrafik-och-infrastruktur"),
    ("Vård och hälsa", "vard-och-halsa"),
    ("Äldreomsorg", "aldreomsorg"),
    ("Socialtjänst och funktionsstöd", "socialtjanst-och-funktionsstod"),
    ("Klimat och miljö", "klimat-och-miljo"),
    ("Arbete och näringsliv", "arbete-och-naringsliv"),
    ("Trygghet", "trygghet"),
    ("Kultur och fritid", "kultur-och-fritid"),
    ("Idrott och folkhälsa", "idrott-och-folkhalsa"),
    ("Integration och jämlikhet", "integration-och-jamlikhet"),
    ("Demokrati och delaktighet", "demokrati-och-delaktighet"),
]


def seed_policy_areas(apps, schema_editor):
    PolicyArea = apps.get_model("proposals", "PolicyArea")
    for position, (name, slug) in enumerate(POLICY_AREAS, start=1):
        PolicyArea.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("proposals", "0001_initial")]
    operations = [migrations.RunPython(seed_policy_areas, migrations.RunPython.noop)]
