"""What route functions take from the app: its catalog and its configuration."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from claimgraph.web.catalog import Catalog
from claimgraph.web.config import WebConfig


def get_catalog(request: Request) -> Catalog:
    catalog: Catalog = request.app.state.catalog
    return catalog


def get_config(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.config
    return config


CatalogDep = Annotated[Catalog, Depends(get_catalog)]
ConfigDep = Annotated[WebConfig, Depends(get_config)]
