"""WordPress (WXR export) import: posts become news items, attachments images, old URLs
redirects. See docs/importing.md."""
