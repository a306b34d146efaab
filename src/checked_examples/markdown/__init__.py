"""The example format rendered by Python-Markdown: any engine built on it shows the same.

The site's engine (MkDocs today; Zensical, or a MkDocs 1.x fork, tomorrow) only
has to load these from mkdocs.yml, which both engines read:

- `fences.py`: the `py` and `output` fences, as pymdownx.superfences custom
  fences (mkdocs.yml names its validators and formatters under `custom_fences`).
- `include.py`: `--8<-- "CONTRIBUTING.md"`, a page that is another Markdown
  file as written (an extension of its own in `markdown_extensions`).

`output_html.py` and `timeline.py` build the HTML; `fence_position.py` tells the
fences where in the page they stand, which superfences does not.
"""
