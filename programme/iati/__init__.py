"""The programme and its phases as IATI Activity Standard 2.03 activities (docs/iati.md)."""
