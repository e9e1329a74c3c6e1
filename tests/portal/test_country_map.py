"""The home page's country map: the TopoJSON build step (portal.country_map.build), the
committed map data, and the map on the home page (links, news counts, visibility)."""

from __future__ import annotations

import datetime
import json
import math
import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portal.country_map import DATA_FILE, collation_key, load_map, map_context
from portal.country_map.build import build_map, simplify
from portal.country_map.topojson import decode_arcs
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import publish
from tests.factories.programme import (
    CountryTagFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
)

WORLD_ATLAS = Path(__file__).resolve().parents[2] / "node_modules" / "world-atlas"


def quantised(lon: float, lat: float) -> list[int]:
    """A point of the small topology below in its quantised units (0.1°, from 40°E 30°N)."""
    return [round((lon - 40) * 10), round((lat - 30) * 10)]


def delta(*points: tuple[float, float]) -> list[list[int]]:
    """An arc as TopoJSON stores it: the first point, then differences."""
    q = [quantised(*p) for p in points]
    return [q[0]] + [[b[0] - a[0], b[1] - a[1]] for a, b in zip(q, q[1:], strict=False)]


#: Two square countries side by side sharing one border (arc 0, walked backwards by the
#: second), and a long neighbour to the east that reaches far outside the view.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.1, 0.1], "translate": [40, 30]},
    "arcs": [
        delta((62, 40), (62, 42)),
        delta((62, 42), (60, 42), (60, 40), (62, 40)),
        delta((62, 40), (64, 40), (64, 42), (62, 42)),
        delta((64, 40), (80, 40), (80, 42), (64, 42), (64, 40)),
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "001", "arcs": [[1, 0]]},
                {"type": "Polygon", "id": "002", "arcs": [[2, -1]]},
                {"type": "MultiPolygon", "id": "003", "arcs": [[[3]]]},
                {"type": "Polygon", "id": "004", "arcs": []},
            ],
        }
    },
}


