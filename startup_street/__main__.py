"""The ``startup-street`` console script: every Django management command, plus ``demo``."""

import os
import sys

# DEBUG is off unless asked for; these development commands turn it on unless DEBUG is set.
DEVELOPMENT_COMMANDS = {"demo", "runserver", "makemigrations", "makemessages", "compilemessages"}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "startup-street"
    if len(argv) == 1:
        argv.append("help")
    if argv[1] in DEVELOPMENT_COMMANDS or argv[1] in {"help", "--help", "-h"}:
        os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as error:
        sys.stderr.write(f"startup-street: {error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
