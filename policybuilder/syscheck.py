"""Check the system libraries the app needs, and say which package to install when one is missing.

Run by `make run` and `make test` before anything else: `python -m policybuilder.syscheck`.
"""

import sys

HINT = {
    "pango": "WeasyPrint needs the Pango text library. On Debian or Ubuntu: "
    "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0",
}


def main() -> int:
    try:
        import weasyprint  # noqa: F401  (loading it loads Pango through cffi)
    except OSError as exc:
        print(f"policybuilder: a system library is missing ({exc}).", file=sys.stderr)
        print(HINT["pango"], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
