import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.expressions
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations

# search_head's lexemes, each behind its label ('skolor':1A becomes 'Askolor'): an index of these finds the ideas
# whose head has a lexeme with a given label, which the GIN index of the tsvector itself cannot tell apart.
HEAD_LABELS_FUNCTION = """
CREATE FUNCTION proposal_head_labels(head tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_to_tsvector(array(
        SELECT label::text || entry.lexeme FROM unnest(head) AS entry, unnest(entry.weights) AS label
    ))
$$
"""


class Migration(migrations.Migration):
    # The index is built without blocking writes to the ideas (a national bank's takes a minute).
    atomic = False

    dependencies = [
        ("proposals", "0018_sort_indexes_cover_filters"),
    ]

    operations = [
        migrations.RunSQL(HEAD_LABELS_FUNCTION, "DROP FUNCTION proposal_head_labels(tsvector)"),
        AddIndexConcurrently(
            model_name="proposal",
            index=django.contrib.postgres.indexes.GinIndex(
                django.db.models.expressions.Func(
                    django.db.models.expressions.F("search_head"),
                    function="proposal_head_labels",
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                ),
                name="proposal_head_labels_gin",
            ),
        ),
    ]
