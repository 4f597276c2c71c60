"""`make faults`: plant known faults in the code, one at a time, and show which test catches each.

Each fault below is a small change to a security- or data-critical module (the
policy, escaping, citations, the loader and validator, head tags, the hosting
files, the forked build), to the Pages workflow, to a template or style sheet,
or to the test helpers themselves, with the tests that should catch it. For
each fault this copies nothing back: the whole project (its git-tracked and
new files) is copied once to a temporary folder, the fault is planted in the
copy, the chosen tests run there under CI=true, and the file is restored before
the next fault. The working tree is never touched.

A fault is caught when a test fails. The run first checks that the chosen
tests pass without any fault (a test failing anyway would catch everything),
then prints a table: fault, the test that caught it, seconds. It exits
non-zero if a fault survives, or if a fault no longer applies (its text is not
in the file exactly once: update the list with the code).

    make faults                    # every fault
    make faults ARGS="-k csp"      # faults whose name or file contains "csp"
    make faults ARGS="--list"
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The tests the faults use, by what they need (fast static ones first).
CSP_UNIT = "tests/build/test_no_injection.py::test_the_build_step_writes_a_policy_the_check_accepts"
CSP_SITE = "tests/build/test_no_injection.py::test_nothing_runs_that_we_did_not_write"
FIELDS = "tests/unit/test_every_field.py"
FIELDS_BUILD = "tests/build/test_every_field_build.py"
RENDER = "tests/unit/test_render.py"
LOAD = "tests/unit/test_load.py"
CITES = "tests/build/test_staff_build.py::test_item_pages_cite_the_item_in_both_languages_with_its_absolute_url"
CITE_UNIT = "tests/build/test_staff_build.py::test_citations_follow_site_url"
SEO = "tests/build/test_seo_build.py"
WORKFLOW = "tests/build/test_workflow.py::test_workflow_keeps_the_hardening_rules"
FORKED = "tests/build/test_forked_build.py::test_a_forked_build_publishes_what_a_serial_build_publishes"
RULES = "tests/unit/test_suite_rules.py"
TAB_STOPS_404 = "tests/browser/test_a11y_browser.py::test_every_tab_stop_can_be_seen[404-en-desktop]"
MEMO = "tests/unit/test_template_memo.py::test_the_site_is_the_same_byte_for_byte_without_the_memo"
SEARCH = "tests/unit/test_search.py::test_item_pages_keep_their_citations_and_source_note_out_of_search"
SITEMAP_REQUESTS = "tests/browser/test_seo_browser.py"


@dataclass(frozen=True)
class Fault:
    name: str
    path: str
    changes: tuple[tuple[str, str], ...]  # (text that must occur exactly once, what replaces it)
    tests: tuple[str, ...]


def fault(name: str, path: str, *changes: tuple[str, str], tests: tuple[str, ...] | str) -> Fault:
    return Fault(name, path, tuple(changes), (tests,) if isinstance(tests, str) else tests)


P = "hooks/bicentennial/"
FAULTS = [
    # The Content-Security-Policy (publish/csp.py).
    fault("CSP: wrong hashes (of the stripped script)", P + "publish/csp.py",
          ('hashlib.sha256(body.encode("utf-8"))', 'hashlib.sha256(body.strip().encode("utf-8"))'),
          tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: hashes in URL-safe base64", P + "publish/csp.py",
          ("base64.b64encode(", "base64.urlsafe_b64encode("), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: https: allowed in script-src and connect-src", P + "publish/csp.py",
          ('"script-src": ["\'self\'"],', '"script-src": ["\'self\'", "https:"],'),
          ('"connect-src": ["\'self\'"],', '"connect-src": ["\'self\'", "https:"],'), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: https: allowed in connect-src only", P + "publish/csp.py",
          ('"connect-src": ["\'self\'"],', '"connect-src": ["\'self\'", "https:"],'), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: object-src 'self'", P + "publish/csp.py",
          ('"object-src": ["\'none\'"],', '"object-src": ["\'self\'"],'), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: no object-src", P + "publish/csp.py",
          ('    "object-src": ["\'none\'"],\n', ""), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: 'unsafe-inline' styles", P + "publish/csp.py",
          ('"style-src": ["\'self\'"],', '"style-src": ["\'self\'", "\'unsafe-inline\'"],'), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: images from any host", P + "publish/csp.py",
          ('"img-src": ["\'self\'", "data:"],', '"img-src": ["\'self\'", "data:", "*"],'), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: module scripts not hashed", P + "publish/csp.py",
          ('_JS_TYPES = {"", "module", ', '_JS_TYPES = {"", '), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: policy after the other head tags", P + "publish/csp.py",
          ("    at = head.end()\n", '    at = html.index("</head>")\n'), tests=(CSP_UNIT, CSP_SITE)),
    fault("CSP: an old policy kept when re-applied", P + "publish/csp.py",
          ("        html = html[:old.start()].rstrip() + html[old.end():]", "        pass"),
          tests=(CSP_UNIT, CSP_SITE)),
    # Escaping (content/blocks.py, content/item_pages.py, features/).
    fault("escaping: blocks.text does not escape", P + "content/blocks.py",
          ("return html.escape(value, quote=False).replace", "return value.replace"), tests=(FIELDS, RENDER)),
    fault("escaping: newlines in data kept", P + "content/blocks.py",
          ('html.escape(value, quote=False).replace("\\n", " ")', "html.escape(value, quote=False)"),
          tests=(RENDER, FIELDS)),
    fault("escaping: an item's own words in its page's h1", P + "content/item_pages.py",
          ('heading(1, "top", text(title))', 'heading(1, "top", title)'),
          tests=(FIELDS, RENDER)),
    fault("escaping: goal title in the context list", P + "content/item_pages.py",
          ('f"{text(goal.title[lang])}</a></li>\\n"]', 'f"{goal.title[lang]}</a></li>\\n"]'), tests=(FIELDS, RENDER)),
    fault("escaping: area title in the context list", P + "content/item_pages.py",
          ('f"{text(area.title[lang])}</a></li>\\n")', 'f"{area.title[lang]}</a></li>\\n")'), tests=(RENDER, FIELDS)),
    fault("escaping: objective text in the lead", P + "content/item_pages.py",
          ("return f'<p class=\"bf-lead\">{text(value)}</p>\\n\\n'", "return f'<p class=\"bf-lead\">{value}</p>\\n\\n'"),
          tests=(FIELDS, RENDER)),
    fault("escaping: area titles in the home page's overview", P + "content/blocks.py",
          ('                                                     f"{text(area.title[lang])}"))',
           '                                                     f"{area.title[lang]}"))'), tests=(FIELDS, RENDER)),
    fault("escaping: goal statement in the outline", P + "content/blocks.py",
          ('        out.append(heading(2, f"goal-{goal.id}", f"{text(goal_label(goal, lang))}: {title(\'goal\', goal)}"))\n'
           '        out.append(f"<p>{text(goal.statement[lang])}</p>\\n")',
           '        out.append(heading(2, f"goal-{goal.id}", f"{text(goal_label(goal, lang))}: {title(\'goal\', goal)}"))\n'
           '        out.append(f"<p>{goal.statement[lang]}</p>\\n")'),
          tests=FIELDS),
    fault("escaping: the source note (publisher, title)", P + "content/blocks.py",
          ("publisher=text(src.publisher[lang])", "publisher=src.publisher[lang]"), tests=FIELDS),
    fault("escaping: introduction paragraphs", P + "content/blocks.py",
          ('"".join(f"<p>{text(p[lang])}</p>\\n" for p in fw.introduction)', '"".join(f"<p>{p[lang]}</p>\\n" for p in fw.introduction)'),
          tests=FIELDS),
    fault("escaping: front matter written as plain YAML", P + "content/blocks.py",
          (".translate(_YAML_BREAKS)", ""), tests=FIELDS),
    fault("escaping: citation fields", P + "features/citations.py",
          ("fields = {k: html.escape(v).replace", "fields = {k: v.replace"), tests=FIELDS),
    fault("escaping: side-by-side cells", P + "features/side_by_side.py",
          ("body = f'<p class=\"bf-sbs__item\">{head}<br>{html.escape(title)}</p>'",
           "body = f'<p class=\"bf-sbs__item\">{head}<br>{title}</p>'"), tests=FIELDS),
    fault("escaping: full-text objectives", P + "features/full_text.py",
          ("</a> {blocks.text(obj.text[lang])}</p>", "</a> {obj.text[lang]}</p>"), tests=FIELDS),
    fault("escaping: head tag attributes (quotes)", P + "publish/head_tags.py",
          ("return html.escape(value, quote=True)", "return html.escape(value, quote=False)"), tests=(FIELDS, SEO)),
    fault("escaping: Material's description attribute (template)", "overrides/partials/bf-site-meta.html",
          ("{{ page.meta.description | e }}", "{{ page.meta.description }}"), tests=FIELDS_BUILD),
    # Citations (features/citations.py): expected text written from the YAML, not by the code.
    fault("citations: English period outside the quotes", P + "features/citations.py",
          ('    elif text[-1:] not in ".?!":\n        text += "."', '    elif False:\n        pass'),
          tests=(CITE_UNIT, CITES)),
    fault("citations: Spanish keeps the item's final period", P + "features/citations.py",
          ('text = text.rstrip(".")', "text = text"), tests=(CITE_UNIT, CITES)),
    fault("citations: the other language's citation links the page's language", P + "features/citations.py",
          ('"url": page_url(site_url, kind, id_, lang)', '"url": page_url(site_url, kind, id_, "en")'),
          tests=(CITE_UNIT, CITES)),
    # The loader and validator (data/load.py, data/validate.py).
    fault("data errors: no 'what to do' in any message", P + "data/load.py",
          ('tail = f" {self.fix}" if self.fix else ""', 'tail = ""'), tests=LOAD),
    fault("data errors: no 'what to do' for a missing field", P + "data/validate.py",
          ('f"Add `{missing}:` here (every translatable field needs both `en` and `es`)."', '""'), tests=LOAD),
    fault("data errors: no 'what to do' for a wrong type", P + "data/validate.py",
          ('"See data/framework.schema.json for the expected shape."', '""'), tests=LOAD),
    fault("validator: HTML tags allowed", P + "data/validate.py",
          ('    (re.compile(r"<\\s*[A-Za-z/!?]"), "an HTML tag"),\n', ""), tests=LOAD),
    fault("validator: markup allowed in Spanish", P + "data/validate.py",
          ('if parts[-1] in ("url", "date"):', 'if parts[-1] in ("url", "date", "es"):'), tests=LOAD),
    fault("validator: duplicate IDs allowed", P + "data/validate.py",
          ("        if id_ in seen:\n", "        if False:\n"), tests=LOAD),
    fault("validator: an area under another goal allowed", P + "data/validate.py",
          ('if area["id"].rsplit(".", 1)[0] != goal["id"]:', "if False:"), tests=LOAD),
    fault("loader: aliases allowed", P + "data/load.py",
          ("    if id(node) in seen:", "    if False:"), tests=LOAD),
    fault("loader: unquoted IDs read as numbers", P + "data/load.py",
          ('    if parts and parts[-1] == "id":', "    if False:"), tests=LOAD),
    fault("loader: duplicate keys merged", P + "data/load.py",
          ("            if key in out:", "            if False:"), tests=LOAD),
    fault("loader: no size limit", P + "data/load.py",
          ("    if len(raw) > MAX_BYTES:", "    if False:"), tests=LOAD),
    fault("page files: stale item pages kept", P + "content/page_files.py",
          ("                    path.unlink()\n                    removed += 1", "                    pass"), tests=RENDER),
    # Head tags, sitemaps and hosting files (custom domain).
    fault("head tags: no x-default alternate", P + "publish/head_tags.py",
          ('out.append(f\'<link rel="alternate" hreflang="x-default" href="{_attr(href)}">\')', "pass"), tests=SEO),
    fault("sitemap: http:// addresses on an https site", P + "publish/sitemap.py",
          ("<loc>{escape(info.absolute())}</loc>", "<loc>{escape(info.absolute().replace('https:', 'http:'))}</loc>"),
          tests=f"{SEO}::test_custom_domain_build"),
    fault("hosting: CNAME written for a domain SITE_URL does not use", P + "publish/hosting_files.py",
          ("    if host != domain:", "    if False:"), tests=(f"{SEO}::test_cname_must_be_a_domain_that_matches_the_site_url", SEO)),
    fault("Pages workflow: SITE_URL not exported", ".github/workflows/pages.yml",
          ('          export SITE_URL="${PAGES_URL%/}/"\n', ""), tests=WORKFLOW),
    fault("Pages workflow: PAGES_CNAME not exported", ".github/workflows/pages.yml",
          ('            *) export PAGES_CNAME="$PAGES_HOST" ;;  # a custom domain: the build writes CNAME\n',
           "            *) ;;\n"), tests=WORKFLOW),
    # The forked build, and the test suite's own helpers.
    fault("forked build off (available() false)", P + "adapter/forked_build.py",
          ('return hasattr(os, "fork") and (os.cpu_count() or 1) > 1', "return False"), tests=FORKED),
    fault("tests: goto does not check the status", "tests/support/browser.py",
          ("    assert ok, f\"{url} answered HTTP {response.status}, expected {status}\"\n", ""), tests=RULES),
    fault("tests: a missing tool skips under CI", "tests/support/ci.py",
          ('        pytest.fail(f"{what} cannot run under CI=true: {reason}", pytrace=False)\n', "        pass\n"),
          tests=RULES),
    fault("tests: a browser test pointed at a missing page", "tests/browser/test_a11y_browser.py",
          ('pytest.param("areas/2.1/", 200, id="area")', 'pytest.param("objectives/9.9.9/", 200, id="area")'),
          tests="tests/browser/test_a11y_browser.py::test_every_tab_stop_can_be_seen[area-desktop]"),
    fault("404 page: focus lands on the hidden back-to-top button", "overrides/assets/stylesheets/bf.css",
          (".md-top[hidden] { visibility: hidden; }", ""), tests=TAB_STOPS_404),
    # Parts drawn once (adapter/template_memo.py, overrides/bf-item.html) and what search and sitemaps leave out.
    fault("memo: the menu drawn once for the pages it lists too", "overrides/partials/nav.html",
          ("if page and page.file and page not in nav.pages else none", "if page and page.file else none"),
          tests=MEMO),
    fault("memo: a page's table of contents left out of its frame", "overrides/bf-item.html",
          ('"toc": toc, ', ""), tests=MEMO),
    fault("search: item pages' citations indexed", P + "features/citations.py",
          ('html.escape(t(lang, "cite_" + kind), quote=False), searchable=False)',
           'html.escape(t(lang, "cite_" + kind), quote=False), searchable=True)'), tests=SEARCH),
    fault("sitemaps: Material's requests for them sent", "overrides/assets/javascripts/bf-search-on-use.js",
          ("    if (xhr.bfSitemap) {", "    if (false) {"), tests=SITEMAP_REQUESTS),
]


def project_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                         capture_output=True, check=True).stdout.decode()
    return [f for f in out.split("\0") if f and (ROOT / f).is_file()]


def copy_project(dest: Path) -> None:
    for rel in project_files():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")


def run_tests(copy: Path, tests: tuple[str, ...] | list[str], first_failure: bool = True) -> tuple[int, str]:
    env = dict(os.environ, CI="true", PYTHONDONTWRITEBYTECODE="1")
    env.pop("SITE_URL", None)
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE", *(["-x"] if first_failure else []),
           *tests]
    result = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def first_failed(output: str) -> str | None:
    """The first failing test of a pytest run's short summary (a skip fails a CI=true run too: conftest.py)."""
    m = re.search(r"^(FAILED|ERROR) (.+?)(?: - .*)?$", output, re.M)
    if m:  # an ERROR is a fixture that failed: e.g. the build refused the fault and published nothing
        return m.group(2) + (" (in its set-up)" if m.group(1) == "ERROR" else "")
    m = re.search(r"CI=true: \d+ skipped tests fail this run: (\S+)", output)
    return f"{m.group(1)} (skipped, which fails a CI=true run)" if m else None


