"""YAML is read safely: no Python objects, no alias bombs, no giant or deep documents, no 1.1 surprises."""

from __future__ import annotations

import pytest
import yaml

from mlpdm.core.text.errors import UserError
from mlpdm.repo.files import MAX_YAML_BYTES, dump_yaml, load_yaml_file, parse_yaml


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
    with pytest.raises(UserError, match=r":1: not UTF-8 text: the byte at offset 3 \(0xFF\).*expected UTF-8"):
        load_yaml_file(path, what="answers")


# -- YAML 1.2 core values, as every file mlpdm reads is read -------------------------------------


def test_values_follow_yaml_1_2_not_1_1():
    data, _ = parse_yaml(
        "sexagesimal: 1:30\n"
        "impossible: 2026-02-30\n"
        "date: 2026-11-20\n"
        "octal: 0o17\n"
        "leading_zero: 017\n"
        "exponent: 1e3\n"
        "underscore: 1_000\n"
        "equals: =\n"
        "nothing: ~\n"
        "yes_word: yes\n"
        "on_word: ON\n"
        "no_word: No\n",
        "x.yaml",
    )
    assert data == {
        "sexagesimal": "1:30",
        "impossible": "2026-02-30",
        "date": "2026-11-20",
        "octal": 15,
        "leading_zero": 17,
        "exponent": 1000.0,
        "underscore": "1_000",
        "equals": "=",
        "nothing": None,
        "yes_word": True,  # yes/no/on/off stay booleans: a yes/no question reads them back as yes/no
        "on_word": True,
        "no_word": False,
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("!!int abc", "x.yaml:2: 'abc' is tagged !!int but is not a whole number"),
        ("!!int 1.5", "x.yaml:2: '1.5' is tagged !!int but is not a whole number"),
        ("!!float abc", "x.yaml:2: 'abc' is tagged !!float but is not a number"),
        ("!!bool maybe", "x.yaml:2: 'maybe' is tagged !!bool but is not true or false"),
        ("!!timestamp notadate", "x.yaml:2: 'notadate' is tagged !!timestamp but is not a date"),
        ("!!timestamp 2026-13-45", "x.yaml:2: '2026-13-45' is tagged !!timestamp but is not a date"),
        ("9" * 4301, "x.yaml:2: a whole number of 4,301 digits is longer than mlpdm reads (at most 4,300"),
        ("-" + "9" * 5000, "x.yaml:2: a whole number of 5,000 digits is longer than mlpdm reads"),
        ("0x" + "f" * 3600, "x.yaml:2: a whole number of 3,600 digits is longer than mlpdm reads"),
        ("0" * 4000 + "1" * 301, "x.yaml:2: a whole number of 4,301 digits is longer than mlpdm reads"),
        ("!!int " + "1" * 4301, "x.yaml:2: a whole number of 4,301 digits"),
        ("!!binary =notbase64", "x.yaml:2:"),
        ("!!omap [a]", "x.yaml:2:"),
    ],
)
def test_values_that_cannot_be_built_are_located(value, message):
    with pytest.raises(UserError) as info:
        parse_yaml(f"ok: 1\nbad: {value}\nafter: 2\n", "x.yaml")
    assert message in info.value.message


def test_a_number_of_4300_digits_is_still_a_number():
    data, _ = parse_yaml("n: " + "9" * 4300 + "\n", "x.yaml")
    assert data["n"] == 10**4300 - 1


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("a: 1\nb: 2\na: 3\n", 1, 3),
        ("top:\n  x: 1\n  y: 2\n  x: 1\n", 2, 4),
        ("- {k: 1, k: 2}\n", 1, 1),
        ("1: a\n1.0: b\n", 1, 2),  # the same key once read
    ],
)
def test_a_repeated_key_is_an_error_naming_both_lines(text, first, second):
    with pytest.raises(UserError) as info:
        parse_yaml(text, "x.yaml")
    assert f"x.yaml:{second}: the key" in info.value.message
    assert f"appears twice in the same mapping, on lines {first} and {second}" in info.value.message


def test_a_merge_key_may_be_overridden():
    data, _ = parse_yaml("base: &b {a: 1, b: 2}\nuse:\n  <<: *b\n  a: 3\n", "x.yaml")
    assert data["use"] == {"a": 3, "b": 2}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('a: 1\nb: "never closed\nc: 3\nd: 4\n', 2, "a quote opens here and is never closed"),
        ("a: 1\nb: 'never closed\nc: 3\n", 2, "a quote opens here and is never closed"),
        ("a: 1\nb: [1, 2\nc: 3\nd: 4\n", 2, "a '[' opens here and is never closed"),
        ("a: 1\nb: {x: 1\nc: 3\n", 2, "a '{' opens here and is never closed"),
        ('a: 1\nb: "never closed\nc: 3\nd: "x"\ne: 5\n', 2, "a quote opens here and closes only on line 4"),
    ],
)
def test_an_unclosed_quote_or_bracket_is_reported_where_it_opens(text, line, message):
    with pytest.raises(UserError) as info:
        parse_yaml(text, "x.yaml")
    assert info.value.message.startswith(f"x.yaml:{line}: {message}")


def test_front_matter_lines_count_from_the_file():
    from mlpdm.core.brief.frontmatter import parse_front_matter

    with pytest.raises(UserError, match=r"^x.md:3: 'abc' is tagged !!int"):
        parse_front_matter("---\ntitle: t\nn: !!int abc\n---\n\nbody\n", "x.md")


@pytest.mark.parametrize(
    "text", ["09", "1e3", "0o17", "1:30", "2026-02-30", "yes", "on", "null", "+.inf", "1_0"]
)
def test_text_mlpdm_writes_reads_back_as_text_in_both_yaml_versions(text):
    written = dump_yaml({"answer": text})
    assert parse_yaml(written, "x.yaml")[0] == {"answer": text}
    assert yaml.safe_load(written) == {"answer": text}  # and in YAML 1.1 tools
