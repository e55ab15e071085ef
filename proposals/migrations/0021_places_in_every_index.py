from django.db import migrations

# Ideas loaded by `seed_demo` before it put each idea's places in its index (it reused one text's index for
# every idea with that text) lack their '@place<id>' lexemes: a search naming a municipality, or filtered on
# one, then missed them. Add what is missing; an idea saved through the site has them all and is not touched.
PLACES_ADD = """
UPDATE proposals_proposal SET search_vector = search_vector || places.vector
FROM (
    SELECT p.id, array_to_tsvector(array_agg('@place' || pp.place_id)) AS vector
    FROM proposals_proposal p JOIN proposals_proposal_places pp ON pp.proposal_id = p.id
    GROUP BY p.id
) AS places
WHERE proposals_proposal.id = places.id AND proposals_proposal.search_vector IS NOT NULL
    AND NOT proposals_proposal.search_vector @@ array_to_string(
        array(SELECT quote_literal(lexeme) FROM unnest(tsvector_to_array(places.vector)) AS lexeme), ' & '
    )::tsquery
"""


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0020_supported_search_index"),
    ]

    operations = [migrations.RunSQL(PLACES_ADD, migrations.RunSQL.noop)]
