"""Words and bytes: catalogue, languages, readable values, Markdown, slugs, YAML, errors."""
