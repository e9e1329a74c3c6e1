"""Demo content of the newsroom: a newsroom in ru and en with a dozen items across kinds,
countries and themes, written in our own words. One of them is our counterpart of the
regional dialogue held in Almaty on 29–30 November 2022 (a press release with quoted
officials).

Layout: ``data_items`` (the items without their texts), ``data_programme`` (the programme
pages they point at, made here only when the programme's demo did not), ``data_ru`` and
``data_en`` (the texts, one module per language) and ``build`` (places them; ``load``).
"""

from __future__ import annotations

from newsroom.demo.build import load

__all__ = ["load"]
