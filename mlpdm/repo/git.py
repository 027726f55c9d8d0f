"""git as a source of files: the repository's root, and files as a commit holds them."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mlpdm.core.text.errors import UserError


def repository_root(start: Path) -> Path | None:
    """The folder holding ``.git`` at or above ``start`` (None outside a repository).

    Found without running git, so `check --format github` names files from the root GitHub
    uses for annotations even where git is not installed.
    """
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


ANSWERS_SUFFIX = ".answers.yaml"
# The branches a repository's default branch is looked for as, when origin/HEAD does not say.
DEFAULT_BRANCHES = ("origin/main", "origin/master", "main", "master")


@dataclass(frozen=True)
class Blob:
    """A file as a commit holds it: its path from the repository root and its bytes."""

    path: str
    data: bytes


def _git(args: list[str], cwd: Path, *, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run git (never a pager, never a prompt, the locale's translations off) and return its result."""
    env = {**os.environ, "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=False, env=env)
    except FileNotFoundError:
        raise UserError.of("git_missing") from None
    except OSError as exc:
        raise UserError.of("git_failed", command=args[0], reason=exc.strerror or str(exc)) from None


def _reason(result: subprocess.CompletedProcess[bytes]) -> str:
    text = result.stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[-1] if text else f"exit code {result.returncode}"


def refs(cwd: Path) -> list[str]:
    """The short names of the branches, remote branches and tags (empty outside a repository)."""
    result = _git(
        ["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes", "refs/tags"], cwd
    )
    return result.stdout.decode("utf-8", "replace").splitlines() if result.returncode == 0 else []


def toplevel(cwd: Path) -> Path:
    """The work tree's root, as git sees it (a UserError outside a repository)."""
    result = _git(["rev-parse", "--show-toplevel"], cwd)
    if result.returncode != 0:
        reason = _reason(result)
        if "not a git repository" in reason.lower():
            raise UserError.of("not_git_repo", path=str(cwd))
        raise UserError.of("git_failed", command="rev-parse", reason=reason)  # e.g. "dubious ownership"
    return Path(result.stdout.decode("utf-8", "surrogateescape").strip())


def commit_of(ref: str, cwd: Path) -> str | None:
    """The commit ``ref`` names (a branch, tag, sha, ``HEAD~1``), or None when it names none."""
    if not ref or ref.startswith("-"):  # never read as an option of git
        return None
    result = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    return result.stdout.decode().strip() if result.returncode == 0 else None


def default_base(cwd: Path) -> tuple[str | None, str]:
    """The base to compare with when none is given: (the default branch, or None for HEAD; the commit).

    The merge-base of HEAD and the default branch (``origin/HEAD``, else the first of
    origin/main, origin/master, main, master that exists), so a branch is compared with where
    it left the default branch; HEAD itself when there is none or they share no history.
    """
    head = commit_of("HEAD", cwd)
    if head is None:
        raise UserError.of("no_commits")
    result = _git(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], cwd)
    named = [result.stdout.decode().strip()] if result.returncode == 0 else []
    for branch in (*named, *DEFAULT_BRANCHES):
        if commit_of(branch, cwd) is None:
            continue
        base = _git(["merge-base", "HEAD", branch], cwd)
        if base.returncode == 0:
            return branch, base.stdout.decode().strip()
        break
    return None, head


def answers_at(commit: str, folder: str, cwd: Path) -> list[Blob]:
    """Every answers file under ``folder`` (from the repository root, '' for all) at ``commit``.

    Listed with ``git ls-tree`` and read in one ``git cat-file --batch``; links and
    submodules are left out, as `mlpdm check` reads regular files only.
    """
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", folder or "."], cwd)
    if listing.returncode != 0:
        raise UserError.of("git_failed", command="ls-tree", reason=_reason(listing))
    entries = []
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        info, _, name = record.partition(b"\t")
        mode, kind, sha = info.split()
        path = name.decode("utf-8", "surrogateescape")
        if kind == b"blob" and mode in (b"100644", b"100755") and path.endswith(ANSWERS_SUFFIX):
            entries.append((path, sha))
    if not entries:
        return []
    batch = _git(["cat-file", "--batch"], cwd, data=b"".join(sha + b"\n" for _, sha in entries))
    if batch.returncode != 0:
        raise UserError.of("git_failed", command="cat-file", reason=_reason(batch))
    out, at, blobs = batch.stdout, 0, []
    for path, _ in entries:
        header_end = out.find(b"\n", at)
        header = out[at:header_end].split() if header_end >= 0 else []
        # "<sha> missing" where the object is not here (a partial clone): say so, no traceback.
        if len(header) != 3 or not header[2].isdigit():
            missing = b" ".join(header).decode("ascii", "replace") or "no output"
            raise UserError.of("git_failed", command="cat-file", reason=f"{path}: {missing}")
        size = int(header[2])
        start = header_end + 1
        blobs.append(Blob(path, out[start : start + size]))
        at = start + size + 1  # the content is followed by a newline
    return blobs
