"""``claimgraph serve``: the web app and JSON API over a store."""

from __future__ import annotations

import click

from claimgraph.cli.errors import handle_errors
from claimgraph.cli.options import db_option


@click.command(name="serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-ingest", is_flag=True, help="Allow uploads from the browser and API.")
@click.option("--token", envvar="CLAIMGRAPH_TOKEN", help="Token for ingest (needed off loopback).")
@handle_errors
def serve_command(db: str, host: str, port: int, allow_ingest: bool, token: str | None) -> None:
    """Browse stories, figures, discrepancies and sources; JSON API under /api/."""
    # Imported here: the web stack is only loaded by the command that needs it.
    import uvicorn

    from claimgraph.store import open_store
    from claimgraph.web.app import create_app
    from claimgraph.web.config import WebConfig

    if not allow_ingest:  # read-only: a mistyped --db must not serve a new empty store
        open_store(db, create=False).close()
    config = WebConfig(db=db, host=host, token=token or None, allow_ingest=allow_ingest)
    try:
        app = create_app(config)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    # Parse the stored stories now rather than on the first visitor's request.
    stories = len(app.state.catalog.snapshot().summaries)
    click.echo(
        f"claimgraph: serving {stories} stories from {db} on http://{host}:{port}/", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
