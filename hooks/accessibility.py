"""Fix the accessibility faults that axe-core finds in Material's own markup.

Why this hook exists. The browser tests run axe-core on the home page, a content page, the question
index and the glossary, and require no serious or critical violation. Material renders its search
overlay as `role="dialog"` without an accessible name (axe: aria-dialog-name), so a screen reader
announces an unnamed dialog. The overlay comes from Material's `partials/search.html`; overriding that
whole partial to add one attribute would copy forty lines of theme code into `overrides/`, so the name is
added here, and the build fails if Material's markup changes and the fix no longer applies. (The colour
fixes live in handbook.css; focus for scrollable formulas in assets/javascripts/scrollable-formulas.js.)
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="搜索">'


def on_post_page(output, page, config):
    if SEARCH_DIALOG not in output:
        raise PluginError(
            f"hooks/accessibility.py: Material's search overlay markup changed on {page.file.src_uri}; "
            "update SEARCH_DIALOG so the dialog keeps its accessible name."
        )
    return output.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