def points(d: str) -> list[tuple[float, float]]:
    """The absolute points of path data made of ``M x y l dx dy ... z`` rings."""
    result = []
    for ring in d.split("M")[1:]:
        numbers = [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", ring)]
        x, y = numbers[0], numbers[1]
        result.append((x, y))
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            result.append((round(x, 1), round(y, 1)))
    return result


def test_arcs_are_delta_decoded_and_dequantised():
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[1] == pytest.approx([(62, 42), (60, 42), (60, 40), (62, 40)])
    assert arcs[3][-1] == pytest.approx((64, 40))


def test_build_projects_shares_borders_shades_and_clips():
    data = build_map(TOPOLOGY, {"aa": "001", "bb": "002"}, margin=1.0)
    width, height = data["view_box"][2:]
    a, b = (points(country["d"]) for country in data["countries"])
    # The view is the two squares plus 1° (59-65°E, 39-43°N); longitudes are shortened by
    # the cosine of the middle latitude.
    assert width == 800
    assert height == pytest.approx(800 * 4 / (6 * math.cos(math.radians(41))), abs=0.1)
    # One border, the same coordinates on both sides: no gap, no overlap.
    assert max(x for x, _ in a) == min(x for x, _ in b)
    assert {p for p in a if p[0] == max(x for x, _ in a)} == {
        p for p in b if p[0] == min(x for x, _ in b)
    }
    # Neighbours get different shades.
    assert data["countries"][0]["shade"] != data["countries"][1]["shade"]
    # The label is inside its country.
    for country, outline in zip(data["countries"], (a, b), strict=True):
        x, y = country["label"]
        assert min(p[0] for p in outline) < x < max(p[0] for p in outline)
        assert min(p[1] for p in outline) < y < max(p[1] for p in outline)
    # The eastern neighbour is cut a few units past the view (it reaches 80°E).
    neighbours = points(data["neighbours"])
    assert neighbours and max(x for x, _ in neighbours) <= width + 8
    assert min(x for x, _ in neighbours) == pytest.approx(max(x for x, _ in b), abs=0.1)


def test_build_refuses_a_country_it_cannot_find():
    with pytest.raises(ValueError, match="zz"):
        build_map(TOPOLOGY, {"aa": "001", "zz": "999"})


def test_simplify_keeps_the_ends_and_the_corners():
    line = [(0, 0), (1, 0.1), (2, 0), (3, 5), (4, 0)]
    assert simplify(line, 0.5) == [(0, 0), (2, 0), (3, 5), (4, 0)]


@pytest.mark.skipif(not WORLD_ATLAS.exists(), reason="node_modules/world-atlas: run `make node`")
def test_committed_map_is_built_from_the_pinned_world_atlas():
    """countries.json is what ``manage.py build_country_map`` makes from world-atlas now."""
    topology = json.loads((WORLD_ATLAS / "countries-50m.json").read_text())
    committed = json.loads(DATA_FILE.read_text())
    built = build_map(topology)
    for key in ("view_box", "countries", "neighbours"):
        assert committed[key] == built[key], f"run `manage.py build_country_map` ({key})"
    assert "public domain" in committed["licence"] and "Natural Earth" in committed["source"]
    assert {c["code"] for c in committed["countries"]} == {"kz", "kg", "tj", "tm", "uz"}
    assert len(DATA_FILE.read_bytes()) < 25_000


@pytest.mark.django_db
def test_home_map_links_each_programme_country_with_its_visible_news_count(client, homes):
    kz, kg, tj = (CountryTagFactory(slug=code) for code in ("kz", "kg", "tj"))
    programme = ProgrammePageFactory(parent=homes["ru"])
    phase = ProgrammePhasePageFactory(parent=programme, countries=[kz, kg, tj])
    en = homes["en"].locale
    publish(programme.copy_for_translation(en))
    publish(phase.copy_for_translation(en))
    newsroom = NewsIndexPageFactory(parent=homes["ru"])
    for _ in range(2):
        publish(NewsPageFactory(parent=newsroom, countries=[kz]))
    publish(NewsPageFactory(parent=newsroom, countries=[kz, kg]))
    # Hidden from readers, so not counted: a draft and an embargoed (future-dated) item.
    NewsPageFactory(parent=newsroom, countries=[kz, tj], live=False).save_revision()
    publish(
        NewsPageFactory(
            parent=newsroom,
            countries=[kz, tj],
            publication_date=timezone.now() + datetime.timedelta(days=2),
        )
    )

    html = client.get("/ru/").content.decode()
    svg = html[html.index("<svg viewBox") : html.index("</svg>", html.index("<svg viewBox"))]
    links = re.findall(r'<a class="map-country[^"]*" href="([^"]+)" aria-label="([^"]+)">', svg)
    assert links == [
        ("/ru/countries/kz/", "Казахстан: 3 материала"),
        ("/ru/countries/kg/", "Кыргызстан: 1 материал"),
        ("/ru/countries/tj/", "Таджикистан: 0 материалов"),
    ]
    shapes = load_map()["by_code"]
    assert f'd="{shapes["kz"]["d"]}"' in svg
    # The same in text beside the map, and the names on the map, hidden from screen
    # readers (the links' names say it already).
    legend = html[html.index('<ul class="map-legend">') :]
    assert '<a href="/ru/countries/kg/"><span class="map-legend-name">Кыргызстан</span>' in legend
    assert '<g class="map-labels" aria-hidden="true">' in svg

    # In English: English names, the English country pages, English news only (none).
    english = client.get("/en/").content.decode()
    assert 'href="/en/countries/kz/" aria-label="Kazakhstan: 0 items"' in english


@pytest.mark.django_db
def test_home_without_programme_or_news_has_no_map(client, homes):
    html = client.get("/ru/").content.decode()
    assert "map-country" not in html and "<svg viewBox" not in html


@pytest.mark.django_db
def test_the_map_costs_no_query(django_assert_num_queries):
    """The map is drawn from the countries and counts the home page has already read."""
    kz, uz = CountryTagFactory(slug="kz"), CountryTagFactory(slug="uz")
    with translation.override("ru"), django_assert_num_queries(0):
        html = render_to_string(
            "portal/includes/country_map.html", {"map": map_context([uz, kz], [(kz, 5)])}
        )
    assert 'href="/ru/countries/kz/" aria-label="Казахстан: 5 материалов"' in html
    assert 'href="/ru/countries/uz/" aria-label="Узбекистан: 0 материалов"' in html


@pytest.mark.parametrize(
    "names",
    [
        ["Казахстан", "Кыргызстан", "Таджикистан", "Туркменистан", "Узбекистан"],
        ["Қазақстан", "Қырғызстан", "Өзбекстан", "Тәжікстан", "Түрікменстан"],
        ["Gazagystan", "Gyrgyzystan", "Özbegistan", "Täjigistan", "Türkmenistan"],
        ["Ozbekiston", "Qirgʻiziston", "Qozogʻiston", "Tojikiston", "Turkmaniston"],
    ],
)
def test_the_list_follows_each_alphabet(names):
    """Қ after К and Ә after А (kk), Ö after O (tk): not code-point order."""
    assert sorted(reversed(names), key=collation_key) == names
    assert sorted(["Кыргызстан", "Қазақстан"], key=collation_key) == ["Кыргызстан", "Қазақстан"]
