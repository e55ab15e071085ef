"""The policy areas' names in English."""

from django.db import migrations, models

POLICY_AREAS_EN = {
    "skola-och-utbildning": "Schools and education",
    "forskola-och-barnomsorg": "Preschool and childcare",
    "bostader-och-stadsbyggnad": "Housing and urban development",
    "kollektivtrafik-och-infrastruktur": "Public transport and infrastructure",
    "vard-och-halsa": "Health care",
    "aldreomsorg": "Care of the elderly",
    "socialtjanst-och-funktionsstod": "Social services and disability support",
    "klimat-och-miljo": "Climate and environment",
    "arbete-och-naringsliv": "Jobs and business",
    "trygghet": "Safety and security",
    "kultur-och-fritid": "Culture and leisure",
    "idrott-och-folkhalsa": "Sport and public health",
    "integration-och-jamlikhet": "Integration and equality",
    "demokrati-och-delaktighet": "Democracy and participation",
}


def name_policy_areas_in_english(apps, schema_editor):
    """Fill the English names the admin has not set yet."""
    PolicyArea = apps.get_model("proposals", "PolicyArea")
    for slug, name in POLICY_AREAS_EN.items():
        PolicyArea.objects.filter(slug=slug, name_en="").update(name_en=name)


class Migration(migrations.Migration):
    dependencies = [("proposals", "0008_search_cache_bound")]

    operations = [
        migrations.AddField(
            model_name="policyarea",
            name="name_en",
            field=models.CharField(blank=True, max_length=80, verbose_name="namn på engelska"),
        ),
        migrations.RunPython(name_policy_areas_in_english, migrations.RunPython.noop),
    ]
