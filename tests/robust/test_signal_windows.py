"""The moments around the interview proper: a signal there still ends in the stop message.

``signal.raise_signal`` runs the handler before it returns, so each signal lands exactly
where the test puts it.
"""

from __future__ import annotations

import signal

import pytest

from mlpdm.cli.app import app
from mlpdm.core.text.errors import InterviewInterrupted
from mlpdm.repo.resources import load_packaged_questionnaire
from mlpdm.repo.workspace import read_answers
from mlpdm.terminal.interrupts import StopOnSignals
from tests.keystrokes import SHORT, short_lines


def test_a_signal_before_the_handlers_are_armed_is_raised_once_they_are():
    with StopOnSignals() as signals:
        signal.raise_signal(signal.SIGTERM)  # while they are being installed: only recorded
        with pytest.raises(InterviewInterrupted) as stop, signals.armed():
            pytest.fail("the recorded signal is raised first")
    assert stop.value.reason == "terminate"


def test_a_signal_while_held_waits_for_the_end_of_the_hold():
    done = []
    with StopOnSignals() as signals, pytest.raises(InterviewInterrupted) as stop, signals.armed():
        with signals.held():
            signal.raise_signal(signal.SIGINT)
            done.append("written whole")
        pytest.fail("raised as the hold ends")
    assert done == ["written whole"] and stop.value.reason == "interrupt"
    assert isinstance(stop.value, BaseException) and not isinstance(stop.value, Exception)


def test_once_stopping_further_signals_do_not_cut_the_message_short():
    said = []
    with StopOnSignals() as signals:
        try:
            with signals.armed():
                signal.raise_signal(signal.SIGINT)
        except InterviewInterrupted:
            signal.raise_signal(signal.SIGINT)  # pressed again while the message is shown
            said.append("Interview stopped")
    assert said == ["Interview stopped"]


def test_after_the_interview_the_previous_handlers_are_back():
    before = signal.getsignal(signal.SIGINT)
    with StopOnSignals() as signals:
        with signals.armed():
            pass
        signal.raise_signal(signal.SIGINT)  # while they are restored: the work is done, dropped
    assert signal.getsignal(signal.SIGINT) is before


def raise_during(monkeypatch, target: str, sig: int = signal.SIGINT) -> None:
    """The signal arrives as ``target`` (a function the command calls) begins."""
    module, name = target.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)

    def pressed(*args, **kwargs):
        signal.raise_signal(sig)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, pressed)


def test_a_signal_before_the_session_starts_says_nothing_was_saved(tmp_path, runner, monkeypatch):
    # The owner's default is looked up (git) before the session's own try.
    raise_during(monkeypatch, "mlpdm.cli.interview.git_user_name")
    result = runner.invoke(app, ["interview", "Signal test", "--dir", str(tmp_path)], input="Me\n")
    assert result.exit_code == 130, result.output
    assert "Interview stopped (Ctrl-C)." in result.output and "Nothing new was saved yet" in result.output
    assert "Traceback" not in result.output and not list(tmp_path.glob("*.yaml"))


def test_a_signal_while_the_index_is_refreshed_says_what_was_written(tmp_path, runner, monkeypatch):
    raise_during(monkeypatch, "mlpdm.cli.check.refresh_index", signal.SIGTERM)
    result = runner.invoke(
        app,
        ["interview", "Signal test", "--owner", "Me", "--dir", str(tmp_path)],
        input="\n".join([*short_lines(), ""]) + "\n",
    )
    assert result.exit_code == 143, result.output
    said = result.output[result.output.index("Interview stopped (terminated).") :]
    assert "Wrote" in said and "signal-test.answers.yaml" in said and "signal-test.md" in said
    assert "Traceback" not in result.output
    answers = read_answers(tmp_path / "signal-test.answers.yaml", load_packaged_questionnaire())
    assert answers.answers == SHORT and not (tmp_path / "signal-test.draft.yaml").exists()


def test_ctrl_c_while_an_error_is_printed_exits_130_without_a_traceback(tmp_path, runner, monkeypatch):
    # Outside the interview's handlers (its refusal is being printed), Ctrl-C is Python's
    # KeyboardInterrupt, which click turns into "Aborted!" and exit 1 unless told otherwise.
    def pressed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("mlpdm.terminal.console.print_user_error", pressed)
    result = runner.invoke(app, ["interview", "--update", str(tmp_path / "gone.answers.yaml")])
    assert result.exit_code == 130, result.output
    assert "Interrupted (Ctrl-C)." in result.output and "Aborted" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_a_ctrl_c_that_click_turned_into_abort_is_still_a_ctrl_c(capsys):
    # Older typer releases (within the supported range) raise Abort for a KeyboardInterrupt.
    import typer

    from mlpdm.cli.helpfmt import show_click_error

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as pressed:
            raise typer.Abort() from pressed
    except typer.Abort as abort:
        assert show_click_error(abort, "en") == 130
    assert "Interrupted (Ctrl-C)." in capsys.readouterr().err
    assert show_click_error(typer.Abort(), "en") == 1  # a plain abort stays one
