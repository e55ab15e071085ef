"""The districts' names in English (municipalities and the region are proper nouns, the same in both)."""

from django.db import migrations, models

DISTRICTS_EN = {
    "lan": ("Stockholm County party district", "County district"),
    "stad": ("Stockholm City party district", "City district"),
}


def name_districts_in_english(apps, schema_editor):
    """Fill the English names the admin has not set yet."""
    District = apps.get_model("places", "District")
    for code, (name, short_name) in DISTRICTS_EN.items():
        District.objects.filter(code=code, name_en="").update(name_en=name)
        District.objects.filter(code=code, short_name_en="").update(short_name_en=short_name)


class Migration(migrations.Migration):
    dependencies = [("places", "0002_county")]

    operations = [
        migrations.AddField(
            model_name="district",
            name="name_en",
            field=models.CharField(blank=True, max_length=120, verbose_name="namn på engelska"),
        ),
        migrations.AddField(
            model_name="district",
            name="short_name_en",
            field=models.CharField(blank=True, max_length=60, verbose_name="kortnamn på engelska"),
        ),
        migrations.RunPython(name_districts_in_english, migrations.RunPython.noop),
    ]
