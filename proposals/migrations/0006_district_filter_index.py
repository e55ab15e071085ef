from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0005_search_districts"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(
                fields=["search_districts", "policy_area_id", "status"], name="proposal_district_filter"
            ),
        ),
    ]
