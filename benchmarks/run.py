"""mlpdm's speed, side by side with the floor set by Python and with peer tools, in one run.

    python3 benchmarks/run.py                 # everything (about 15 minutes on 2 cores)
    python3 benchmarks/run.py --quick         # fewer runs, 100 and 1,000 briefs only
    python3 benchmarks/run.py --base v0.1.0   # also time that version's start-up, in the same rounds

It needs only Python and the package index. Into .bench/ (ignored by git) it installs
mlpdm from this checkout, not editable, as a user would have it, and deon, copier and
cookiecutter into a second environment of their own. Every figure is the median of
repeated runs measured here, in this run, taken in rounds (one run of each command in turn)
so that a machine that speeds up or slows down meanwhile does so for all; ratios are
against floors measured in the same rounds, so the table says how mlpdm compares on this
machine, whatever the machine.

Start-up: `mlpdm --version`, `mlpdm --help`, `mlpdm render` of an example and the first
interview question on a pseudo-terminal, against `python -c pass`, `python -c "import
typer"`, a bare `rich.prompt` first prompt and the peers' `--help` and first prompt; then
the time from each of the first answers to the next question (benchmarks/per_answer.py).
Scale: seeded synthetic answers files (benchmarks/synth.py) at 100, 1,000 and 10,000
briefs; wall time and peak memory of `mlpdm check` with a warm per-user cache, of `mlpdm
check` with none (every brief verified by rendering it; up to 1,000 briefs) and of `mlpdm
index`, against benchmarks/floor.py (parse the YAML with the C loader, render one compiled
template). The table is printed, with each target of the performance issue met or NOT
met, and also written to .bench/results.md.

With `--base REF` the same start-up rows (`--version`, `--help`, the first question) are also
timed for mlpdm at that git commit, branch or tag, installed the same way into an environment
of its own, so a change can be shown to be no slower than what it replaces.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEERS = ("deon", "copier", "cookiecutter")
FIRST_QUESTION = "which user has which problem"
EXAMPLE = REPO / "examples" / "invoice-ocr.answers.yaml"
CLEAN_UP_TO = 1000  # `check` with no cache renders every brief: measured up to this many
# The first screen of a prompt drawn by Rich alone: the least a polished prompt costs.
RICH_PROMPT = (
    f"from rich.prompt import Prompt; Prompt.ask('1/60  In one or two sentences: {FIRST_QUESTION}?')"
)


@dataclass
class Timing:
    """Repeated wall times (seconds) and the largest peak memory (bytes) of one command."""

    label: str
    times: list[float]
    peak: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)


# -- environments ---------------------------------------------------------------------------------
def python_in(env: Path) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin") / "python"


def tool_in(env: Path, name: str) -> str:
    return str(env / ("Scripts" if os.name == "nt" else "bin") / name)


def make_env(path: Path, packages: Sequence[str], *, reinstall: Sequence[str] = ()) -> Path:
    """A virtual environment at ``path`` with ``packages`` (created once, reused after)."""
    if not python_in(path).exists():
        say(f"creating {path} and installing {' '.join(packages)} …")
        venv.EnvBuilder(with_pip=True, clear=True).create(path)
        pip(path, "install", "--quiet", "--upgrade", "pip")
        pip(path, "install", "--quiet", *packages)
    if reinstall:
        pip(path, "install", "--quiet", "--no-deps", "--force-reinstall", *reinstall)
    return path


def pip(env: Path, *args: str) -> None:
    done = subprocess.run([str(python_in(env)), "-m", "pip", *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"pip {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def base_env(work: Path, ref: str) -> Path:
    """An environment with mlpdm as it was at ``ref``, built from `git archive` (reused per commit)."""
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", f"{ref}^{{commit}}"], cwd=REPO, capture_output=True, text=True
    )
    if commit.returncode:
        raise SystemExit(f"--base {ref}: not a commit here ({commit.stderr.strip()})")
    sha = commit.stdout.strip()
    source = work / f"base-{sha[:12]}"
    if not (source / "pyproject.toml").exists():
        source.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha], cwd=REPO, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    return make_env(work / f"venv-base-{sha[:12]}", [str(source), "pexpect>=4.9"])


# -- measuring ------------------------------------------------------------------------------------
def run_once(
    argv: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of one run; fails loudly on an error."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # `check` exits 1 when it finds problems; still a run
        raise SystemExit(
            f"{' '.join(argv)} failed ({process.returncode}):\n{stderr.decode(errors='replace')}"
        )
    return elapsed, usage.ru_maxrss * 1024  # Linux reports kilobytes


@dataclass
class Command:
    """A command line to time, with where and how it runs."""

    label: str
    argv: list[str]
    cwd: Path | None = None
    env: dict[str, str] | None = None


def timed_together(commands: dict[str, Command], runs: int) -> dict[str, Timing]:
    """Each command ``runs`` times after one warm-up (file cache, bytecode), in rounds.

    A round runs each command once in turn, so a machine that speeds up or slows down while
    the benchmark runs does so for every command alike, and the ratios stay fair.
    """
    for command in commands.values():
        run_once(command.argv, cwd=command.cwd, env=command.env)
    results: dict[str, list[tuple[float, int]]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            results[key].append(run_once(command.argv, cwd=command.cwd, env=command.env))
    timings = {}
    for key, command in commands.items():
        timings[key] = Timing(command.label, [t for t, _ in results[key]], max(m for _, m in results[key]))
        say(f"  {command.label}: {ms(timings[key].median)}")
    return timings


@dataclass
class Prompted:
    """A command whose first prompt is awaited on a pseudo-terminal."""

    label: str
    argv: list[str]
    pattern: str  # a regular expression for the prompt's text
    env: dict[str, str]


def first_prompts(python: Path, commands: dict[str, Prompted], runs: int) -> dict[str, Timing]:
    """Time to the first prompt (see first_prompt.py), in rounds as in ``timed_together``.

    The first round is a warm-up (file cache, bytecode, mlpdm's questionnaire cache) and is
    not counted.
    """
    times: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(runs + 1):
        for key, command in commands.items():
            out = subprocess.run(
                [str(python), str(HERE / "first_prompt.py"), "1", command.pattern, "--", *command.argv],
                check=True,
                capture_output=True,
                text=True,
                env=command.env,
            ).stdout
            times[key] += json.loads(out)
    timings = {key: Timing(command.label, times[key][1:]) for key, command in commands.items()}
    for timing in timings.values():
        say(f"  {timing.label}: {ms(timing.median)}")
    return timings


def per_answer(python: Path, interview: list[str], env: dict[str, str], runs: int) -> Timing:
    """Each of the first answers' time to the next question (see per_answer.py), after a warm-up."""
    out = subprocess.run(
        [str(python), str(HERE / "per_answer.py"), str(runs + 1), "--", *interview],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    times = json.loads(out)
    steps = len(times) // (runs + 1)
    timing = Timing("each answer → next question", times[steps:])  # the first run warms up
    say(f"  {timing.label}: {ms(timing.median)} (slowest {ms(max(timing.times))})")
    return timing


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- peers' templates -----------------------------------------------------------------------------
def peer_templates(root: Path) -> tuple[Path, Path]:
    """A one-question copier template and cookiecutter template, for their first prompt."""
    copier = root / "copier-template"
    copier.mkdir(parents=True, exist_ok=True)
    (copier / "copier.yml").write_text("feature_name:\n  type: str\n  help: Feature name\n", encoding="utf-8")
    (copier / "README.md.jinja").write_text("# {{ feature_name }}\n", encoding="utf-8")
    cookie = root / "cookiecutter-template"
    (cookie / "{{cookiecutter.feature_slug}}").mkdir(parents=True, exist_ok=True)
    (cookie / "cookiecutter.json").write_text(
        '{"feature_name": "Feature", "feature_slug": "{{ cookiecutter.feature_name|lower }}"}',
        encoding="utf-8",
    )
    (cookie / "{{cookiecutter.feature_slug}}" / "README.md").write_text("# {{ cookiecutter.feature_name }}\n")
    return copier, cookie


# -- the report -----------------------------------------------------------------------------------
def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"Python {platform.python_version()} on {platform.system()}, {cpu}, {os.cpu_count()} cores"


def startup_table(rows: list[Timing], floor: Timing, typer_floor: Timing) -> list[str]:
    lines = ["| Start-up | median | × `python -c pass` | × `import typer` |", "|---|---:|---:|---:|"]
    for row in rows:
        lines.append(
            f"| {row.label} | {ms(row.median)} | {ratio(row.median, floor.median)} | "
            f"{ratio(row.median, typer_floor.median)} |"
        )
    return lines


def scale_table(scale: dict[int, dict[str, Timing]]) -> list[str]:
    lines = ["| Scale | briefs | median | × floor | peak memory |", "|---|---:|---:|---:|---:|"]
    for size, runs in scale.items():
        floor = runs["floor"]
        for _key, row in runs.items():
            lines.append(
                f"| {row.label} | {size:,} | {ms(row.median)} | {ratio(row.median, floor.median)} | "
                f"{row.peak / 2**20:,.0f} MB |"
            )
    return lines


def targets(start: dict[str, Timing], scale: dict[int, dict[str, Timing]]) -> list[str]:
    """Each target of the performance issue, met or not, with the figures behind it."""
    out: list[str] = []

    def line(ok: bool, text: str) -> None:
        out.append(f"- {'met' if ok else 'NOT met'}: {text}")

    helped, typer_floor = start["help"].median, start["typer"].median
    if "render" in start:
        rendered = start["render"].median
        line(
            rendered <= 2.5 * typer_floor,
            f"`mlpdm render` of an example {ms(rendered)} ≤ 2.5 × `import typer` ({ms(2.5 * typer_floor)})",
        )
    line(
        helped <= 1.3 * typer_floor,
        f"`mlpdm --help` {ms(helped)} ≤ 1.3 × `import typer` ({ms(1.3 * typer_floor)})",
    )
    for peer in PEERS:
        if f"{peer}-help" in start:
            other = start[f"{peer}-help"].median
            line(helped < other, f"`mlpdm --help` {ms(helped)} faster than `{peer} --help` {ms(other)}")
    if "first" in start:
        first = start["first"].median
        line(first <= 0.120, f"first interview question {ms(first)} ≤ 120 ms")
        if "rich-first" in start:
            bare = start["rich-first"].median
            line(first <= 2 * bare, f"first question {ms(first)} ≤ 2 × a bare `rich.prompt` ({ms(2 * bare)})")
        for peer in ("copier", "cookiecutter"):
            if f"{peer}-first" in start:
                other = start[f"{peer}-first"].median
                line(
                    first < other, f"first question {ms(first)} sooner than {peer}'s first prompt {ms(other)}"
                )
    if "per-answer" in start:
        slowest = max(start["per-answer"].times)
        line(
            slowest < 0.020,
            f"each answer to the next question: slowest {ms(slowest)} "
            f"(median {ms(start['per-answer'].median)}) < 20 ms",
        )
    for now, then in (("help", "base-help"), ("first", "base-first")):
        if now in start and then in start:
            new, old = start[now].median, start[then].median
            # Within the spread two medians of the same program show on this machine (±5%).
            line(
                new <= 1.05 * old,
                f"{start[now].label} {ms(new)} no slower than {start[then].label} {ms(old)}",
            )
    return out + scale_targets(scale)


def scale_targets(scale: dict[int, dict[str, Timing]]) -> list[str]:
    """The targets of ``check`` at scale, met or not."""
    out: list[str] = []

    def line(ok: bool, text: str) -> None:
        out.append(f"- {'met' if ok else 'NOT met'}: {text}")

    if 1000 in scale:
        check, floor = scale[1000]["check"].median, scale[1000]["floor"].median
        line(
            check <= 2 * floor,
            f"`check` over 1,000 briefs, warm cache {ms(check)} ≤ 2 × floor ({ms(2 * floor)})",
        )
        if "check-clean" in scale[1000]:
            clean = scale[1000]["check-clean"].median
            line(
                clean <= 10 * floor,
                f"`check` over 1,000 briefs, no cache (each rendered) {ms(clean)} "
                f"≤ 10 × floor ({ms(10 * floor)})",
            )
    if 1000 in scale and 10000 in scale:
        small, big = scale[1000]["check"].median, scale[10000]["check"].median
        line(big <= 10.5 * small, f"`check` 10,000 / 1,000 = {big / small:.1f} ≤ 10.5")
        peak = scale[10000]["check"].peak
        line(peak <= 150 * 2**20, f"`check` peak memory at 10,000 briefs {peak / 2**20:.0f} MB ≤ 150 MB")
    return out


# -- main -----------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs; 100 and 1,000 briefs only")
    parser.add_argument("--runs", type=int, help="runs per start-up figure (default 20, quick 7)")
    parser.add_argument("--sizes", help="comma-separated numbers of briefs (default 100,1000,10000)")
    parser.add_argument("--no-peers", action="store_true", help="skip deon, copier and cookiecutter")
    parser.add_argument(
        "--workdir", type=Path, default=REPO / ".bench", help="where environments and data go"
    )
    parser.add_argument("--base", metavar="REF", help="also time this git commit's start-up, to compare")
    given = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(given)
    runs = args.runs or (7 if args.quick else 20)
    sizes = [int(s) for s in (args.sizes or ("100,1000" if args.quick else "100,1000,10000")).split(",")]
    work: Path = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)

    say(machine())
    bench = make_env(work / "venv-mlpdm", [str(REPO), "pexpect>=4.9"], reinstall=[str(REPO)])
    python, mlpdm = python_in(bench), tool_in(bench, "mlpdm")
    peers = None if args.no_peers else make_env(work / "venv-peers", PEERS)
    base = base_env(work, args.base) if args.base else None

    say("start-up")
    plain_env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    commands = {
        "pass": Command("`python -c pass`", [str(python), "-c", "pass"]),
        "typer": Command('`python -c "import typer"`', [str(python), "-c", "import typer"]),
        "version": Command("`mlpdm --version`", [mlpdm, "--version"], env=plain_env),
        "help": Command("`mlpdm --help`", [mlpdm, "--help"], env=plain_env),
    }
    if base is not None:
        base_mlpdm = tool_in(base, "mlpdm")
        commands["base-version"] = Command(
            f"… `mlpdm --version` at {args.base}", [base_mlpdm, "--version"], env=plain_env
        )
        commands["base-help"] = Command(
            f"… `mlpdm --help` at {args.base}", [base_mlpdm, "--help"], env=plain_env
        )
    # `render` of an example with a per-user cache of its own, warmed by the first run.
    example = work / "render-example"
    shutil.rmtree(example, ignore_errors=True)
    example.mkdir()
    shutil.copy(EXAMPLE, example / EXAMPLE.name)
    render_env = {**plain_env, "XDG_CACHE_HOME": str(work / "xdg-cache-render")}
    shutil.rmtree(work / "xdg-cache-render", ignore_errors=True)
    commands["render"] = Command(
        "`mlpdm render` of an example (warm cache)",
        [mlpdm, "render", EXAMPLE.name, "-o", "-"],
        cwd=example,
        env=render_env,
    )
    if peers is not None:
        for peer in PEERS:
            commands[f"{peer}-help"] = Command(f"`{peer} --help`", [tool_in(peers, peer), "--help"])
    start = timed_together(commands, runs)

    prompt_runs = max(5, runs // 2)
    # Every tool gets the same persistent cache folder, as on a user's machine; mlpdm keeps
    # its validated questionnaire there. The MLPDM_NO_CACHE row shows a start without it.
    cache = work / "xdg-cache"
    shutil.rmtree(cache, ignore_errors=True)
    prompt_env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    interview = [mlpdm, "interview", "Benchmark", "--owner", "Benchmark"]
    with tempfile.TemporaryDirectory() as tmp:
        prompted = {
            "first": Prompted("`mlpdm interview` → first question", interview, FIRST_QUESTION, prompt_env),
            "first-cold": Prompted(
                "… the same with `MLPDM_NO_CACHE=1`",
                interview,
                FIRST_QUESTION,
                {**prompt_env, "MLPDM_NO_CACHE": "1"},
            ),
            "rich-first": Prompted(
                "bare `rich.prompt` → first prompt",
                [str(python), "-c", RICH_PROMPT],
                FIRST_QUESTION,
                prompt_env,
            ),
        }
        if base is not None:
            prompted["base-first"] = Prompted(
                f"… first question at {args.base}",
                [tool_in(base, "mlpdm"), "interview", "Benchmark", "--owner", "Benchmark"],
                FIRST_QUESTION,
                {**prompt_env, "XDG_CACHE_HOME": str(work / "xdg-cache-base")},
            )
        if peers is not None:
            copier_t, cookie_t = peer_templates(Path(tmp))
            prompted["copier-first"] = Prompted(
                "`copier copy` → first prompt",
                [tool_in(peers, "copier"), "copy", "--trust", str(copier_t), str(Path(tmp) / "out-copier")],
                "Feature name",
                prompt_env,
            )
            prompted["cookiecutter-first"] = Prompted(
                "`cookiecutter` → first prompt",
                [tool_in(peers, "cookiecutter"), str(cookie_t), "-o", str(Path(tmp) / "out-cookie")],
                "feature_name",
                prompt_env,
            )
        start |= first_prompts(python, prompted, prompt_runs)
    start["per-answer"] = per_answer(python, interview, prompt_env, prompt_runs)

    say("scale")
    scale: dict[int, dict[str, Timing]] = {}
    repeats: dict[int, int] = {}
    for size in sizes:
        root = work / f"briefs-{size}"
        docs = root / "docs" / "mlpdm"
        shutil.rmtree(root, ignore_errors=True)
        subprocess.run([str(python), str(HERE / "synth.py"), str(root), str(size)], check=True)
        # The per-user cache of this folder's briefs, warmed by `check --fix` as on a user's machine.
        warm = {**os.environ, "XDG_CACHE_HOME": str(root / "xdg-cache")}
        subprocess.run(
            [mlpdm, "check", "--fix", str(docs)], cwd=root, check=True, stdout=subprocess.DEVNULL, env=warm
        )
        repeat = repeats[size] = 3 if size >= 10_000 else 5 if size >= 1000 else runs
        rows = {
            "floor": Command("floor script", [str(python), str(HERE / "floor.py"), str(docs)]),
            "check": Command("`mlpdm check` (warm cache)", [mlpdm, "check", str(docs)], cwd=root, env=warm),
        }
        if size <= CLEAN_UP_TO:
            rows["check-clean"] = Command(
                "`mlpdm check` (no cache: every brief rendered)",
                [mlpdm, "check", str(docs)],
                cwd=root,
                env={**warm, "MLPDM_NO_CACHE": "1"},
            )
        rows["index"] = Command("`mlpdm index`", [mlpdm, "index", str(docs)], cwd=root, env=warm)
        scale[size] = timed_together(rows, repeat)

    today = dt.date.today().isoformat()
    report = [
        f"Measured {today} with `{' '.join(['python3 benchmarks/run.py', *given])}` — {machine()}; "
        f"medians of {runs} start-up runs, {prompt_runs} first prompts and "
        + ", ".join(f"{repeats[size]} runs at {size:,} briefs" for size in sizes)
        + ", each set taken in interleaved rounds.",
        "",
        *startup_table([v for k, v in start.items() if k != "per-answer"], start["pass"], start["typer"]),
        "",
        f"Each of the first {len(start['per-answer'].times) // prompt_runs} answers → the next question "
        f"(pexpect, no delay before a send): median {ms(start['per-answer'].median)}, "
        f"slowest {ms(max(start['per-answer'].times))}.",
        "",
        *scale_table(scale),
    ]
    if 1000 in scale and 10000 in scale:
        growth = scale[10000]["check"].median / scale[1000]["check"].median
        report += ["", f"Growth of `mlpdm check` from 1,000 to 10,000 briefs: {growth:.1f}× (linear is 10×)."]
    report += ["", "Targets:", *targets(start, scale)]
    text = "\n".join(report) + "\n"
    (work / "results.md").write_text(text, encoding="utf-8")
    (work / "results.json").write_text(
        json.dumps(
            {
                "date": today,
                "machine": machine(),
                "start": {k: v.times for k, v in start.items()},
                "scale": {
                    size: {k: {"times": v.times, "peak": v.peak} for k, v in r.items()}
                    for size, r in scale.items()
                },
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
