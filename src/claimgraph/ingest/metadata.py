"""Metadata from every place it can come from, merged with a fixed precedence.

Highest first: the user's overrides (``outlet=``, ``published=``), a sidecar
``NAME.meta.json`` beside the article file, what the source itself states, then
inference (outlet from the URL's domain, then from the text's self-references, and a
language guess). Inferred values are marked ``*_inferred``; a missing date stays None.
A sidecar beside a JSONL file or feed applies to every article in it.

A value a source states that is invalid (a date that is not ISO 8601, a URL that does
not parse) is dropped, as if it had not been given, and noted in ``MetaLayer.dropped``;
the readers pass each note on as a ``MetadataWarning`` naming where it came from.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from claimgraph.errors import BadMetadata, UnreadableInput
from claimgraph.ingest.dates import ISO_EXAMPLE, normalise_published
from claimgraph.ingest.language import primary_language
from claimgraph.ingest.limits import optional_without_surrogates, without_surrogates
from claimgraph.model import Metadata

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("outlet", "url", "published", "language")
_MAX_SIDECAR_BYTES = 1_000_000  # a sidecar holds four short strings; more is a mistake
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.", "edition.")
_NOT_ISO_DATE = f"not a date ({ISO_EXAMPLE})"
_SHOWN_VALUE_CHARS = 80  # a warning quotes the bad value; a sidecar may hold a megabyte of it


@dataclass(frozen=True)
class MetaLayer:
    """Metadata from one place; ``None`` means that place says nothing about it."""

    outlet: str | None = None
    outlet_inferred: bool = False
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str | None = None
    dropped: tuple[str, ...] = ()  # why each invalid stated value was dropped


@dataclass(frozen=True)
class MetadataWarning:
    """A value a source stated that was dropped as invalid; the article was read without it.

    ``path`` names the file (with ``:line`` or ``:entry N`` where it applies).
    """

    path: str
    message: str


def dropped_warnings(where: str, layer: MetaLayer) -> Iterator[MetadataWarning]:
    """One ``MetadataWarning`` naming ``where`` per value ``layer`` dropped."""
    for message in layer.dropped:
        yield MetadataWarning(where, message)


def dropped_value(name: str, value: str, why: str) -> str:
    """The note for a dropped value: ``published 'yesterday' dropped: not a date (...)``."""
    shown = value if len(value) <= _SHOWN_VALUE_CHARS else value[:_SHOWN_VALUE_CHARS] + "..."
    return f"{name} {shown!r} dropped: {why}"


def override_layer(outlet: str | None, published: str | None) -> MetaLayer:
    """The user's overrides; raises ``BadMetadata`` for a date that is not ISO 8601."""
    return MetaLayer(
        outlet=_clean(outlet),
        published=_validated_published(published),
    )


