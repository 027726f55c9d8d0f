"""The per-user cache of questionnaires and compiled code: a hit skips the work, anything odd is a miss."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import mlpdm
import mlpdm.repo.cache
import mlpdm.repo.resources
from mlpdm.core.brief.render import BRIEF_TEMPLATE, environment, render_brief
from mlpdm.core.decision.engine import decide
from mlpdm.core.questionnaire import conditions
from mlpdm.core.text.errors import UserError
from mlpdm.repo.cache import cache_dir
from mlpdm.repo.resources import load_packaged_questionnaire, packaged_questionnaires, validated_questionnaire
from mlpdm.repo.workspace import read_answers
from tests.conftest import MINI, REPO, build_questionnaire
from tests.core.scenarios import CLEAN

TEXT = packaged_questionnaires()["default"].read_text(encoding="utf-8")
NAME = "questionnaires/default.yaml"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("MLPDM_CACHE_DIR", str(where))
    monkeypatch.delenv("MLPDM_NO_CACHE", raising=False)
    return where


def refuse_validation(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("validated although the cache holds the result")

    monkeypatch.setattr(mlpdm.repo.resources, "load_questionnaire", refuse)


def entries(folder):
    return sorted(p.name for p in folder.glob("questionnaire-*.pickle")) if folder.exists() else []


def test_the_second_load_comes_from_the_cache(folder, monkeypatch):
    first = validated_questionnaire(TEXT, NAME)
    assert len(entries(folder)) == 1
    assert folder.stat().st_mode & 0o777 == 0o700
    refuse_validation(monkeypatch)
    again = validated_questionnaire(TEXT, NAME)
    assert again == first and again is not first


def test_a_changed_questionnaire_is_a_miss(folder):
    validated_questionnaire(TEXT, NAME)
    changed = validated_questionnaire(TEXT.replace("title:", "title:", 1) + "\n# a comment\n", NAME)
    assert changed == validated_questionnaire(TEXT, NAME)
    assert len(entries(folder)) == 2


def test_a_corrupt_entry_is_rebuilt(folder):
    validated_questionnaire(TEXT, NAME)
    (entry,) = folder.glob("questionnaire-*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle")
    assert validated_questionnaire(TEXT, NAME).id == "default"
    assert pickle.loads(entry.read_bytes()).id == "default"


def test_a_folder_others_may_write_is_not_trusted(folder, monkeypatch):
    validated_questionnaire(TEXT, NAME)
    (entry,) = folder.glob("questionnaire-*.pickle")
    planted = build_questionnaire(MINI)
    entry.write_bytes(pickle.dumps(planted))
    folder.chmod(0o777)
    assert validated_questionnaire(TEXT, NAME).id == "default"  # the planted entry is ignored
    folder.chmod(0o700)
    entry.write_bytes(pickle.dumps(planted))
    assert validated_questionnaire(TEXT, NAME).id == planted.id  # ...and read once the folder is private


def test_an_unusable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MLPDM_CACHE_DIR", str(blocker / "cache"))
    assert validated_questionnaire(TEXT, NAME).id == "default"


def test_the_cache_can_be_turned_off(folder, monkeypatch):
    monkeypatch.setenv("MLPDM_NO_CACHE", "1")
    assert cache_dir() is None
    validated_questionnaire(TEXT, NAME)
    assert entries(folder) == []


def test_an_invalid_questionnaire_is_reported_and_not_cached(folder):
    with pytest.raises(UserError):
        validated_questionnaire(TEXT.replace("id: default", "id: Not Valid!", 1), NAME)
    assert entries(folder) == []


# -- compiled conditions and templates -------------------------------------------------------


@pytest.fixture
def fresh_conditions():
    """No condition compiled yet in this process, as at the start of a command."""
    conditions.PRECOMPILED.clear()
    conditions.compile_condition.cache_clear()
    yield
    conditions.PRECOMPILED.clear()
    conditions.compile_condition.cache_clear()


def refuse_compiling(monkeypatch, env):
    def refuse(*args, **kwargs):
        raise AssertionError("compiled although the cache holds the code")

    monkeypatch.setattr(env, "compile", refuse)


def test_a_cached_questionnaire_brings_its_conditions_compiled(folder, fresh_conditions, monkeypatch):
    q = validated_questionnaire(TEXT, NAME)
    assert len(list(folder.glob("conditions-*.pickle"))) == 1
    expected = decide(q, CLEAN)
    conditions.PRECOMPILED.clear()
    conditions.compile_condition.cache_clear()
    # A later process: neither parsing nor code generation happens again.
    refuse_compiling(monkeypatch, conditions._ENV)
    monkeypatch.setattr(conditions, "_parsed", lambda text: pytest.fail(f"parsed {text!r} again"))
    again = validated_questionnaire(TEXT, NAME)
    assert decide(again, CLEAN) == expected


def test_without_a_cache_conditions_are_compiled_as_needed(folder, fresh_conditions, monkeypatch):
    monkeypatch.setenv("MLPDM_NO_CACHE", "1")
    q = validated_questionnaire(TEXT, NAME)
    assert conditions.PRECOMPILED == {}
    assert decide(q, CLEAN).id == "go"


def fresh_loader(**changed: str):
    """The packaged templates in a loader of their own (and so a fresh environment)."""
    texts = dict(mlpdm.repo.resources.template_loader().mapping)  # type: ignore[attr-defined]
    texts.update(changed)
    return mlpdm.repo.resources._NamedLoader(texts)


def render_example(loader):
    q = load_packaged_questionnaire()
    doc = read_answers(REPO / "examples" / "invoice-ocr.answers.yaml", q)
    return render_brief(q, doc, decide(q, doc.answers), lang="en", loader=loader)


def test_a_render_takes_the_templates_compiled_from_the_cache(folder, monkeypatch):
    first = render_example(fresh_loader())
    assert len(list(folder.glob("template-*.bytecode"))) == 2  # the brief and its front matter
    loader = fresh_loader()
    refuse_compiling(monkeypatch, environment(loader))
    assert render_example(loader) == first


def test_an_edited_template_is_compiled_again(folder, monkeypatch):
    render_example(fresh_loader())
    brief = mlpdm.repo.resources.template_loader().mapping[BRIEF_TEMPLATE]  # type: ignore[attr-defined]
    loader = fresh_loader(**{BRIEF_TEMPLATE: brief.replace("\n", "\n\n", 1)})
    refuse_compiling(monkeypatch, environment(loader))
    with pytest.raises(UserError, match="compiled although"):
        render_example(loader)


def test_another_version_of_mlpdm_compiles_again(folder, monkeypatch):
    render_example(fresh_loader())
    mlpdm.repo.cache.template_bytecode.cache_clear()
    monkeypatch.setattr(mlpdm, "__version__", "0.0.0-other")
    loader = fresh_loader()
    refuse_compiling(monkeypatch, environment(loader))
    try:
        with pytest.raises(UserError, match="compiled although"):
            render_example(loader)
    finally:
        mlpdm.repo.cache.template_bytecode.cache_clear()


def test_compiled_templates_in_a_folder_others_may_write_are_not_read(folder, monkeypatch):
    render_example(fresh_loader())
    folder.chmod(0o777)
    try:
        loader = fresh_loader()
        refuse_compiling(monkeypatch, environment(loader))
        with pytest.raises(UserError, match="compiled although"):
            render_example(loader)
    finally:
        folder.chmod(0o700)


def test_a_malformed_conditions_entry_is_not_used(folder, fresh_conditions):
    q = validated_questionnaire(TEXT, NAME)
    (entry,) = folder.glob("conditions-*.pickle")
    stored = pickle.loads(entry.read_bytes())
    source = next(iter(stored))
    entry.write_bytes(pickle.dumps({source: ("not", "a", "condition"), "x == 1": b"\x00code"}))
    conditions.PRECOMPILED.clear()
    conditions.compile_condition.cache_clear()
    again = validated_questionnaire(TEXT, NAME)
    assert source not in conditions.PRECOMPILED and "x == 1" not in conditions.PRECOMPILED
    assert decide(again, CLEAN) == decide(q, CLEAN)  # compiled from the text as if never cached


def test_the_cache_keys_cover_every_module_of_the_core():
    # A change to any core module, in any sub-package, must miss the questionnaire and template caches.
    keyed = {p.resolve() for p in mlpdm.repo.cache.core_files()}
    core = Path(mlpdm.__file__).resolve().parent / "core"
    assert keyed == {p.resolve() for p in core.rglob("*.py")}
    assert core / "questionnaire" / "model.py" in keyed and core / "brief" / "render.py" in keyed
