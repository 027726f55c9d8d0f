"""YAML is read safely: no Python objects, no alias bombs, no giant or deep documents."""

from __future__ import annotations

import pytest

from mlpdm.core.errors import UserError
from mlpdm.files import MAX_YAML_BYTES, load_yaml_file, parse_yaml


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "a: !!python/name:os.system\n",
        "a: !!python/object:collections.OrderedDict {}\n",
        "a: !custom tag\n",
    ],
)
def test_python_and_custom_tags_are_refused(text):
    with pytest.raises(UserError) as info:
        parse_yaml(text, "x.yaml")
    assert "x.yaml:1" in info.value.message and "plain YAML" in (info.value.hint or "")


def test_alias_bomb_is_refused_before_it_expands():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(
            f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]"
        )
    with pytest.raises(UserError, match="YAML nodes"):
        parse_yaml("\n".join(lines) + "\n", "bomb.yaml")


def test_deep_nesting_is_refused():
    with pytest.raises(UserError, match="nested deeper"):
        parse_yaml("a: " + "[" * 100 + "]" * 100 + "\n", "deep.yaml")


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.answers.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_YAML_BYTES + 1))
    with pytest.raises(UserError, match="limited to 2,000,000 bytes"):
        load_yaml_file(path, what="answers")


def test_not_utf8_and_binary(tmp_path):
    path = tmp_path / "x.answers.yaml"
    path.write_bytes(b"a: \xff\xfe\n")
    with pytest.raises(UserError, match="not UTF-8"):
        load_yaml_file(path, what="answers")
