"""The per-user cache of validated questionnaires: a hit skips validation, anything odd is a miss."""

from __future__ import annotations

import pickle

import pytest

import mlpdm.resources
from mlpdm.cache import cache_dir
from mlpdm.core.errors import UserError
from mlpdm.resources import packaged_questionnaires, validated_questionnaire
from tests.conftest import MINI, build_questionnaire

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

    monkeypatch.setattr(mlpdm.resources, "load_questionnaire", refuse)


def entries(folder):
    return sorted(p.name for p in folder.glob("*.pickle")) if folder.exists() else []


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
    (entry,) = folder.glob("*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle")
    assert validated_questionnaire(TEXT, NAME).id == "default"
    assert pickle.loads(entry.read_bytes()).id == "default"


def test_a_folder_others_may_write_is_not_trusted(folder, monkeypatch):
    validated_questionnaire(TEXT, NAME)
    (entry,) = folder.glob("*.pickle")
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
