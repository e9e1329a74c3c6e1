"""Build the home page's country map from world-atlas's TopoJSON (Natural Earth boundaries,
public domain): the programme's countries in full and their neighbours, faint, for context.

The steps, each small enough to check by eye:

1. the view is the programme countries' bounding box plus a margin;
2. points are projected with an equirectangular projection whose longitudes are shortened
   by the cosine of the view's middle latitude (at 35-55°N a plain lon/lat grid would
   stretch the region sideways by half), and scaled to ``width`` units;
3. each TopoJSON arc (a stretch of border shared by two countries) is simplified once with
   Douglas-Peucker, so neighbours keep exactly the same border and no gap opens between
   them;
4. neighbours are clipped to a rectangle slightly larger than the view (their far parts,
   Russia's or China's, would only weigh on the page);
5. rings become SVG path data with one decimal.

The result is a small JSON file committed with the code (``countries.json``), so neither the
site nor the tests need node or world-atlas at run time. ``manage.py build_country_map``
writes it again.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from portal.country_map.topojson import (
    Point,
    Ring,
    decode_arcs,
    geometries,
    geometry_polygons,
    ring_arcs,
)

#: The reference programme's countries: ISO 3166-1 alpha-2 (our tags' slugs) -> numeric
#: (world-atlas's ids).
PROGRAMME_COUNTRIES = {"kz": "398", "kg": "417", "tj": "762", "tm": "795", "uz": "860"}
SOURCE = "Natural Earth 1:50m Cultural Vectors, Admin 0 - Countries, via world-atlas"
LICENCE = (
    "Natural Earth data are in the public domain (https://www.naturalearthdata.com/about/"
    "terms-of-use/); world-atlas, which converts them to TopoJSON, is under the ISC licence."
)


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: drop the points closer than ``tolerance`` to the line that skips
    them. End points stay, so arcs still meet their neighbours."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = 0, 0.0
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length
            else:  # a closed arc (an island) starts and ends on the same point
                d = math.hypot(px - x1, py - y1)
            if d > distance:
                farthest, distance = i, d
        if distance > tolerance:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def clip(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clipping of a ring to a rectangle (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: _cross_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cross_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cross_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cross_y(a, b, y1)),
    ]
    output = list(ring)
    for inside, cross in edges:
        points, output = output, []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    output.append(cross(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(cross(previous, current))
    return output


def _cross_x(a: Point, b: Point, x: float) -> Point:
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _cross_y(a: Point, b: Point, y: float) -> Point:
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def area(ring: Ring) -> float:
    """Signed area (shoelace formula)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in _edges(ring)) / 2


def path_data(rings: Iterable[Ring]) -> str:
    """SVG path data: an absolute move, then relative lines computed from the rounded
    absolute points (so rounding never accumulates along a border)."""
    parts = []
    for ring in rings:
        rounded = [(round(x, 1), round(y, 1)) for x, y in ring]
        if len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(rounded) < 3:
            continue
        (x, y), text = rounded[0], [f"M{_num(rounded[0][0])} {_num(rounded[0][1])}"]
        steps = []
        for nx, ny in rounded[1:]:
            if (nx, ny) != (x, y):
                steps.append(f"{_num(nx - x)} {_num(ny - y)}")
            x, y = nx, ny
        text.append("l" + _join(steps) + "z")
        parts.append("".join(text))
    return "".join(parts)


def _num(value: float) -> str:
    """A number as short as SVG allows: ``0.5`` -> ``.5``, ``-0.5`` -> ``-.5``, ``2.0`` -> ``2``."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text.replace("0.", ".", 1) if text.lstrip("-").startswith("0.") else text


def _join(numbers: list[str]) -> str:
    """Numbers joined with a space only where the next one does not start with a sign."""
    text = ""
    for number in " ".join(numbers).split(" "):
        text += number if not text or number.startswith("-") else " " + number
    return text


def label_point(rings: list[Ring], aspect: float = 3.0, steps: int = 48) -> Point:
    """Where the name goes: the point inside the country with the most room around it for
    a label ``aspect`` times wider than tall (a centroid can fall outside a crescent-shaped
    country, or on a narrow neck). A grid search, refined once around the best point: the
    pole of inaccessibility, in a space where heights count ``aspect`` times."""
    squeezed = [[(x, y * aspect) for x, y in ring] for ring in rings]
    segments = [edge for ring in squeezed for edge in _edges(ring)]
    x0, y0, x1, y1 = _bounds(p for ring in squeezed for p in ring)
    step = max(x1 - x0, y1 - y0) / steps
    best, room = _best_point(((x0 + x1) / 2, (y0 + y1) / 2), step, steps // 2 + 1, segments)
    # A finer grid around the first pass's best point.
    best, room = _best_point(best, step / 8, 8, segments, best, room)
    return (round(best[0], 1), round(best[1] / aspect, 1))


def _best_point(
    centre: Point,
    step: float,
    half: int,
    segments: list[tuple[Point, Point]],
    best: Point | None = None,
    room: float = -1.0,
) -> tuple[Point, float]:
    """The grid point (``2 * half + 1`` points a side) farthest inside the outline."""
    for i in range(-half, half + 1):
        for j in range(-half, half + 1):
            point = (centre[0] + i * step, centre[1] + j * step)
            if not _inside(point, segments):
                continue
            distance = min(_segment_distance(point, a, b) for a, b in segments)
            if distance > room:
                best, room = point, distance
    return (best if best is not None else centre), room


def _inside(point: Point, segments: list[tuple[Point, Point]]) -> bool:
    """Even-odd rule, so holes (enclaves) count as outside."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in segments:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _segment_distance(point: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _edges(ring: Ring) -> Iterable[tuple[Point, Point]]:
    return zip(ring, ring[1:] + ring[:1], strict=True)


