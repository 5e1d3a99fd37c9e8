"""The command line: the `yusuan` app, built here from the area modules, and `entry`, where the program starts.

Each area module holds its commands as plain functions and imports only `common`; this module alone registers
them, so nothing imports back from here. A command imports what it uses when it runs: `yusuan --version` and
`--help` load neither the model nor the readers nor the checks (docs/development.md).
"""

from __future__ import annotations

import typer

from . import batch, db, documents, render, web
from .common import main

__all__ = ["app", "entry", "main"]

app = typer.Typer(
    help="yusuan：读取、检查、生成和归档部门预算/决算公开文件。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.callback()(main)
# registered in the order `yusuan --help` lists them
app.command()(documents.parse)
app.command()(documents.export)
app.command()(documents.check)
app.command()(documents.rules)
app.command()(documents.schema)
app.command()(documents.version)
app.command()(render.template)
app.command()(render.render)
app.add_typer(db.db_app, name="db")
app.command()(db.compare)
app.command()(web.serve)
app.command()(batch.batch)
app.command()(batch.synth)


def entry() -> None:
    """`yusuan` on the command line."""
    from .zh import run  # late: it loads typer.rich_utils, which `import yusuan.cli` does without

    run(app)
