from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("proposals", "0002_policy_areas")]

    operations = [
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(fields=["policy_area", "id"], name="proposal_area_id"),
        ),
    ]