def build_map(
    topology: dict[str, Any],
    countries: dict[str, str] | None = None,
    *,
    width: float = 800.0,
    margin: float = 2.0,
    tolerance: float = 0.6,
    min_area: float = 4.0,
) -> dict[str, Any]:
    """The map as a JSON-ready dict: view box, programme countries (code, name, path data,
    label point) and the neighbours' path data. ``countries`` maps our tags' alpha-2 slugs
    to world-atlas's numeric ids; ``margin`` is in degrees, ``tolerance`` and ``min_area``
    in map units (``width`` units across)."""
    countries = countries or PROGRAMME_COUNTRIES
    arcs = decode_arcs(topology)
    shapes = geometries(topology, "countries")
    by_id = {str(shape.get("id")): shape for shape in shapes}
    missing = sorted(code for code, number in countries.items() if number not in by_id)
    if missing:
        raise ValueError(f"no geometry for {', '.join(missing)} in the topology")

    chosen = {number for number in countries.values()}
    lon0, lat0, lon1, lat1 = _bounds(
        point
        for number in chosen
        for polygon in geometry_polygons(by_id[number])
        for point in ring_arcs(polygon[0], arcs)
    )
    lon0, lat0, lon1, lat1 = lon0 - margin, lat0 - margin, lon1 + margin, lat1 + margin
    shrink = math.cos(math.radians((lat0 + lat1) / 2))
    scale = width / ((lon1 - lon0) * shrink)
    height = round((lat1 - lat0) * scale, 1)

    def project(point: Point) -> Point:
        return ((point[0] - lon0) * shrink * scale, (lat1 - point[1]) * scale)

    simplified: dict[int, list[Point]] = {}

    def arc(index: int) -> list[Point]:
        key = index if index >= 0 else ~index
        if key not in simplified:
            simplified[key] = simplify([project(p) for p in arcs[key]], tolerance)
        return simplified[key] if index >= 0 else simplified[key][::-1]

    def rings_of(shape: dict[str, Any]) -> list[Ring]:
        rings = []
        for polygon in geometry_polygons(shape):
            for indices in polygon:
                ring: Ring = []
                for index in indices:
                    points = arc(index)
                    ring.extend(points if not ring else points[1:])
                if abs(area(ring)) >= min_area:
                    rings.append(ring)
        return rings

    shades = shade({code: _arc_keys(by_id[number]) for code, number in countries.items()})
    items = []
    for code, number in countries.items():
        rings = rings_of(by_id[number])
        x, y = label_point(rings)
        items.append(
            {
                "code": code,
                "id": number,
                "name": by_id[number].get("properties", {}).get("name", code.upper()),
                "d": path_data(rings),
                "label": [x, y],
                "shade": shades[code],
            }
        )

    # Neighbours: any other country whose outline reaches into the view (degrees first:
    # cheap, and it skips projecting the rest of the world).
    box = (-8.0, -8.0, width + 8.0, height + 8.0)
    neighbour_rings: list[Ring] = []
    for shape in shapes:
        if str(shape.get("id")) in chosen:
            continue
        polygons = geometry_polygons(shape)
        outline = [p for polygon in polygons for p in ring_arcs(polygon[0], arcs)]
        if not outline:
            continue
        b = _bounds(outline)
        if b[2] < lon0 - 1 or b[0] > lon1 + 1 or b[3] < lat0 - 1 or b[1] > lat1 + 1:
            continue
        for ring in rings_of(shape):
            clipped = clip(ring, box)
            if len(clipped) >= 3 and abs(area(clipped)) >= min_area:
                neighbour_rings.append(clipped)

    return {
        "source": SOURCE,
        "licence": LICENCE,
        "view_box": [0, 0, round(width, 1), height],
        "countries": items,
        "neighbours": path_data(neighbour_rings),
    }


def shade(borders: dict[str, set[int]]) -> dict[str, int]:
    """A shade number per country such that countries sharing a border differ (greedy
    colouring, most neighbours first): with one colour for all, the borders between
    programme countries would be thin white lines and the countries hard to tell apart."""
    neighbours = {
        code: {other for other, arcs in borders.items() if other != code and arcs & mine}
        for code, mine in borders.items()
    }
    shades: dict[str, int] = {}
    for code in sorted(borders, key=lambda c: (-len(neighbours[c]), c)):
        taken = {shades[other] for other in neighbours[code] if other in shades}
        shades[code] = next(n for n in range(len(borders)) if n not in taken)
    return shades


def _arc_keys(shape: dict[str, Any]) -> set[int]:
    """The arcs (as non-negative keys) a country's outline is made of."""
    return {
        index if index >= 0 else ~index
        for polygon in geometry_polygons(shape)
        for ring in polygon
        for index in ring
    }


def _bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        raise ValueError("nothing to draw")
    return min(xs), min(ys), max(xs), max(ys)
