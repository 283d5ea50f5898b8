"""helpers.schema: the schema is well formed, and schema.json / the datasheet are in sync with it."""

from __future__ import annotations

import json
import re

import pytest

from helpers import schema
from helpers.paths import REPO_ROOT

DATASETS = REPO_ROOT / "datasets"
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


def test_every_table_and_column_name_is_snake_case():
    for table in schema.TABLES.values():
        assert SNAKE.match(table.name), table.name
        for col in table.columns:
            assert SNAKE.match(col.name), f"{table.name}.{col.name}"


def test_every_column_has_a_definition_and_a_known_dtype():
    for table in schema.TABLES.values():
        assert table.description
        for col in table.columns:
            assert col.definition.strip(), f"{table.name}.{col.name} has no definition"
            assert col.dtype in schema.DTYPES


def test_float_columns_declare_their_written_decimals():
    for table in schema.TABLES.values():
        for col in table.columns:
            if col.dtype == "float":
                assert isinstance(col.decimals, int) and col.decimals >= 0, f"{table.name}.{col.name}"


def test_category_columns_list_unique_allowed_values():
    for table in schema.TABLES.values():
        for col in table.columns:
            if col.dtype == "category":
                assert len(col.categories) == len(set(col.categories)) > 1, f"{table.name}.{col.name}"


def test_primary_keys_are_columns_that_may_not_be_empty():
    for table in schema.TABLES.values():
        assert table.primary_key
        for name in table.primary_key:
            assert not table.column(name).nullable, f"{table.name}.{name}"


def test_foreign_keys_point_at_the_primary_key_of_an_existing_table():
    for table in schema.TABLES.values():
        for fk in table.foreign_keys:
            ref = schema.get_table(fk.ref_table)
            assert tuple(fk.ref_columns) == ref.primary_key, f"{table.name} -> {fk.ref_table}"
            for here, there in zip(fk.columns, fk.ref_columns, strict=True):
                assert table.column(here).dtype == ref.column(there).dtype


def test_the_expected_foreign_keys_exist():
    links = {(t.name, fk.columns, fk.ref_table) for t in schema.TABLES.values() for fk in t.foreign_keys}
    assert ("posts", ("influencer_id",), "influencers") in links
    assert ("posts", ("campaign_id",), "campaigns") in links
    assert ("campaigns", ("influencer_id",), "influencers") in links
    assert ("outreach", ("influencer_id",), "influencers") in links
    assert ("influencers", ("niche", "platform"), "niches") in links


def test_only_landscape_and_benchmarks_are_real_figures():
    real = {t.name for t in schema.TABLES.values() if not t.synthetic}
    assert real == {"landscape", "benchmarks"}


def test_get_table_names_the_known_tables_when_the_name_is_unknown():
    with pytest.raises(KeyError, match="influencers"):
        schema.get_table("influencer")


def test_a_column_with_an_unknown_dtype_is_rejected():
    with pytest.raises(ValueError, match="unknown dtype"):
        schema.Column("x", "integer", "", "x")  # type: ignore[arg-type]


def test_a_float_column_without_decimals_is_rejected():
    with pytest.raises(ValueError, match="decimals"):
        schema.Column("x", "float", "", "x")


def test_a_table_whose_key_names_a_missing_column_is_rejected():
    with pytest.raises(ValueError, match="unknown columns"):
        schema.Table("t", "d", True, ("nope",), (schema.Column("a", "str", "", "a"),))


def test_schema_dict_is_plain_json_with_every_table():
    data = json.loads(schema.schema_json())
    assert [t["name"] for t in data["tables"]] == list(schema.TABLES)
    first = data["tables"][0]
    assert {"file", "description", "synthetic", "primary_key", "foreign_keys", "columns"} <= set(first)


def test_bundled_schema_json_is_in_sync_with_schema_py():
    committed = (DATASETS / schema.SCHEMA_JSON_NAME).read_text(encoding="utf-8")
    assert committed == schema.schema_json(), "datasets/schema.json is stale: run `make data`"


def test_datasheet_column_section_is_in_sync_with_schema_py():
    text = (DATASETS / "README.md").read_text(encoding="utf-8")
    start = text.index(schema.COLUMNS_BEGIN) + len(schema.COLUMNS_BEGIN)
    section = text[start : text.index(schema.COLUMNS_END)]
    assert section == "\n" + schema.datasheet_columns_markdown(), (
        "datasets/README.md columns are stale: `make data`"
    )


def test_datasheet_documents_every_column_of_every_table():
    text = (DATASETS / "README.md").read_text(encoding="utf-8")
    for table in schema.TABLES.values():
        assert f"`{table.file}`" in text
        for col in table.columns:
            assert f"| `{col.name}` |" in text, f"{table.name}.{col.name} missing from the datasheet"
