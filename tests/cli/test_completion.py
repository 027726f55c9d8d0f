"""Tab completion, asked of the installed `mlpdm` the way the shells' scripts ask it.

Each test runs the command as a separate process with click's completion protocol:
``_MLPDM_COMPLETE=<shell>_complete`` and the words typed so far in ``COMP_WORDS`` (and, for
bash and zsh, the index of the word being completed in ``COMP_CWORD``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PINNED_ENV, REPO

BIN = Path(sys.executable).parent
MLPDM = str(BIN / "mlpdm")
DOCS = "docs/mlpdm"


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("_MLPDM_", "COMP_"))}
    return {**base, **PINNED_ENV, **extra}


def ask(cwd: Path, words: str, shell: str = "bash", **extra: str) -> subprocess.CompletedProcess[str]:
    """What `mlpdm` answers to the shell ``shell`` completing the last word of ``words``."""
    if shell == "fish":  # fish gives the line so far and the word being completed
        last = "" if words.endswith(" ") else words.split()[-1]
        variables = {"COMP_WORDS": words, "COMP_CWORD": last}
    else:
        parts = words.split()
        index = len(parts) if words.endswith(" ") else len(parts) - 1
        variables = {"COMP_WORDS": words, "COMP_CWORD": str(index)}
    done = subprocess.run(
        [MLPDM],
        cwd=cwd,
        env=env(_MLPDM_COMPLETE=f"{shell}_complete", **variables, **extra),
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def bash(cwd: Path, words: str) -> list[str]:
    """The candidates for bash, as ``type,value`` lines."""
    done = ask(cwd, words)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def values(cwd: Path, words: str) -> list[str]:
    return [line.split(",", 1)[1] for line in bash(cwd, words) if line.startswith("plain,")]


@pytest.fixture
def team(tmp_path) -> Path:
    """A repository with two answers files in docs/mlpdm and one interrupted interview."""
    root = tmp_path / "team"
    (root / ".git").mkdir(parents=True)
    docs = root / DOCS
    docs.mkdir(parents=True)
    for name in ("invoice-ocr", "refund-agent"):
        shutil.copy(REPO / "examples" / f"{name}.answers.yaml", docs)
    (docs / "chat-triage.draft.yaml").write_text("answers: {}\n", encoding="utf-8")
    return root


# -- commands, options and choices ----------------------------------------------------------


def test_commands_and_options(team):
    assert values(team, "mlpdm ") == [
        "interview",
        "render",
        "check",
        "index",
        "diff",
        "decide",
        "new",
        "schema",
        "config",
        "questionnaire",
        "stats",
    ]
    assert values(team, "mlpdm in") == ["interview", "index"]
    assert "--show-completion" in values(team, "mlpdm --")
    assert values(team, "mlpdm render --f") == ["--format", "--force"]
    assert values(team, "mlpdm index --fa") == ["--fail-on-change"]
    assert values(team, "mlpdm questionnaire ") == ["list", "show", "validate"]
    assert values(team, "mlpdm stats s") == ["sample-size"]


def test_choice_values_of_options_and_arguments(team):
    assert values(team, "mlpdm --lang ") == ["en", "ja"]
    assert values(team, "mlpdm check --lang j") == ["ja"]
    assert values(team, "mlpdm check --lang=") == ["en", "ja"]
    assert values(team, "mlpdm render --format ") == ["md", "json"]
    assert values(team, "mlpdm check -f ") == ["text", "json", "github"]
    assert values(team, f"mlpdm decide {DOCS}/invoice-ocr.answers.yaml ") == [
        "accepted",
        "rejected",
        "superseded",
        "draft",
    ]
    assert values(team, "mlpdm --show-completion ") == ["bash", "zsh", "fish"]


def test_verdicts_complete_one_after_another(team):
    assert values(team, "mlpdm check --fail-on no-go-r") == ["no-go-risk"]
    after = values(team, "mlpdm check --fail-on no-go-risk,")
    assert "no-go-risk,not-ready" in after and not any(v.endswith(",no-go-risk") for v in after)


def test_questionnaire_ids_and_paths(team):
    assert values(team, "mlpdm questionnaire show ") == ["default"]
    assert values(team, "mlpdm interview -q d") == ["default"]
    assert values(team, "mlpdm render --questionnaire ") == ["default"]
    assert bash(team, "mlpdm questionnaire validate ./") == ["file,./"]  # a path: the shell's own


def test_a_team_questionnaire_in_the_configuration_is_offered(team):
    (team / "mlpdm.toml").write_text('questionnaire = "mlpdm/acme.yaml"\n', encoding="utf-8")
    assert values(team, "mlpdm interview -q ") == ["default", "mlpdm/acme.yaml"]


# -- answers files and feature names --------------------------------------------------------


def test_answers_files_in_the_docs_folder(team):
    both = [f"{DOCS}/invoice-ocr.answers.yaml", f"{DOCS}/refund-agent.answers.yaml"]
    assert values(team, "mlpdm render ") == both
    assert values(team, "mlpdm decide ") == both
    assert values(team, "mlpdm interview --update ") == both
    assert values(team, f"mlpdm render {DOCS}/r") == both[1:]
    # A file already named is not offered again.
    assert values(team, f"mlpdm render {both[0]} ") == both[1:]


def test_answers_files_from_a_subfolder_and_elsewhere(team):
    sub = team / "src"
    sub.mkdir()
    assert values(sub, "mlpdm render ") == [
        f"../{DOCS}/invoice-ocr.answers.yaml",
        f"../{DOCS}/refund-agent.answers.yaml",
    ]
    # Nothing there that fits: the shell completes the path itself.
    assert bash(team, "mlpdm render src/x") == ["file,src/x"]


def test_feature_names_for_the_interview_and_a_successor(team):
    assert values(team, "mlpdm interview ") == ["chat-triage", "invoice-ocr", "refund-agent"]
    assert values(team, "mlpdm interview r") == ["refund-agent"]
    answers = f"{DOCS}/invoice-ocr.answers.yaml"
    assert values(team, f"mlpdm decide {answers} superseded --superseded-by ") == ["refund-agent"]


def test_folders_complete_as_folders(team):
    assert bash(team, "mlpdm check ") == ["dir,"]
    assert bash(team, "mlpdm interview --dir do") == ["dir,do"]


def test_no_parameter_is_forgotten():
    """Every parameter that takes a value has a completer, is a choice, or is free text."""
    from mlpdm.cli.app import COMMANDS, app
    from mlpdm.cli.completers import COMPLETERS, FREE
    from mlpdm.cli.helpfmt import HelpContext

    root = __import__("typer").main.get_command(app)
    commands = [root]
    for name in COMMANDS:
        command = root.get_command(HelpContext(root), name)
        commands += [command, *getattr(command, "commands", {}).values()]
    forgotten = set()
    for command in commands:
        for param in command.params:
            flag = getattr(param, "is_flag", False)
            choice = getattr(getattr(param, "type_descriptor", None), "is_choice", False)
            if not (flag or choice or param.name in COMPLETERS or param.name in FREE):
                forgotten.add(f"{command.name} {param.name}")
    assert not forgotten, sorted(forgotten)


def test_a_broken_configuration_still_completes(team):
    (team / "mlpdm.toml").write_text("docs_dir = [\n", encoding="utf-8")
    assert "render" in values(team, "mlpdm ")
    assert bash(team, "mlpdm render ") == ["file,"]


# -- zsh and fish ---------------------------------------------------------------------------


def test_zsh_gets_type_value_and_help(team):
    done = ask(team, "mlpdm --lang ", shell="zsh")
    assert done.returncode == 0
    assert done.stdout.splitlines() == ["plain", "en", "English", "plain", "ja", "Japanese"]
    done = ask(team, "mlpdm --lang ja check --lang ", shell="zsh")
    assert done.stdout.splitlines()[:3] == ["plain", "en", "英語"]
    done = ask(team, "mlpdm rend", shell="zsh")
    assert done.stdout.splitlines() == [
        "plain",
        "render",
        "Render the brief from each answers file, with no questions asked.",
    ]
    assert ask(team, "mlpdm render ", shell="zsh").stdout.splitlines()[:3] == [
        "plain",
        f"{DOCS}/invoice-ocr.answers.yaml",
        "_",
    ]


def test_fish_gets_type_value_and_help(team):
    done = ask(team, "mlpdm interview ", shell="fish")
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        "plain,chat-triage\tresume its draft",
        "plain,invoice-ocr\trevise its answers",
        "plain,refund-agent\trevise its answers",
    ]
    assert ask(team, "mlpdm render --format j", shell="fish").stdout.splitlines() == ["plain,json"]
    assert ask(team, "mlpdm check --dir", shell="fish").stdout.splitlines() == []  # no such option
    assert ask(team, "mlpdm check ", shell="fish").stdout.splitlines() == ["dir,"]


# -- the scripts ----------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script(tmp_path, shell):
    done = subprocess.run(
        [MLPDM, "--show-completion", shell], cwd=tmp_path, env=env(), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"_MLPDM_COMPLETE={shell}_complete" in done.stdout
    assert "_mlpdm_completion" in done.stdout
    # The script the shell protocol prints is the same one.
    source = subprocess.run(
        [MLPDM], cwd=tmp_path, env=env(_MLPDM_COMPLETE=f"{shell}_source"), capture_output=True, text=True
    )
    assert source.returncode == 0 and source.stdout.strip() == done.stdout.strip()


def test_the_bash_script_completes_in_a_real_bash(team):
    script = subprocess.run([MLPDM, "--show-completion", "bash"], env=env(), capture_output=True, text=True)
    (team / "mlpdm.bash").write_text(script.stdout, encoding="utf-8")
    program = (
        "source ./mlpdm.bash\n"
        'COMP_WORDS=(mlpdm render --format ""); COMP_CWORD=3\n'
        "_mlpdm_completion mlpdm\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
        'COMPREPLY=(); COMP_WORDS=(mlpdm decide ""); COMP_CWORD=2\n'
        "_mlpdm_completion mlpdm\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        cwd=team,
        env=env(PATH=path),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "md",
        "json",
        f"{DOCS}/invoice-ocr.answers.yaml",
        f"{DOCS}/refund-agent.answers.yaml",
    ]


def test_show_completion_without_a_shell_is_a_clear_error(tmp_path):
    # As in CI or a container: no shell named and none among the parent processes.
    for args in (["--show-completion"], ["--install-completion"]):
        done = subprocess.run(
            [MLPDM, *args],
            cwd=tmp_path,
            env=env(_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1", HOME=str(tmp_path)),
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2
        assert "Error: no shell was named" in done.stderr and "Traceback" not in done.stderr
        assert "mlpdm --show-completion bash" in done.stderr
    assert list(tmp_path.iterdir()) == []  # nothing installed


def test_an_unknown_shell_is_a_clear_error(tmp_path):
    done = subprocess.run([MLPDM, "--show-completion", "tcsh"], env=env(), capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "mlpdm cannot complete in the shell 'tcsh'; it completes in bash, zsh, fish" in done.stderr
    ja = subprocess.run(
        [MLPDM, "--lang", "ja", "--show-completion", "tcsh"], env=env(), capture_output=True, text=True
    )
    assert "エラー：mlpdm はシェル 'tcsh' での補完に対応していません" in ja.stderr


def test_the_shell_mlpdm_runs_in_is_used_when_none_is_named(monkeypatch):
    from mlpdm.cli import completion
    from mlpdm.core.text.errors import UserError

    monkeypatch.delenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", raising=False)
    monkeypatch.setattr(completion, "_detect", lambda: "zsh")
    assert completion.choose_shell("") == "zsh"
    assert completion.choose_shell("fish") == "fish"  # a named shell wins
    monkeypatch.setattr(completion, "_detect", lambda: "sh")
    with pytest.raises(UserError) as raised:
        completion.choose_shell("")
    assert raised.value.text("en")[0] == (
        "mlpdm runs in the shell sh, which it cannot complete in; it completes in bash, zsh, fish"
    )


def test_an_unknown_instruction_says_what_is_expected(tmp_path):
    done = subprocess.run([MLPDM], env=env(_MLPDM_COMPLETE="complete_bash"), capture_output=True, text=True)
    assert done.returncode == 1
    assert "use <shell>_complete or <shell>_source" in done.stderr and "Traceback" not in done.stderr


# -- installing -----------------------------------------------------------------------------


def install(home: Path, shell: str, **extra: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [MLPDM, "--install-completion", shell],
        cwd=home,
        env=env(HOME=str(home), **extra),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_install_for_bash_writes_the_script_and_one_line_in_bashrc(tmp_path):
    (tmp_path / ".bashrc").write_text("alias ll='ls -l'", encoding="utf-8")  # no final newline
    done = install(tmp_path, "bash")
    script = tmp_path / ".bash_completions" / "mlpdm.sh"
    assert f"bash completion installed in {script}" in done.stdout
    assert "_MLPDM_COMPLETE=bash_complete" in script.read_text(encoding="utf-8")
    line = f"[ -f {script} ] && . {script}  # mlpdm completion"
    assert (tmp_path / ".bashrc").read_text(encoding="utf-8") == f"alias ll='ls -l'\n{line}\n"
    again = install(tmp_path, "bash")
    assert "already loads it" in again.stdout
    assert (tmp_path / ".bashrc").read_text(encoding="utf-8").count(line) == 1
    assert sorted(p.name for p in (tmp_path / ".bash_completions").iterdir()) == ["mlpdm.sh"]  # no scratch
    # The rc line works: a new bash that reads it completes mlpdm.
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "-c", "source ~/.bashrc; complete -p mlpdm"],
        env=env(HOME=str(tmp_path), PATH=path),
        capture_output=True,
        text=True,
    )
    assert "complete -o nosort -F _mlpdm_completion mlpdm" in done.stdout


def test_install_for_zsh_and_fish(tmp_path):
    install(tmp_path, "zsh")
    assert "_MLPDM_COMPLETE=zsh_complete" in (tmp_path / ".zfunc" / "_mlpdm").read_text(encoding="utf-8")
    zshrc = (tmp_path / ".zshrc").read_text(encoding="utf-8")
    assert zshrc == "fpath+=~/.zfunc; autoload -Uz compinit; compinit\n"
    install(tmp_path, "fish")
    fish = tmp_path / ".config" / "fish" / "completions" / "mlpdm.fish"
    assert "_MLPDM_COMPLETE=fish_complete" in fish.read_text(encoding="utf-8")
    assert not (tmp_path / ".config" / "fish" / "config.fish").exists()  # fish needs no rc line


def test_install_follows_a_linked_bashrc(tmp_path):
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "bashrc").write_text("# mine\n", encoding="utf-8")
    (tmp_path / ".bashrc").symlink_to(dotfiles / "bashrc")
    install(tmp_path, "bash")
    assert (tmp_path / ".bashrc").is_symlink()
    assert (dotfiles / "bashrc").read_text(encoding="utf-8").startswith("# mine\n[ -f ")


# -- start-up -------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["interview", "--help"]], ids=" ".join)
def test_completion_costs_nothing_when_not_completing(args):
    from tests.cli.test_startup import loaded_modules

    loaded = loaded_modules(*args)
    assert not loaded & {"mlpdm.cli.completion", "mlpdm.cli.completers"}


def test_a_diff_base_completes_the_repositorys_branches_and_tags(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "first"], cwd=repo, check=True)
    subprocess.run([*git, "branch", "feature/cards"], cwd=repo, check=True)
    subprocess.run([*git, "tag", "v0.1.0"], cwd=repo, check=True)
    assert values(repo, "mlpdm diff --base ") == ["HEAD", "feature/cards", "main", "v0.1.0"]
    assert values(repo, "mlpdm diff --base fe") == ["feature/cards"]
    # Outside a repository there is nothing to offer but HEAD, and no error.
    outside = tmp_path / "plain"
    outside.mkdir()
    assert values(outside, "mlpdm diff --base ") == ["HEAD"]
