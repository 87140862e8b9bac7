"""'Cite this': the copy buttons work by keyboard; the texts parse."""

from __future__ import annotations

import json
from typing import Any

from tests.quality.conftest import Served


def test_copy_button_by_keyboard(browser: Any, example_server: Served) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(example_server.url("en/activities/3.1.3/"), wait_until="networkidle")
    button = page.locator('button[data-pp-copy="cite-csl"]')
    assert button.is_visible(), "the script shows the copy buttons"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.pp-copy-status').textContent.length > 0", timeout=5000
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    [item] = json.loads(copied)
    assert item["URL"].endswith("/en/activities/3.1.3/")
    context.close()
