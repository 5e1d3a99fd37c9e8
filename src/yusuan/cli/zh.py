"""The command line in Chinese: the help screens' own words and the messages for a mistyped command.

Typer prints its panel titles, the usage line, the type of each value and the --help line in English, and a usage
mistake as an English sentence in a box; a finance officer reads neither. The panel titles are Typer's settings; the
usage line, the types and the --help line are Typer's own code, put in Chinese once at start; usage mistakes are
caught where the program starts (`run`) and said again in Chinese.
"""

from __future__ import annotations

import re
import sys

import typer
import typer.rich_utils as rich_utils
from typer import core as typer_core
from typer._click import core as click_core
from typer._click import decorators as click_decorators
from typer._click import exceptions as click_exceptions
from typer.exceptions import Abort

PANEL_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "DEFAULT_STRING": "[默认：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "ABORTED_TEXT": "已中止。",
    "RICH_HELP": "用 [blue]{command_path} {help_option}[/] 查看用法。",
}
HELP_TEXT = "显示本帮助并退出。"
USAGE_WORDS = {"Usage: ": "用法：", "[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}
# the type of an option's value, as Typer names it (`list[Path]`: an argument given several times)
TYPE_WORDS = {"str": "文本", "int": "整数", "float": "数", "path": "路径", "Path": "路径"}
VALUE_WORDS = {"valid number": "，应为数字", "valid integer": "，应为整数", "valid boolean": "，应为 true 或 false"}


def type_label(english: str, flag: bool = False) -> str:
    """'<list[Path]>' -> '<路径>'; a flag takes no value, so it shows none (Typer says '<bool>')."""
    if flag:
        return ""
    inner = english.removeprefix("<").removesuffix(">")
    inner = inner.removeprefix("list[").removesuffix("]")
    return f"<{TYPE_WORDS.get(inner, inner)}>"


def _localize_usage() -> None:
    english_usage = click_core.Command.format_usage
    if getattr(english_usage, "localized", False):
        return

    def format_usage(command, ctx, formatter) -> None:
        pieces = [USAGE_WORDS.get(piece, piece) for piece in command.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_WORDS["Usage: "])

    def display_type(param, ctx) -> str:
        return type_label(english_type(param, ctx), flag=getattr(param, "is_flag", False))

    english_type = typer_core._TyperParameter.display_type
    format_usage.localized = True
    click_core.Command.format_usage = format_usage
    typer_core._TyperParameter.display_type = display_type
    rich_utils.OptionHighlighter.highlights = [*rich_utils.OptionHighlighter.highlights, r"(?P<usage>用法：)"]


def localize() -> None:
    for name, words in PANEL_WORDS.items():
        setattr(rich_utils, name, words)
    _localize_usage()
    english_help_option = click_decorators.help_option
    if getattr(english_help_option, "localized", False):
        return

    def help_option(param_decls):
        add = english_help_option(param_decls)

        def decorate(command):
            command = add(command)
            command.params[-1].help = HELP_TEXT
            return command

        return decorate

    help_option.localized = True
    click_decorators.help_option = help_option


def _param_name(param) -> str:
    if param is None:
        return ""
    options = getattr(param, "opts", None) or []
    dashed = [o for o in options if o.startswith("-")]
    return dashed[0] if dashed else param.metavar or (param.name or "").upper()


def usage_message(error: click_exceptions.UsageError) -> str:
    """One Chinese sentence for a usage mistake, and where to look."""
    command = error.ctx.command_path if error.ctx is not None else "yusuan"
    look = f"请用 {command} --help 查看用法。"
    text = error.message or ""
    if isinstance(error, click_exceptions.NoSuchOption):
        return f"没有选项“{error.option_name}”。{look}"
    if isinstance(error, click_exceptions.MissingParameter):
        return f"缺少 {_param_name(error.param)}。{look}"
    if isinstance(error, click_exceptions.BadParameter):
        wanted = next((zh for en, zh in VALUE_WORDS.items() if en in text), f"（{text}）")
        return f"{_param_name(error.param)} 的值无效{wanted}。{look}"
    if found := re.match(r"No such command '(.+?)'", text):
        return f"没有命令“{found[1]}”。{look}"
    if found := re.match(r"Got unexpected extra argument\S* \((.+)\)", text):
        return f"多了参数：{found[1]}。{look}"
    if found := re.match(r"Option '(.+)' requires an argument", text):
        return f"选项 {found[1]} 后面要写一个值。{look}"
    return f"命令用法有误（{text}）。{look}"


def run(app: typer.Typer) -> None:
    """The program's entry point: Typer's, with usage mistakes told in Chinese (exit 2, as Typer does)."""
    from rich.console import Console

    localize()
    try:
        code = app(prog_name="yusuan", standalone_mode=False)
    except click_exceptions.UsageError as error:
        Console(stderr=True).print(f"[bold red]错误：[/]{usage_message(error)}", highlight=False)
        code = 2
    except Abort:  # Typer's own, not in its copy of Click's exceptions
        Console(stderr=True).print("已中止。")
        code = 1
    sys.exit(code if isinstance(code, int) else 0)
