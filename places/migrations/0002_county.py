"""The two districts and the county's places, from the county file copied into places/data/."""

import csv
from pathlib import Path

from django.db import migrations

COUNTY_CSV = Path(__file__).resolve().parent.parent / "data" / "stockholm_county.csv"
DISTRICTS = [
    ("lan", "Stockholms läns partidistrikt", "Länsdistriktet"),
    ("stad", "Stockholms stads partidistrikt", "Stadsdistriktet"),
]


def load_county(apps, schema_editor):
    District = apps.get_model("places", "District")
    Place = apps.get_model("places", "Place")
    districts = {
        code: District.objects.update_or_create(code=code, defaults={"name": name, "short_name": short})[0]
        for code, name, short in DISTRICTS
    }
    with COUNTY_CSV.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            place, _ = Place.objects.update_or_create(
                code=row["code"], defaults={"name": row["name"], "kind": row["kind"]}
            )
            codes = list(districts) if row["district"] == "both" else [row["district"]]
            place.districts.set([districts[code] for code in codes])


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]
    operations = [migrations.RunPython(load_county, migrations.RunPython.noop)]
