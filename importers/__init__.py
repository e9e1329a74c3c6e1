"""Importers: press releases (text, Markdown, HTML, .docx) and WordPress exports into the
newsroom. Sits above newsroom and programme; nothing imports it back."""