def stated_layer(
    *,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> MetaLayer:
    """What a source states; an invalid ``url`` or ``published`` is dropped and noted."""
    dropped: list[str] = []
    given_url = _clean(url)
    valid_url = _valid_url(given_url)
    if given_url is not None and valid_url is None:
        dropped.append(dropped_value("url", given_url, "not a valid URL"))
    given_published = _clean(published)
    valid_published = _published_or_none(given_published)
    if given_published is not None and valid_published is None:
        dropped.append(dropped_value("published", given_published, _NOT_ISO_DATE))
    return MetaLayer(
        outlet=_clean(outlet),
        url=valid_url,
        published=valid_published,
        language=primary_language(_clean(language)),
        dropped=tuple(dropped),
    )


def merge_layers(
    layers: Sequence[MetaLayer],
    *,
    source_path: str,
    source_format: str,
    self_referenced: str | None = None,
) -> Metadata:
    """One ``Metadata`` from ``layers`` (highest precedence first), then inference.

    Without a stated outlet, the URL's domain is used (where the article appeared),
    then ``self_referenced``, the outlet the text names as its own (which, in a
    syndicated copy, is the original publisher rather than the one it appeared in).
    """
    outlet_layer = _first_with(layers, "outlet")
    published_layer = _first_with(layers, "published")
    url = _first_value(layers, "url")
    outlet = outlet_layer.outlet if outlet_layer else None
    outlet_inferred = outlet_layer.outlet_inferred if outlet_layer else False
    if outlet is None and url is not None:
        outlet, outlet_inferred = outlet_from_url(url), True
    if outlet is None and self_referenced is not None:
        outlet, outlet_inferred = self_referenced, True
    return Metadata(
        outlet=outlet,
        outlet_inferred=outlet_inferred if outlet is not None else False,
        url=url,
        published=published_layer.published if published_layer else None,
        published_inferred=published_layer.published_inferred if published_layer else False,
        language=_first_value(layers, "language"),
        source_path=without_surrogates(source_path),
        source_format=source_format,
    )


def outlet_from_url(url: str) -> str | None:
    """The outlet a URL points at, as its domain ("https://www.nbcnews.com/x" -> "nbcnews.com")."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "http://[::1/x": an unbalanced IPv6 bracket, a bad port
        return None
    return outlet_from_host(host) if host else None


def outlet_from_host(host: str) -> str | None:
    """A host name without the ``www.``-style prefixes that do not name the outlet."""
    host = host.strip().lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    return host or None


def sidecar_path(article_path: Path) -> Path:
    """Where the sidecar of ``article_path`` lives: ``NAME.meta.json`` beside ``NAME.ext``."""
    return article_path.with_name(article_path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    """Whether ``path`` is a sidecar (read with its article, never as an input)."""
    return path.name.endswith(SIDECAR_SUFFIX)


def read_sidecar(article_path: Path, shown_path: str) -> MetaLayer:
    """The sidecar layer for ``article_path`` (empty when there is none).

    Raises ``UnreadableInput`` (for the article) when the sidecar is unusable (not a
    JSON object of string values under known keys), since reading the article without
    the metadata the user wrote for it would mislead. An invalid value in a usable
    sidecar is dropped and noted in the layer's ``dropped``, like any stated value.
    """
    path = sidecar_path(article_path)
    if not path.is_file():
        return MetaLayer()
    try:
        if path.stat().st_size > _MAX_SIDECAR_BYTES:
            raise ValueError("too large to be a metadata sidecar")
        values = _sidecar_values(json.loads(path.read_text(encoding="utf-8-sig")))
        return stated_layer(**values)
    except RecursionError:
        raise UnreadableInput(shown_path, f"sidecar {path.name}: JSON nested too deeply") from None
    except (OSError, ValueError) as error:
        raise UnreadableInput(shown_path, f"sidecar {path.name}: {_one_line(error)}") from None


def _sidecar_values(loaded: object) -> dict[str, str | None]:
    if not isinstance(loaded, dict):
        raise ValueError("expected a JSON object with keys " + ", ".join(SIDECAR_KEYS))
    unknown = sorted(set(loaded) - set(SIDECAR_KEYS))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}; known keys: {', '.join(SIDECAR_KEYS)}")
    for key, value in loaded.items():
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key!r} must be a string")
    return {str(key): value for key, value in loaded.items()}


def _first_with(layers: Sequence[MetaLayer], name: str) -> MetaLayer | None:
    return next((layer for layer in layers if getattr(layer, name) is not None), None)


def _first_value(layers: Sequence[MetaLayer], name: str) -> str | None:
    layer = _first_with(layers, name)
    value = getattr(layer, name) if layer else None
    return value if isinstance(value, str) else None


def _validated_published(value: str | None) -> str | None:
    cleaned = _clean(value)
    return normalise_published(cleaned) if cleaned is not None else None


def _published_or_none(value: str | None) -> str | None:
    try:
        return _validated_published(value)
    except BadMetadata:
        return None


def _clean(value: str | None) -> str | None:
    value = optional_without_surrogates(value)
    return value.strip() if value and value.strip() else None


def _valid_url(url: str | None) -> str | None:
    """``url``, or ``None`` when it cannot be parsed as one (it is dropped, not fatal)."""
    if url is None:
        return None
    try:
        urlsplit(url).port  # noqa: B018 (parsing the port is what raises on a bad one)
    except ValueError:
        return None
    return url


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
