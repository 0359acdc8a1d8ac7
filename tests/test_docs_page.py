"""The docs page works offline: headless Chromium opens /docs on a running server, sees the
operations, expands one, runs it with "Try it out" and saves a screenshot to docs/.

Needs Debian's chromium and chromium-driver; skipped without them unless
NEWSGRAPH_REQUIRE_BROWSER=1 (as in CI), where their absence is a failure.
"""
import os
import shutil

import pytest

from app.config import PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SCREENSHOT = PROJECT_ROOT / "docs" / "swagger-ui.png"


@pytest.fixture
def browser():
    if not (CHROMIUM and DRIVER):
        if os.environ.get("NEWSGRAPH_REQUIRE_BROWSER"):
            pytest.fail("chromium and chromedriver are required")
        pytest.skip("chromium and chromedriver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1280,1600"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_docs_page_lists_and_runs_an_operation(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as seen
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    browser.get(f"{live_server}/docs")
    wait.until(seen.presence_of_all_elements_located((By.CSS_SELECTOR, ".opblock")))
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert "/api/v1/people" in {p.replace("\u200b", "") for p in paths}

    block = browser.find_element(By.ID, "operations-people-list_people_api_v1_people_get")
    block.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    wait.until(lambda d: block.find_elements(By.CSS_SELECTOR, ".try-out__btn"))
    block.find_element(By.CSS_SELECTOR, ".try-out__btn").click()
    wait.until(lambda d: block.find_elements(By.CSS_SELECTOR, ".execute"))
    block.find_element(By.CSS_SELECTOR, ".execute").click()
    wait.until(lambda d: block.find_elements(By.CSS_SELECTOR, ".live-responses-table tr.response .response-col_status"))
    status = block.find_element(By.CSS_SELECTOR, ".live-responses-table tr.response .response-col_status").text
    body = block.find_element(By.CSS_SELECTOR, ".live-responses-table .microlight").text
    assert status.strip().startswith("200")
    assert '"items"' in body

    browser.execute_script("arguments[0].scrollIntoView();", block)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOT))


def test_docs_assets_come_from_the_server(live_server):
    import httpx

    html = httpx.get(f"{live_server}/docs").text
    assert "cdn.jsdelivr" not in html and "unpkg" not in html
    assert httpx.get(f"{live_server}/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    redoc = httpx.get(f"{live_server}/redoc").text
    assert "static-offline-docs" in redoc
