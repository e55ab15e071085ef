import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.expressions
from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations

# The labelled head lexemes (migration 0019) and the week the idea was created in, as "~2921" (weeks of seven
# days since 1970, UTC): a search by relevance finds the newest ideas at a rank key from the same index, ANDing
# the weeks in the index itself (proposals.search.hits, _newest_weeks). An import that changes an idea's
# created_at writes the row, and the index with it.
HEAD_LABELS_WEEKS_FUNCTION = """
CREATE OR REPLACE FUNCTION proposal_head_labels(head tsvector, created timestamptz) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_to_tsvector(array(
        SELECT label::text || entry.lexeme FROM unnest(head) AS entry, unnest(entry.weights) AS label
    ) || ('~' || floor(extract(epoch FROM created) / 604800)::bigint)::text)
$$
"""
HEAD_LABELS_FUNCTION = """
CREATE FUNCTION proposal_head_labels(head tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_to_tsvector(array(
        SELECT label::text || entry.lexeme FROM unnest(head) AS entry, unnest(entry.weights) AS label
    ))
$$
"""


def head_labels_index(*arguments, name):
    return django.contrib.postgres.indexes.GinIndex(
        django.db.models.expressions.Func(
            *(django.db.models.expressions.F(argument) for argument in arguments),
            function="proposal_head_labels",
            output_field=django.contrib.postgres.search.SearchVectorField(),
        ),
        name=name,
    )


class Migration(migrations.Migration):
    # The index is built without blocking writes to the ideas (a national bank's takes a minute or two).
    atomic = False

    dependencies = [
        ("proposals", "0021_places_in_every_index"),
    ]

    operations = [
        migrations.RunSQL(HEAD_LABELS_WEEKS_FUNCTION, "DROP FUNCTION proposal_head_labels(tsvector, timestamptz)"),
        AddIndexConcurrently(
            model_name="proposal",
            index=head_labels_index("search_head", "created_at", name="proposal_head_weeks_gin"),
        ),
        RemoveIndexConcurrently(model_name="proposal", name="proposal_head_labels_gin"),
        migrations.RunSQL("DROP FUNCTION proposal_head_labels(tsvector)", HEAD_LABELS_FUNCTION),
    ]
