#!/usr/bin/env python3
"""Drives `orgraph serve`'s console in headless Chromium, as a person would, and checks it.

    serve-browser-test.py URL SCREENSHOTS

URL serves the site fixture (Tests/OrgToolTests/Fixtures/site.yaml), whose names hold a script. Types a query
with Tab completion, runs it, sees the table and the drawing, follows a node to its page, shows an error as
the terminal does, compares two levels; no script from the graph's text runs. Prints one line per check and
exits 1 on the first failure. Uses Debian's chromedriver, never selenium's manager.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from browser_support import chromium, fail, ok  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def main():
    url = sys.argv[1].rstrip("/")
    shots = pathlib.Path(sys.argv[2]).resolve()
    shots.mkdir(parents=True, exist_ok=True)
    driver = chromium(1400, 1000)
    wait = WebDriverWait(driver, 10)
    try:
        driver.get(url + "/")
        box = driver.find_element(By.ID, "query")
        box.clear()
        box.send_keys("tea")
        box.send_keys(Keys.TAB)
        wait.until(lambda d: d.find_element(By.ID, "query").get_attribute("value") != "tea"
                   or d.find_elements(By.CSS_SELECTOR, "#completions button"))
        value = driver.find_element(By.ID, "query").get_attribute("value")
        if value == "tea":
            driver.find_elements(By.CSS_SELECTOR, "#completions button")[0].click()
            value = driver.find_element(By.ID, "query").get_attribute("value")
        if not value.startswith("team"):
            fail("Tab did not complete 'tea': %r" % value)
        ok("Tab completes 'tea' to %r" % value)
        box = driver.find_element(By.ID, "query")
        box.send_keys(Keys.CONTROL, Keys.END)
        box.clear()
        box.send_keys("teams")
        box.send_keys(Keys.CONTROL, Keys.ENTER)
        wait.until(lambda d: "row" in d.find_element(By.ID, "status").text)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#diagram img"))
        cells = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#result td")]
        if not any("<script>window.__pwned=1</script>" in c for c in cells):
            fail("the team's name is not shown as written: %r" % cells)
        if driver.execute_script("return window.__pwned === undefined ? null : window.__pwned") is not None:
            fail("a script from the graph's text ran in the console")
        ok("Ctrl+Enter runs: %s; the table shows the hostile name as text; the drawing is beside it"
           % driver.find_element(By.ID, "status").text)
        driver.save_screenshot(str(shots / "console.png"))
        box = driver.find_element(By.ID, "query")
        box.clear()
        box.send_keys('level "SRE" -> requires')
        driver.find_element(By.CSS_SELECTOR, "#query-form button[type=submit]").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#result td a"))
        link = driver.find_elements(By.CSS_SELECTOR, "#result td a")[0]
        name = link.text
        link.click()
        wait.until(lambda d: d.find_elements(By.TAG_NAME, "h1") and d.find_element(By.TAG_NAME, "h1").text == name)
        ok("a node in the result links to its page: %s" % driver.current_url.split("/site/")[-1])
        driver.get(url + "/")
        box = driver.find_element(By.ID, "query")
        box.clear()
        box.send_keys("levls | count")
        driver.find_element(By.CSS_SELECTOR, "#query-form button[type=submit]").click()
        wait.until(lambda d: d.find_element(By.ID, "error").is_displayed())
        error = driver.find_element(By.ID, "error").text
        if "^^^^^" not in error or "did you mean `levels`?" not in error:
            fail("the error is not shown as the terminal shows it: %r" % error)
        ok("an error shows as in the terminal, caret and help")
        driver.get(url + "/compare")
        Select(driver.find_element(By.ID, "from")).select_by_index(0)
        Select(driver.find_element(By.ID, "to")).select_by_index(1)
        driver.find_element(By.CSS_SELECTOR, "#compare-form button[type=submit]").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#gap td"))
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#profile img, #profile p"))
        ok("compare: %s; %d gap rows" % (driver.find_element(By.ID, "status").text,
                                        len(driver.find_elements(By.CSS_SELECTOR, "#gap tbody tr"))))
        driver.save_screenshot(str(shots / "compare.png"))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
