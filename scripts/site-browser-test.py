#!/usr/bin/env python3
"""Drives a site written by `orgraph site` in headless Chromium, as a person would, and checks it.

    site-browser-test.py SITE RESULT.html SCREENSHOTS

From file:// (no server): the index, then a role, one of its levels, a competency of that level and back;
the search; the print stylesheet; the hostile fixture's text shown as text with no script run; axe-core on
the index, a level and a competency page (no serious or critical violation); the one-file HTML result
opened the same way. Screenshots go to SCREENSHOTS. Uses Debian's chromedriver (never selenium's manager,
which would try the network). Prints one line per check and exits 1 on the first failure.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from browser_support import chromium, fail, ok  # noqa: E402
from axe_selenium_python import Axe  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def main():
    site = pathlib.Path(sys.argv[1]).resolve()
    result = pathlib.Path(sys.argv[2]).resolve()
    shots = pathlib.Path(sys.argv[3]).resolve()
    shots.mkdir(parents=True, exist_ok=True)

    driver = chromium(1280, 1000)
    wait = WebDriverWait(driver, 10)
    try:
        def pwned():
            return driver.execute_script("return window.__pwned === undefined ? null : window.__pwned")

        def axe(name):
            checker = Axe(driver)
            checker.inject()
            found = checker.run()
            bad = [v for v in found["violations"] if v.get("impact") in ("serious", "critical")]
            if bad:
                fail("axe on %s: %s" % (name, "; ".join("%s (%s): %s" % (v["id"], v["impact"], v["help"]) for v in bad)))
            minor = len(found["violations"])
            ok("axe on %s: no serious or critical violation (%d minor)" % (name, minor))

        driver.get((site / "index.html").as_uri())
        if "Site" not in driver.title:
            fail("index title is %r" % driver.title)
        driver.save_screenshot(str(shots / "index.png"))
        axe("the index")
        # Index → role → level → competency → back.
        driver.find_element(By.LINK_TEXT, "Platform Engineer").click()
        wait.until(EC.title_contains("Platform Engineer"))
        ok("index → role page: " + driver.title)
        driver.find_element(By.PARTIAL_LINK_TEXT, "E2 Senior Engineer").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "svg.profile")))
        heading = driver.find_element(By.TAG_NAME, "h1").text
        if "[U+202E]" not in heading:
            fail("the right-to-left override is not shown as text in the level heading: %r" % heading)
        ok("role → level page, with its profile chart: " + heading)
        driver.save_screenshot(str(shots / "level.png"))
        axe("a level page")
        driver.find_element(By.CSS_SELECTOR, "#r-kubernetes a").click()
        wait.until(EC.title_contains("Kubernetes"))
        ok("level → competency page: " + driver.title)
        driver.save_screenshot(str(shots / "competency.png"))
        axe("a competency page")
        driver.back()
        wait.until(EC.title_contains("Senior Engineer"))
        ok("back to the level page")
        # A statement's anchor: the competency page links each statement to its place on the level page.
        driver.get((site / "competency" / "kubernetes.html").as_uri())
        driver.find_element(By.CSS_SELECTOR, "a[href*='acme~engineer-2.html#s-']").click()
        wait.until(lambda d: "#s-" in d.current_url)
        target = driver.execute_script("return document.querySelector(':target') && document.querySelector(':target').textContent")
        if not target or "I run Kubernetes in production." not in target:
            fail("the statement's anchor does not land on it: %r" % target)
        ok("a statement's link lands on the statement: " + driver.current_url.split("/")[-1])
        # Search, offline.
        box = driver.find_element(By.ID, "search")
        box.send_keys("kubern")
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results li")) > 0)
        hits = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]
        if not hits or hits[0] != "Kubernetes":
            fail("search for 'kubern' shows %r" % hits)
        ok("search 'kubern': %d results, first %r" % (len(hits), hits[0]))
        driver.save_screenshot(str(shots / "search.png"))
        box.clear()
        box.send_keys("window.__pwned")
        wait.until(lambda d: "match" in d.find_element(By.ID, "search-status").text or "Nothing" in d.find_element(By.ID, "search-status").text)
        shown = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]
        if not any("<script>" in s for s in shown):
            fail("the hostile statement is not shown as text in search results: %r" % shown)
        ok("search shows the hostile text as text: %r" % shown[0][:60])
        driver.find_elements(By.CSS_SELECTOR, "#search-results li a")[0].click()
        # Hostile text everywhere it appears: shown, never run.
        for page in ["index.html", "team/acme~platform.html", "value/acme~candour.html", "level/acme~engineer-1.html",
                     "competency/iac.html"]:
            driver.get((site / page).as_uri())
            if pwned() is not None:
                fail("a script from the graph's text ran on %s" % page)
            if page == "value/acme~candour.html":
                quote = driver.find_element(By.TAG_NAME, "blockquote").text
                if 'onmouseover="window.__pwned=1"' not in quote:
                    fail("the value's text is not shown as written: %r" % quote)
                driver.find_element(By.TAG_NAME, "blockquote").click()
            if page == "team/acme~platform.html":
                if "<script>window.__pwned=1</script>" not in driver.find_element(By.TAG_NAME, "h1").text:
                    fail("the team's name is not shown as written")
        if pwned() is not None:
            fail("a script from the graph's text ran")
        ok("hostile names, statements and origins are shown as text and run nothing")
        # Print: the search form and the footer are hidden, the page prints on A4.
        driver.get((site / "level" / "acme~engineer-2.html").as_uri())
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        if driver.find_element(By.CSS_SELECTOR, "form.search").is_displayed():
            fail("the search form shows in print")
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
        (shots / "level.pdf").write_bytes(__import__("base64").b64decode(pdf["data"]))
        driver.save_screenshot(str(shots / "level-print.png"))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        ok("print: the search form is hidden; level.pdf written (%d KB)" % ((shots / "level.pdf").stat().st_size // 1024))
        # Dark theme.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        if background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"):
            fail("dark theme: the background stays %s" % background)
        driver.save_screenshot(str(shots / "level-dark.png"))
        axe("a level page, dark")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        ok("dark theme: background %s" % background)
        # The one-file HTML result.
        driver.get(result.as_uri())
        rows = driver.find_elements(By.CSS_SELECTOR, "tbody tr")
        if not rows:
            fail("the HTML result shows no rows")
        driver.save_screenshot(str(shots / "result.png"))
        axe("the HTML result")
        ok("HTML result: %d rows" % len(rows))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
