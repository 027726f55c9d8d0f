"""Every example brief's decision diagram renders in a real browser with GitHub's Mermaid.

Needs Debian's `chromium` and the `mermaid` package from npm (`npm ci --prefix .ci/node`);
`.ci/run` installs both and sets MLPDM_REQUIRE_BROWSER=1, so in CI a missing browser is a
failure. On a developer machine without them, the test is skipped with that reason.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mlpdm.cli.app import app
from tests.conftest import REPO

pytestmark = pytest.mark.slow

MERMAID = Path(
    os.environ.get(
        "MERMAID_JS", REPO / ".ci" / "node" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    )
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
REQUIRED = os.environ.get("MLPDM_REQUIRE_BROWSER") == "1"
EXAMPLES = sorted((REPO / "examples").glob("*.answers.yaml"))

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script src="{mermaid}"></script></head>
<body><div id="out"></div><script>
mermaid.initialize({{startOnLoad: false, securityLevel: "strict"}});
const sources = {sources};
(async () => {{
  const out = document.getElementById("out");
  for (const [i, src] of sources.entries()) {{
    const box = document.createElement("div");
    box.dataset.i = i;
    try {{
      await mermaid.parse(src);
      const result = await mermaid.render("diagram" + i, src);
      box.className = "ok";
      box.innerHTML = result.svg;
    }} catch (e) {{
      box.className = "error";
      box.textContent = String((e && e.message) || e);
    }}
    out.appendChild(box);
  }}
  out.dataset.done = "yes";
}})();
</script></body></html>
"""


def _diagram(brief: str) -> str:
    match = re.search(r"^```mermaid\n(.*?)^```", brief, re.S | re.M)
    assert match, "the brief has no mermaid block"
    return match.group(1)


def _render_in_browser(sources: list[str], tmp_path: Path) -> str:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(mermaid=MERMAID.as_uri(), sources=json.dumps(sources)), encoding="utf-8")
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--allow-file-access-from-files",
        "--virtual-time-budget=30000",
        "--dump-dom",
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def browser_ready():
    missing = [what for what, ok in (("chromium", CHROMIUM), (str(MERMAID), MERMAID.is_file())) if not ok]
    if missing:
        message = f"needs {', '.join(missing)} (run: apt-get install chromium; npm ci --prefix .ci/node)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)


def test_every_example_diagram_renders_in_chromium(browser_ready, runner, tmp_path):
    sources = []
    for example in EXAMPLES:
        result = runner.invoke(app, ["render", str(example), "-o", "-"])
        assert result.exit_code == 0
        sources.append(_diagram(result.stdout))
    dom = _render_in_browser([*sources, "flowchart TD\n  a --> {{{\n"], tmp_path)
    assert 'data-done="yes"' in dom, "the page did not finish rendering"
    boxes = re.findall(r'<div data-i="(\d+)" class="(ok|error)">(.*?)</div>(?=<div data-i|</div>)', dom, re.S)
    assert len(boxes) == len(sources) + 1
    for index, kind, content in boxes[: len(sources)]:
        name = EXAMPLES[int(index)].name
        assert kind == "ok", f"{name}: {html.unescape(content)[:500]}"
        assert "<svg" in content and "Parse error" not in content
    # The deliberately broken diagram proves errors are detected, not silently passed.
    assert boxes[-1][1] == "error" and "Parse error" in html.unescape(boxes[-1][2])
