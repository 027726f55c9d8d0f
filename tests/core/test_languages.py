"""Which language a command speaks and a brief is rendered in: one order, everywhere."""

from __future__ import annotations

from mlpdm.core.text.languages import resolve_language


def test_the_flag_then_the_brief_then_the_configuration_then_the_locale():
    locale = {"LANG": "ja_JP.UTF-8"}
    assert resolve_language("en", recorded="ja", configured="ja", environ=locale) == ("en", "command line")
    assert resolve_language(None, recorded="ja", configured="en", environ=locale) == ("ja", "brief")
    assert resolve_language(None, configured="en", configured_in="mlpdm.toml", environ=locale) == (
        "en",
        "mlpdm.toml",
    )
    assert resolve_language(environ=locale) == ("ja", "environment (LANG)")
    assert resolve_language(environ={}) == ("en", "default")


def test_a_brief_that_records_no_known_language_falls_back_to_the_repository():
    assert resolve_language(recorded=None, default="ja") == ("ja", "default")
    assert resolve_language(recorded="fr", configured="ja") == ("ja", "config")


def test_the_first_locale_variable_that_is_set_decides_even_when_it_is_unknown():
    # As gettext reads them: LC_ALL over LC_MESSAGES over LANG; an empty one is not set.
    assert resolve_language(environ={"LC_ALL": "", "LC_MESSAGES": "ja_JP", "LANG": "en_US"}) == (
        "ja",
        "environment (LC_MESSAGES)",
    )
    assert resolve_language(environ={"LC_ALL": "fr_FR.UTF-8", "LANG": "ja_JP.UTF-8"}) == (
        "en",
        "environment (LC_ALL)",
    )
    assert resolve_language(environ={"LANG": "ja-JP"})[0] == "ja"


def test_files_kept_for_the_team_ignore_the_locale_of_whoever_runs_the_command():
    # Without the environment (the schema beside the answers, a new brief), only the config counts.
    assert resolve_language(configured=None) == ("en", "default")
