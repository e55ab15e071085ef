from django.db import migrations


def starter_synonyms_add(apps, schema_editor):
    from proposals.search.starter_synonyms import starter_synonyms_load

    starter_synonyms_load(apps.get_model("proposals", "SynonymSet"))


def starter_synonyms_remove(apps, schema_editor):
    from proposals.search.starter_synonyms import STARTER_SYNONYMS

    synonym_set = apps.get_model("proposals", "SynonymSet")
    synonym_set.objects.filter(terms__in=[list(terms) for terms, _one_way in STARTER_SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0012_search_vocabulary_synonyms_cache"),
    ]

    operations = [
        migrations.RunPython(starter_synonyms_add, starter_synonyms_remove),
    ]
