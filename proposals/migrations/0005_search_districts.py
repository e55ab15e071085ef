from django.db import migrations, models

# The migration keeps its own copy of the expression (proposals/search.py DISTRICTS_OF_PLACES_SQL), as
# migrations must not change when the code does.
FILL_SQL = """
UPDATE proposals_proposal AS p SET search_districts = (
    SELECT coalesce(',' || string_agg(DISTINCT pd.district_id::text, ',' ORDER BY pd.district_id::text) || ',', ',')
    FROM places_place_districts pd WHERE strpos(p.search_places, ',' || pd.place_id || ',') > 0
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0002_county"),
        ("proposals", "0004_search_tiers"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="search_districts",
            field=models.TextField(default=",", editable=False),
        ),
        migrations.RunSQL(
            sql=[
                "ALTER TABLE proposals_proposal ALTER COLUMN search_districts SET STORAGE MAIN",
                FILL_SQL,
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