def plant(copy: Path, f: Fault) -> str:
    path = copy / f.path
    text = path.read_text(encoding="utf-8")
    for old, new in f.changes:
        if text.count(old) != 1:
            raise LookupError(f"{f.name}: {old!r} occurs {text.count(old)} times in {f.path}, not once: "
                              "update tools/faults.py with the code")
        text = text.replace(old, new)
    return text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", default="", help="only faults whose name or file contains this")
    parser.add_argument("--list", action="store_true", help="list the faults and their tests")
    parser.add_argument("--no-baseline", action="store_true", help="skip the run without faults")
    args = parser.parse_args(argv)
    chosen = [f for f in FAULTS if args.k.lower() in (f.name + " " + f.path).lower()]
    if args.list:
        for f in chosen:
            print(f"{f.name}  [{f.path}]\n    " + "\n    ".join(f.tests))
        return 0
    if not chosen:
        print(f"no fault matches {args.k!r}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bf-faults-") as tmp:
        copy = Path(tmp) / "project"
        copy_project(copy)
        for f in chosen:  # every fault must still apply to the code as it is
            plant(copy, f)
        if not args.no_baseline:
            tests = sorted({t for f in chosen for t in f.tests})
            print(f"Without faults, the {len(tests)} selected tests must pass (CI=true) ...", flush=True)
            code, out = run_tests(copy, tests, first_failure=False)
            if code != 0:
                print(out[-6000:])
                print("The selected tests fail without any fault: fix them first.", file=sys.stderr)
                return 1
        rows, survived, broken = [], [], []
        for n, f in enumerate(chosen, 1):
            path = copy / f.path
            original = path.read_bytes()
            started = time.monotonic()
            try:
                path.write_text(plant(copy, f), encoding="utf-8")
                code, out = run_tests(copy, f.tests)
            finally:
                path.write_bytes(original)
            seconds = time.monotonic() - started
            caught = first_failed(out) if code == 1 else None
            if caught:
                verdict = caught
            elif code == 0:
                verdict = "SURVIVED"
                survived.append(f.name)
            else:
                verdict = f"ERROR (pytest exit {code})"
                broken.append(f"{f.name}:\n{out[-3000:]}")
            rows.append((f.name, f.path.removeprefix(P), verdict, seconds))
            print(f"[{n}/{len(chosen)}] {f.name}: {verdict} ({seconds:.0f} s)", flush=True)
    print("\n| # | planted fault | file | caught by (first failing test, CI=true) | s |")
    print("|---|---|---|---|---|")
    for n, (name, path, verdict, seconds) in enumerate(rows, 1):
        print(f"| {n} | {name} | {path} | {verdict} | {seconds:.0f} |")
    print(f"\n{len(rows) - len(survived) - len(broken)} of {len(rows)} faults caught; "
          f"{len(survived)} survived; {len(broken)} could not be run.")
    for text in broken:
        print(text, file=sys.stderr)
    return 1 if survived or broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
