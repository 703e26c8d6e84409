#!/usr/bin/env python3
"""The HTML report in a real browser (headless Debian Chromium through Selenium).

    html_browser_test.py VNPLAN OUT_DIR

Audits a corpus document and a hostile document made here (markup and script in its text and
its file name) into OUT_DIR/report.html, loads the page in headless Chromium and checks that:
  - the page loads with no console message of level WARNING or SEVERE (a refused script or
    fetch would be one: the page's Content-Security-Policy allows nothing but its own script),
    no alert is open, and the hostile text ran nothing and shows as text;
  - every in-page link lands on an element;
  - hovering a highlight shows its record;
  - a screenshot (OUT_DIR/report.png, OUT_DIR/top.png) shows the highlight colours, counted
    pixel by pixel.
Exit 77 (ctest SKIP_RETURN_CODE) only when chromium is not installed; tools/setup installs it
with chromium-driver, python3-selenium and python3-pil.
"""
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS_DOC = os.path.join(SOURCE_DIR, "corpus", "audit", "faults_planted.txt")

# The highlight colours of src/emit/html_page.cc.
COLOURS = {
    "citation": (0x9E, 0xC5, 0xFE),
    "amount": (0xA3, 0xE4, 0xA3),
    "quantity": (0xFF, 0xE5, 0x8A),
    "date": (0xFF, 0xC4, 0x8A),
    "responsibility": (0xD9, 0xC2, 0xFF),
    "finding (error)": (0xD6, 0x28, 0x28),
}

HOSTILE_NAME = "\"><img src=x onerror=alert('name')>.txt"
HOSTILE_TEXT = """ỦY BAN NHÂN DÂN
HUYỆN THỬ NGHIỆM
Số: 07/KH-UBND
Thử nghiệm, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
<script>alert('script'); document.title = 'PWNED';</script>
Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của "><img src=x onerror=alert('img')>;
I. MỤC TIÊU
1. Kinh phí 1.500 triệu đồng </pre><script>alert('pre')</script> '><svg onload=alert('svg')>
2. <a href="https://example.org/">liên kết</a> <iframe src="javascript:alert('iframe')"></iframe>
"""


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    vnplan, out_dir = sys.argv[1], sys.argv[2]
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed: skipped (tools/setup installs it)")
        return SKIP
    try:
        from selenium import webdriver
        from selenium.common.exceptions import NoAlertPresentException
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        from PIL import Image
    except ImportError as e:
        fail(f"{e}: chromium is here but not the test's helpers; run tools/setup "
             "(chromium-driver, python3-selenium, python3-pil)")
    driver_path = shutil.which("chromedriver")
    if driver_path is None:
        fail("chromedriver missing; run tools/setup (chromium-driver)")

    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="vnplan_html_")
    try:
        hostile = os.path.join(work, HOSTILE_NAME)
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(HOSTILE_TEXT)
        report = os.path.join(out_dir, "report.html")
        run = subprocess.run([vnplan, "audit", CORPUS_DOC, hostile, "--html", report],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             errors="replace")
        if run.returncode not in (0, 1):
            fail(f"vnplan audit exited {run.returncode}: {run.stderr}")
        check_page(report, out_dir, webdriver, Service, ActionChains, By,
                   NoAlertPresentException, Image, driver_path, chromium)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("OK: " + report)
    return 0


def check_page(report, out_dir, webdriver, Service, ActionChains, By, NoAlertPresentException,
               Image, driver_path, chromium):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1800", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.get("file://" + os.path.abspath(report))
        driver.execute_script("return document.readyState")

        try:
            alert = driver.switch_to.alert
            fail("an alert is open: " + alert.text)
        except NoAlertPresentException:
            pass
        logs = [e for e in driver.get_log("browser") if e.get("level") in ("WARNING", "SEVERE")]
        if logs:
            fail("console messages: " + "; ".join(e.get("message", "") for e in logs))
        if driver.title != "vnplan audit report":
            fail("the title changed to " + repr(driver.title))

        # The hostile document is text: one script (the page's own), no element from it.
        counts = driver.execute_script(
            "return [document.scripts.length, document.images.length,"
            " document.querySelectorAll('svg, iframe, pre a, pre script').length,"
            " document.querySelectorAll('pre.text').length]")
        if counts != [1, 0, 0, 2]:
            fail(f"scripts, images, injected elements, texts = {counts}, want [1, 0, 0, 2]")
        texts = [p.get_attribute("textContent")
                 for p in driver.find_elements(By.CSS_SELECTOR, "pre.text")]
        shown = "".join(texts)
        for piece in ("<script>alert('script'); document.title = 'PWNED';</script>",
                      "\"><img src=x onerror=alert('img')>",
                      "</pre><script>alert('pre')</script> '><svg onload=alert('svg')>"):
            if piece not in shown:
                fail("not shown as text: " + piece)
        headings = driver.execute_script(
            "return Array.from(document.querySelectorAll('section.doc h3'), h => h.textContent)")
        if not any(HOSTILE_NAME in h for h in headings):
            fail(f"the hostile file name is not shown as text: {headings}")

        # Every in-page link lands on an element.
        broken = driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href]'))"
            ".map(a => a.getAttribute('href'))"
            ".filter(h => !h.startsWith('#') || !document.getElementById(h.slice(1)))")
        if broken:
            fail(f"links that go nowhere (or out of the page): {broken[:5]}")

        # Hovering a highlight shows its record.
        citation = driver.find_element(By.CSS_SELECTOR, "pre.text .t-citation")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", citation)
        ActionChains(driver).move_to_element(citation).perform()
        tip = driver.find_element(By.ID, "tip")
        if not tip.is_displayed() or "citation #" not in tip.text or "number:" not in tip.text:
            fail("hovering a citation shows no record: " + repr(tip.text))
        ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()

        # Screenshots: the top of the page, and the corpus document's text.
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(out_dir, "top.png"))
        first = driver.find_element(By.CSS_SELECTOR, "section.doc")
        height = driver.execute_script("return arguments[0].offsetHeight", first)
        driver.set_window_size(1280, min(max(height + 40, 1800), 8000))  # the whole text
        driver.execute_script("arguments[0].scrollIntoView()", first)
        png = os.path.join(out_dir, "report.png")
        driver.save_screenshot(png)
    finally:
        driver.quit()

    image = Image.open(png).convert("RGB")
    pixels = {name: 0 for name in COLOURS}
    for n, rgb in image.getcolors(maxcolors=image.width * image.height):
        for name, want in COLOURS.items():
            if all(abs(a - b) <= 3 for a, b in zip(rgb, want)):
                pixels[name] += n
    print("highlight pixels in report.png: " +
          ", ".join(f"{k} {v}" for k, v in pixels.items()))
    for name, n in pixels.items():
        if n < 100:
            fail(f"the screenshot shows almost no {name} highlight ({n} pixels)")


if __name__ == "__main__":
    sys.exit(main())
