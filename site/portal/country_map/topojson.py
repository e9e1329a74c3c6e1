"""Just enough TopoJSON to read world-atlas: quantised, delta-encoded arcs and the
polygons of one object, as lists of rings of (longitude, latitude).

TopoJSON stores each shared border once (an "arc"); a polygon's ring is a list of arc
indices, where ``~i`` (that is ``-i - 1``) means arc ``i`` walked backwards. A quantised
file stores each arc's first point as integers and every next point as the difference to
the one before; ``transform`` (scale, translate) turns the integers into degrees.
Specification: https://github.com/topojson/topojson-specification
"""

from __future__ import annotations

from typing import Any

Point = tuple[float, float]
Ring = list[Point]
#: A polygon: its outer ring, then its holes.
Polygon = list[Ring]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc of the topology in absolute coordinates (degrees when quantised)."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point] = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_arcs(indices: list[int], arcs: list[list[Point]]) -> Ring:
    """Join a ring's arcs; consecutive arcs share their end point, which is kept once."""
    ring: Ring = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def geometry_polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """A Polygon's or MultiPolygon's arc indices as a list of polygons (rings of indices)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry.get("arcs") or []]
    elif kind == "MultiPolygon":
        polygons = list(geometry.get("arcs") or [])
    else:
        return []  # points, lines and null geometries draw no country
    return [polygon for polygon in polygons if polygon and polygon[0]]


def geometries(topology: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The geometries of one object (``countries`` in world-atlas), with their ``id``."""
    return list(topology["objects"][name].get("geometries", []))
