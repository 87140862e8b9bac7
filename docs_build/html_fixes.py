"""Small, exact repairs of Material's HTML that the Nu HTML Checker rejects.

Each fix names the validator message it answers. `test_quality` checks that
every pattern still occurs in Material's output, so an upgrade that changes
the markup is noticed instead of silently leaving a fix unused.
"""

from __future__ import annotations

import re

# "Attribute autocomplete is only allowed when the input type is ..." (the
# drawer and search toggles are checkboxes).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input [^>]*type="checkbox"[^>]*?) autocomplete="off"')
# "Bad value '' for attribute tabindex on element label" (section labels).
EMPTY_TABINDEX = re.compile(r' tabindex=""')
# "The for attribute of the label element must refer to a non-hidden form
# control" (the table-of-contents toggle on pages outside the navigation).
TOC_LABEL = re.compile(r'<label class="[^"]*" for="__toc">(.*?)</label>', re.DOTALL)

FIXES = {
    "checkbox_autocomplete": CHECKBOX_AUTOCOMPLETE,
    "empty_tabindex": EMPTY_TABINDEX,
}


def fix_material_html(html: str) -> str:
    """Return Material's page HTML with the known validity errors repaired."""
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub("", html)
    if 'id="__toc"' not in html:
        html = TOC_LABEL.sub(r'<span class="md-nav__title">\1</span>', html)
    return html
